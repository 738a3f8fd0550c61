"""File > Export...: choose a format, options and destination; the export runs off the GUI
thread behind a progress dialog with Cancel, and existing files are replaced only after the
user agreed. All work is done by ``services.exchange.export``; this dialog only collects."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.patient import MsSubtype
from proapp.gui.common.errors import error_text
from proapp.gui.common.language import qt_date_format, shown
from proapp.gui.common.tasks import Task, run_with_progress
from proapp.services.errors import UserError
from proapp.services.exchange.dataset import ExportOptions
from proapp.services.exchange.export import ExportResult, Format, run_export, targets
from proapp.services.progress import Progress


class ExportDialog(QDialog):
    finished_export = Signal(object)  # ExportResult, for callers and tests

    def __init__(self, parent: QWidget | None, database: Database, actor: Actor):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.task: Task | None = None
        self.result_: ExportResult | None = None
        self.setWindowTitle(self.tr("Export"))

        self.format = QComboBox()
        for fmt in Format:
            self.format.addItem(shown(fmt.description), fmt)
        self.destination = QLineEdit()
        self.destination.setPlaceholderText(self.tr("folder or file to write"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.destination, 1)
        dest_row.addWidget(browse)

        self.deidentify = QCheckBox(self.tr("De-&identify (no names, birth dates or free text; "
                                            "keeps age at visit and patient code)"))
        self.subtypes = {s: QCheckBox(s.value) for s in MsSubtype}
        subtype_row = QHBoxLayout()
        for subtype, box in self.subtypes.items():
            box.setChecked(True)
            box.setToolTip(shown(subtype.title))
            subtype_row.addWidget(box)
        subtype_row.addStretch(1)
        self.limit_dates = QCheckBox(self.tr("&Only visits from"))
        self.date_from = QDateEdit(QDate(2000, 1, 1))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(qt_date_format())
            edit.setEnabled(False)
        self.limit_dates.toggled.connect(self.date_from.setEnabled)
        self.limit_dates.toggled.connect(self.date_to.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.limit_dates)
        date_row.addWidget(self.date_from)
        date_row.addWidget(QLabel(self.tr("to")))
        date_row.addWidget(self.date_to)
        date_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("Destination:"), dest_row)
        form.addRow(self.tr("MS subtypes:"), subtype_row)
        form.addRow(self.tr("Visits:"), date_row)
        form.addRow("", self.deidentify)
        self.status = QLabel(self.tr("Only complete visits are exported. Every export includes "
                                     "a data dictionary."))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("&Export"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.resize(620, self.sizeHint().height())

    # --- collecting -------------------------------------------------------------------------
    def selected_format(self) -> Format:
        return Format(self.format.currentData())

    def options(self) -> ExportOptions:
        chosen = frozenset(s.value for s, box in self.subtypes.items() if box.isChecked())
        subtypes = frozenset() if len(chosen) == len(self.subtypes) else chosen
        date_from: date | None = None
        date_to: date | None = None
        if self.limit_dates.isChecked():  # QDate.toPython() is a date (the stubs say object)
            date_from = cast(date, self.date_from.date().toPython())
            date_to = cast(date, self.date_to.date().toPython())
        return ExportOptions(self.deidentify.isChecked(), date_from, date_to, subtypes)

    def _format_changed(self) -> None:
        fmt = self.selected_format()
        sqlite = fmt is Format.SQLITE
        for w in (self.deidentify, self.limit_dates, *self.subtypes.values()):
            w.setEnabled(not sqlite)
        self.date_from.setEnabled(not sqlite and self.limit_dates.isChecked())
        self.date_to.setEnabled(not sqlite and self.limit_dates.isChecked())
        text = self.destination.text().strip()
        if text:
            p = Path(text)
            if fmt.writes_folder and p.suffix in (".xlsx", ".db"):
                self.destination.setText(str(p.with_suffix("")))
            elif fmt is Format.XLSX and p.suffix != ".xlsx":
                self.destination.setText(str(p.with_suffix(".xlsx")))
            elif sqlite and p.suffix != ".db":
                self.destination.setText(str(p.with_suffix(".db")))

    def _browse(self) -> None:
        fmt = self.selected_format()
        if fmt.writes_folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                    self.destination.text())
        else:
            filt = (self.tr("Excel workbook (*.xlsx)") if fmt is Format.XLSX
                    else self.tr("SQLite database (*.db)"))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"),
                                                  self.destination.text(), filt)
        if path:
            self.destination.setText(path)

    def confirm_overwrite(self, paths: list[Path]) -> bool:
        names = "\n".join(str(p) for p in paths)
        answer = QMessageBox.question(
            self, self.tr("Replace existing files?"),
            self.tr("These files already exist and will be replaced:") + f"\n\n{names}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # --- running ----------------------------------------------------------------------------
    def start(self) -> None:
        text = self.destination.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a destination first."))
            self.destination.setFocus()
            return
        fmt, out, options = self.selected_format(), Path(text).expanduser(), self.options()
        if options.date_from and options.date_to and options.date_from > options.date_to:
            self.status.setText(self.tr("The first date is after the last date."))
            return
        clash = [p for p in targets(fmt, out) if p.exists()]
        force = False
        if clash:
            if not self.confirm_overwrite(clash):
                self.status.setText(self.tr("Nothing was exported."))
                return
            force = True
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        database, actor = self.database, self.actor

        def work(progress: Progress) -> ExportResult:
            return run_export(database, actor, fmt, out, options, force=force,
                              progress=progress)

        self.task = run_with_progress(self, self.tr("Exporting"), work, on_done=self._done,
                                      on_error=self._failed, on_cancel=self._cancelled)

    def _done(self, result: ExportResult) -> None:
        self.task = None
        self.result_ = result
        self.export_button.setEnabled(True)
        where = result.paths[0].parent if result.format.writes_folder else result.paths[0]
        if result.format is Format.SQLITE:
            self.status.setText(self.tr("Exported to {where}.").format(where=where))
        else:
            self.status.setText(self.tr("Exported {patients} patients, {visits} visits to "
                                        "{where}.").format(patients=result.patients,
                                                           visits=result.visits, where=where))
        self.finished_export.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        if isinstance(exc, UserError | OSError):
            self.status.setText(self.tr("Export failed: {why}").format(why=error_text(exc)))
        else:
            self.status.setText(self.tr("Export failed (see the log): {why}").format(why=exc))

    def _cancelled(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Export cancelled; no file was written."))
