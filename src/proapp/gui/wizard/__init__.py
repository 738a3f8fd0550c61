"""Guided visit entry: visit, MIDAS, FSS, flow and review pages driven by the domain definitions.

``open_visit_entry`` is the entry point for the rest of the GUI.
"""

from proapp.gui.wizard.dialog import VisitWizard
from proapp.gui.wizard.entry import open_visit_entry

__all__ = ["VisitWizard", "open_visit_entry"]
