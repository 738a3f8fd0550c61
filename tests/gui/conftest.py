"""The GUI tests run under the same window policy as the application (windows fit the
screen, dialogs open with the focus in their first input): installed by
:func:`proapp.gui.shell.app.application`, and here on pytest-qt's application."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from proapp.gui.common import windows


@pytest.fixture(autouse=True)
def window_policy(qapp: QApplication) -> windows.WindowPolicy:
    return windows.install(qapp)
