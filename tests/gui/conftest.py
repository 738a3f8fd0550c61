"""The GUI tests run under the same window policy as the application (windows fit the
screen, dialogs open with the focus in their first input) and in the same language set-up
(English, with its compiled translation: the plural forms): installed by
:func:`proapp.gui.shell.app.application`, and here on pytest-qt's application."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from proapp.domain.language import Language
from proapp.gui.common import language, windows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def built_translations() -> None:
    """The .qm files, as the build makes them (``scripts/translations.py release``)."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "release"],
                   check=True)


@pytest.fixture(autouse=True)
def window_policy(qapp: QApplication) -> windows.WindowPolicy:
    return windows.install(qapp)


@pytest.fixture(autouse=True)
def english_screens(qapp: QApplication, built_translations: None) -> Iterator[None]:
    """Every test starts in English; a test that switches to Italian is put back."""
    if language.current_language() is not Language.ENGLISH or not language.installed():
        language.install(Language.ENGLISH)
    yield
    if language.current_language() is not Language.ENGLISH:
        language.install(Language.ENGLISH)


@pytest.fixture
def italian(qapp: QApplication, built_translations: None) -> Iterator[None]:
    """The screens in Italian for one test (windows made after this speak Italian)."""
    language.install(Language.ITALIAN)
    yield
    language.install(Language.ENGLISH)
