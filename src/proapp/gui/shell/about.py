"""Help → About: versions, where the files are, and the licence of every bundled library.

The licence list comes from :mod:`proapp.licenses` (the installed distributions' metadata,
bundled into the frozen build too), so it always matches what actually ships. The *Help*
menu's entries are declared in :mod:`proapp.gui.shell.menus`; F1's list of shortcuts is here.
"""

from __future__ import annotations

import platform
import sys
from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proapp import APP_NAME, __version__, licenses, paths
from proapp.db.engine import Database
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.common.table import Column, RowTableModel
from proapp.logs import log_file

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def facts(database: Database) -> list[tuple[str, str]]:
    """(label, value) rows shown at the top of the dialog, in the screens' language."""
    build = (translate("About", "frozen build") if getattr(sys, "frozen", False)
             else translate("About", "from source"))
    return [
        (translate("About", "Version"), f"{APP_NAME} {__version__} ({build})"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt / PySide6", f"Qt {qVersion()}, PySide6 {PySide6.__version__}"),
        (translate("About", "System"), platform.platform()),
        (translate("About", "Database"), database.display_name),
        (translate("About", "Data folder"), str(paths.data_dir())),
        (translate("About", "Log file"), str(log_file())),
    ]


def _note(part: licenses.Component) -> str:
    return part.note


class LicenceModel(RowTableModel[licenses.Component]):
    """Every bundled component with its version and licence (a note as tooltip)."""

    COMPONENT, VERSION, LICENCE = range(3)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "Component"), lambda p: p.name, tooltip=_note),
        Column(QT_TRANSLATE_NOOP("Column", "Version"), lambda p: p.version, tooltip=_note),
        Column(QT_TRANSLATE_NOOP("Column", "Licence"), lambda p: p.license, tooltip=_note),
    )


class AboutDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About {name}").format(name=APP_NAME))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{APP_NAME} {escape(__version__)}</h2><p>" + escape(self.tr(
            "Patient-reported outcomes (MIDAS, FSS) and IJV flow for MS clinics.")) + "</p>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        rows = "".join(f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td>"
                       f"<td>{escape(v)}</td></tr>" for k, v in facts(database))
        self.facts = QLabel(f"<table>{rows}</table>")
        self.facts.setObjectName("facts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel("<b>" + escape(self.tr("Bundled software and licences")) + "</b>"))
        self.model = LicenceModel(self)
        self.model.set_rows(licenses.components())
        self.table = QTableView()
        self.table.setObjectName("licenses")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        texts = buttons.addButton(self.tr("Full licence &texts…"),
                                  QDialogButtonBox.ButtonRole.ActionRole)
        texts.clicked.connect(self.show_texts)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()  # Enter or Esc closes; Tab reaches the table

    def show_texts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Third-party licences"))
        dialog.resize(760, 640)
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setFont(QFont("DejaVu Sans Mono", 9))
        text.setPlainText(third_party_text())
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.exec()


def third_party_text() -> str:
    """The bundled THIRD_PARTY_LICENSES.txt of a frozen build, else made from the installed
    metadata (the same function wrote the bundled file)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        from pathlib import Path

        bundled = Path(frozen) / "THIRD_PARTY_LICENSES.txt"
        if bundled.is_file():
            return bundled.read_text(encoding="utf-8", errors="replace")
    return licenses.full_text()


def show_about(parent: QWidget | None, database: Database) -> None:
    dialog = AboutDialog(database, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def show_shortcuts(window: QWidget) -> None:
    """F1: every shortcut of the window's actions, and the keys that are not actions."""
    lines = [(a.text().replace("&", "").rstrip("…"),
              a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
             for a in window.actions() if not a.shortcut().isEmpty()]
    lines += [(translate("About", "Open the selected patient / start the selected worklist "
                         "visit"), translate("About", "Enter")),
              (translate("About", "Move between fields"), translate("About", "Tab / Shift+Tab"))]
    rows = "".join(f"<tr><td style='padding-right:18px'>{escape(t)}</td><td><b>{escape(k)}</b>"
                   "</td></tr>" for t, k in lines)
    box = QMessageBox(QMessageBox.Icon.NoIcon, translate("About", "Keyboard shortcuts"),
                      f"<table>{rows}</table>", QMessageBox.StandardButton.Close, window)
    box.setObjectName("shortcutsBox")
    box.open()
