"""File > Import...: choose a folder with patients.csv / visits.csv, check it first (a dry run
that writes nothing) and read every finding in a table; only a check without errors enables
Import, which then writes everything in one transaction. The rules and the writing live in
``services.exchange.importer``; this dialog only shows what it reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.gui.common import style
from proapp.gui.common.errors import error_text
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.gui.common.table import CellStyle, Column, RowTableModel
from proapp.gui.common.tasks import Task, run_with_progress
from proapp.services.errors import UserError
from proapp.services.exchange.importer import ERROR, Finding, ImportReport, import_folder
from proapp.services.progress import Progress

SEVERITY_NAMES = {"error": QT_TRANSLATE_NOOP("ImportDialog", "error"),
                  "warning": QT_TRANSLATE_NOOP("ImportDialog", "warning")}


def _severity(f: Finding) -> str:
    return QCoreApplication.translate("ImportDialog", SEVERITY_NAMES.get(f.severity, f.severity))


def _severity_style(f: Finding) -> CellStyle:
    return CellStyle(foreground=QColor(style.ERROR if f.severity == ERROR else style.WARNING))


class FindingsModel(RowTableModel[Finding]):
    """The findings of an import report, errors first."""

    SEVERITY, FILE, ROW, COLUMN, VALUE, RULE, MESSAGE = range(7)
    columns = (
        Column(QT_TRANSLATE_NOOP("Column", "Severity"), _severity, style=_severity_style),
        Column(QT_TRANSLATE_NOOP("Column", "File"), lambda f: f.file),
        Column(QT_TRANSLATE_NOOP("Column", "Row"), lambda f: "" if f.row is None else str(f.row)),
        Column(QT_TRANSLATE_NOOP("Column", "Column"), lambda f: f.column),
        Column(QT_TRANSLATE_NOOP("Column", "Value"), lambda f: f.value),
        Column(QT_TRANSLATE_NOOP("Column", "Rule"), lambda f: f.rule),
        Column(QT_TRANSLATE_NOOP("Column", "Message"), lambda f: shown(f.message),
               tooltip=lambda f: shown(f.message)),
    )

    def set_findings(self, findings: list[Finding]) -> None:
        self.set_rows(sorted(findings, key=lambda f: (f.severity != ERROR, f.file, f.row or 0)))


class ImportDialog(QDialog):
    checked = Signal(object)  # ImportReport of the dry run
    imported = Signal(object)  # ImportReport of the import

    def __init__(self, parent: QWidget | None, database: Database, actor: Actor):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.task: Task | None = None
        self.report: ImportReport | None = None
        self._checked_for: tuple[str, bool] | None = None
        self.setWindowTitle(self.tr("Import"))

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("folder holding patients.csv and/or visits.csv"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Folder:"))
        label.setBuddy(self.folder)
        row.addWidget(label)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.update_box = QCheckBox(self.tr("&Replace patients and visits that exist with "
                                            "different values (recorded in the change log)"))
        self.summary = QLabel(self.tr("Check the folder first: nothing is written until the "
                                      "check finds no errors and you press Import. Imported "
                                      "visits are complete; warnings are listed but do not "
                                      "stop the import."))
        self.summary.setWordWrap(True)
        self.model = FindingsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = buttons.addButton(self.tr("&Check"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton(self.tr("&Import"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setEnabled(False)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        self.folder.textChanged.connect(self._invalidate)
        self.update_box.toggled.connect(self._invalidate)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.update_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import from folder"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)

    def _key(self) -> tuple[str, bool]:
        return (self.folder.text().strip(), self.update_box.isChecked())

    def _invalidate(self) -> None:
        """Any change of folder or options needs a new check before importing."""
        if self._checked_for is not None and self._checked_for != self._key():
            self._checked_for = None
            self.import_button.setEnabled(False)

    def _run(self, dry_run: bool) -> None:
        folder, update = self._key()
        if not folder:
            self.summary.setText(self.tr("Choose a folder first."))
            return
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        database, actor = self.database, self.actor

        def work(progress: Progress) -> ImportReport:
            return import_folder(database, actor, Path(folder).expanduser(), dry_run=dry_run,
                                 update=update, progress=progress)

        self.task = run_with_progress(
            self, self.tr("Checking") if dry_run else self.tr("Importing"), work,
            on_done=lambda r: self._done(r, dry_run, (folder, update)),
            on_error=self._failed, on_cancel=self._cancelled)

    def check(self) -> None:
        self._run(dry_run=True)

    def run_import(self) -> None:
        if self._checked_for != self._key():
            self.summary.setText(self.tr("Check the folder again before importing."))
            return
        self._run(dry_run=False)

    def _done(self, report: ImportReport, dry_run: bool, key: tuple[str, bool]) -> None:
        self.task = None
        self.report = report
        self.model.set_findings(report.findings)
        self.check_button.setEnabled(True)
        if dry_run:
            ok = report.ok and key == self._key()
            self._checked_for = key if ok else None
            self.import_button.setEnabled(ok)
            self.summary.setText(shown(report.summary()) + (
                " " + self.tr("Press Import to write.") if report.ok else ""))
            self.checked.emit(report)
        else:
            self._checked_for = None
            self.summary.setText(shown(report.summary()))
            self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.check_button.setEnabled(True)
        self._checked_for = None
        if isinstance(exc, UserError | OSError):
            self.summary.setText(error_text(exc))
        else:
            self.summary.setText(self.tr("Unexpected problem (see the log): {why}").format(
                why=exc))

    def _cancelled(self) -> None:
        self.task = None
        self.check_button.setEnabled(True)
        self._checked_for = None
        self.summary.setText(self.tr("Cancelled; nothing was imported."))
