"""File → Language…: the language of the screens, a preference of this computer's user.

The choice is remembered (QSettings, :mod:`proapp.gui.common.language`) and applies from the
next start: windows already open keep theirs, so no half-translated screen is ever shown.
Reports do not follow it: each patient's report is in the patient's language (patient dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from proapp import APP_NAME
from proapp.domain.language import LANGUAGES, Language
from proapp.gui.common import language


class LanguageDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle(self.tr("Language"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The language of proapp's screens on this computer, for your "
                               "account. Each patient's reports are in the patient's own "
                               "language, chosen in the patient's details."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.choice = QComboBox()
        self.choice.setObjectName("screenLanguage")
        for lang in LANGUAGES:
            self.choice.addItem(lang.native_name, lang.value)
        self.choice.setCurrentIndex(self.choice.findData(language.preferred_language().value))
        form.addRow(self.tr("&Screens in:"), self.choice)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def chosen(self) -> Language:
        return Language(self.choice.currentData())


def choose_screen_language(parent: QWidget) -> Language | None:
    """Ask, remember, and say when it applies; the language chosen, None when cancelled."""
    dialog = LanguageDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.chosen
    language.choose_language(chosen)
    if chosen is not language.current_language():
        QMessageBox.information(parent, APP_NAME, QCoreApplication.translate(
            "LanguageDialog",
            "proapp speaks {language} from its next start on this computer.").format(
                language=chosen.native_name))
    return chosen
