"""The analysis feature's action: the cohort analysis window. scipy and matplotlib load when
the window is first opened, not with the main window."""

from __future__ import annotations

from proapp.gui.common.actions import Action, Host
from proapp.gui.common.language import QT_TRANSLATE_NOOP


def _open(host: Host) -> None:
    from proapp.gui.analysis.window import open_analysis_window

    open_analysis_window(host.widget(), host.database, host.actor)


ANALYSIS = Action("actAnalysis", QT_TRANSLATE_NOOP("Action", "Cohort &analysis…"), _open,
                  "Ctrl+Shift+A",
                  QT_TRANSLATE_NOOP("Action", "Friedman and Spearman by MS subtype and symptom "
                                              "group, as in the study"))
