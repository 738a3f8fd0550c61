"""Report preview (Save PDF..., Print...) and the batch export for selected patients.

Entry points (called by :mod:`proapp.gui.reports.actions`): :func:`open_report_dialog` for one
patient, :func:`export_reports_for` and :func:`print_reports_for` for the patients selected in
the list.
The PDF is built and its pages rasterised off the GUI thread through
:func:`~proapp.gui.tasks.run_with_progress`; this module only shows results and collects
choices. Saving writes exactly the PDF that is previewed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.i18n import msg
from proapp.domain.language import LANGUAGES, Language
from proapp.gui.common.language import shown
from proapp.gui.common.tasks import Task, run_with_progress
from proapp.reports import preview
from proapp.services import reports
from proapp.services.errors import UserError, plain_error
from proapp.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)

PREVIEW_DPI = 96.0
PRINT_DPI_MAX = 300.0
PAGE_SIZES = (("A4", "a4"), ("US Letter", "letter"))
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def _qimage(page: preview.PageImage) -> QImage:
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888)
    return image.copy()  # own the pixels: ``page.data`` may go away


def _show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    plain = plain_error(exc)
    if plain is not None:
        QMessageBox.warning(parent, title, shown(plain.message))
    elif isinstance(exc, OSError | ValueError):
        QMessageBox.warning(parent, title, str(exc))
    else:
        QMessageBox.critical(parent, title, translate(
            "Report", "Unexpected error: {error}\n\nDetails are in the log.").format(error=exc))


class ReportDialog(QDialog):
    """Preview of one patient's report with page size, de-identification, save and print."""

    ready = Signal(int)  # number of pages shown
    failed = Signal(str)

    def __init__(self, parent: QWidget | None, database: Database, actor: Actor,
                 patient_id: int):
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.patient_id = patient_id
        self.report: reports.BuiltReport | None = None
        self.page_labels: list[QLabel] = []
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Patient trend report"))
        self.resize(900, 1000)

        self.page_size = QComboBox()
        for text, value in PAGE_SIZES:
            self.page_size.addItem(text, value)
        self.page_size.setToolTip(self.tr("Paper size of the PDF"))
        # The patient's own language unless the clinician asks for another for this copy.
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        self.language.addItem(self.tr("the patient's"), "")
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.value)
        self.language.setToolTip(self.tr("Language of the report (the patient's by default)"))
        self.deidentify = QCheckBox(self.tr("&De-identified (no name, birth date or free text)"))
        self.status = QLabel(self.tr("Preparing the report…"))
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        close = QPushButton(self.tr("Close"))
        for b in (self.save_button, self.print_button):
            b.setEnabled(False)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.save_button.setToolTip(self.tr("Save this PDF (Ctrl+S)"))
        self.print_button.setToolTip(self.tr("Print this report (Ctrl+P)"))
        self.save_button.clicked.connect(self.save_interactive)
        self.print_button.clicked.connect(self.print_interactive)
        close.clicked.connect(self.reject)
        self.page_size.currentIndexChanged.connect(self.refresh)
        self.deidentify.toggled.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Paper:")))
        bar.addWidget(self.page_size)
        caption = QLabel(self.tr("&Language:"))
        caption.setBuddy(self.language)
        bar.addWidget(caption)
        bar.addWidget(self.language)
        bar.addStretch(1)
        actions = QHBoxLayout()  # a second row: the options and buttons fit a small screen
        actions.addWidget(self.deidentify)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addWidget(close)

        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(16)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setBackgroundRole(self.backgroundRole())
        self.pages.setStyleSheet("background: #8a8f96;")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.save_button.setDefault(True)

    # -- building
    def refresh(self) -> None:
        """(Re)build the report with the chosen options, off the GUI thread."""
        if self._task is not None:
            self._task.cancel()
        for b in (self.save_button, self.print_button):
            b.setEnabled(False)
        self.status.setText(self.tr("Preparing the report…"))
        page_size = self.page_size.currentData()
        deidentify = self.deidentify.isChecked()
        chosen = self.language.currentData()
        language = Language(chosen) if chosen else None
        building, drawing = self.tr("Building the report"), self.tr("Drawing the pages")
        db, actor, pid = self.database, self.actor, self.patient_id

        def work(progress: Progress) -> tuple[reports.BuiltReport, list[preview.PageImage]]:
            progress.report(0, 2, building)
            built = reports.build_report(db, actor, pid, page_size=page_size,
                                         deidentify=deidentify, language=language)
            progress.report(1, 2, drawing)
            pages = preview.render_pages(built.pdf, PREVIEW_DPI, check=progress.check)
            return built, pages

        task_box: list[Task] = []

        def done(result: tuple[reports.BuiltReport, list[preview.PageImage]]) -> None:
            if task_box and self._task is not task_box[0]:
                return  # a newer request replaced this one
            self._task = None
            self._show(*result)

        def error(exc: BaseException) -> None:
            if task_box and self._task is not task_box[0]:
                return  # replaced or closed meanwhile
            self._task = None
            self.status.setText(self.tr("The report could not be made: {error}").format(
                error=exc))
            self.failed.emit(str(exc))
            _show_error(self, self.tr("Report"), exc)

        def cancelled() -> None:
            if task_box and self._task is task_box[0]:
                self._task = None
                self.status.setText(self.tr("Cancelled."))

        self._task = run_with_progress(self, self.tr("Preparing the report"), work,
                                       on_done=done,
                                       on_error=error, on_cancel=cancelled)
        task_box.append(self._task)

    def _show(self, built: reports.BuiltReport, pages: list[preview.PageImage]) -> None:
        self.report = built
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        for i, page in enumerate(pages, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(_qimage(page)))
            label.setAccessibleName(self.tr("Page {page} of {total}").format(page=i,
                                                                             total=len(pages)))
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        text = (self.tr("{code}: de-identified report in {language}, %n page(s)", "", len(pages))
                if built.deidentify else
                self.tr("{code}: report in {language}, %n page(s)", "", len(pages)))
        self.status.setText(text.format(code=built.code, language=built.language.native_name))
        self.setWindowTitle(self.tr("Trend report – {code}").format(code=built.code))
        for b in (self.save_button, self.print_button):
            b.setEnabled(True)
        self.ready.emit(len(pages))

    def done(self, result: int) -> None:
        """Closing while a report is still being made cancels it; the dialog is deleted only
        after the background task has reported back (its progress dialog is our child)."""
        task = self._task
        self._task = None
        super().done(result)
        if task is None:
            self.deleteLater()
            return
        task.cancel()
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(self.deleteLater)

    # -- saving
    def suggested_name(self) -> str:
        assert self.report is not None
        return reports.report_file_name(self.report.code, self.report.deidentify)

    def save_to(self, path: str | Path) -> Path:
        """Write the previewed PDF to ``path`` (what Save PDF... does after the file dialog)."""
        if self.report is None:
            raise UserError(msg("The report is not ready yet"))
        p = Path(path)
        if p.suffix.lower() != ".pdf":
            p = p.with_name(p.name + ".pdf")
        return reports.save_pdf(self.report.pdf, p, self.database)

    def save_interactive(self) -> None:
        if self.report is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), str(Path.home() / self.suggested_name()),
            self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            written = self.save_to(path)
        except (OSError, UserError) as exc:
            _show_error(self, self.tr("Save PDF"), exc)
            return
        self.status.setText(self.tr("Saved to {file}").format(file=written))

    # -- printing
    def print_interactive(self) -> None:
        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"Trend report {self.report.code}")
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pdf = self.report.pdf
        code = self.report.code

        def printed(result: Any) -> None:
            if isinstance(result, int):
                self.status.setText(self.tr("{code}: %n page(s) sent to the printer", "",
                                            int(result)).format(code=code))

        print_pdfs(self, printer, lambda _progress: [pdf], printed)


def print_pdfs(parent: QWidget | None, printer: QPrinter,
               pdfs: Callable[[Progress], Iterable[bytes]],
               on_finished: Callable[[Any], None] | None = None) -> Task:
    """Print PDFs through Qt: each page is rasterised at the printer's resolution (at most
    300 dpi) and painted onto ``printer`` in the background (QPainter may paint on a QPrinter
    outside the GUI thread), one page in memory at a time. Cancel aborts the print job.
    ``on_finished`` gets the number of pages printed, None when cancelled, or the error."""
    dpi = float(min(printer.resolution(), PRINT_DPI_MAX))

    def work(progress: Progress) -> int:
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(msg("The printer could not be opened."))
        printed = 0
        try:
            for pdf in pdfs(progress):
                for page in preview.iter_pages(pdf, dpi, check=progress.check):
                    if printed and not printer.newPage():
                        raise UserError(msg("The printer did not accept another page."))
                    image = _qimage(page)
                    target = painter.viewport()
                    size = image.size().scaled(target.size(),
                                               Qt.AspectRatioMode.KeepAspectRatio)
                    painter.setViewport(target.x(), target.y(), size.width(), size.height())
                    painter.setWindow(image.rect())
                    painter.drawImage(0, 0, image)
                    painter.setViewport(target)
                    painter.setWindow(0, 0, target.width(), target.height())
                    printed += 1
        except Cancelled:
            printer.abort()
            raise
        finally:
            painter.end()
        return printed

    def done(pages: int) -> None:
        if on_finished is not None:
            on_finished(pages)

    def error(exc: BaseException) -> None:
        if on_finished is not None:
            on_finished(exc)
        _show_error(parent, translate("Report", "Print"), exc)

    def cancelled() -> None:
        if on_finished is not None:
            on_finished(None)

    return run_with_progress(parent, translate("Report", "Printing"), work, on_done=done,
                             on_error=error, on_cancel=cancelled)


def print_reports_for(parent: QWidget | None, database: Database, actor: Actor,
                      patient_ids: Sequence[int], *, printer: QPrinter | None = None,
                      page_size: str = "a4", deidentify: bool = False,
                      on_finished: Callable[[Any], None] | None = None) -> Task | None:
    """Print the reports of the selected patients in one print job (the patient list's
    "Print reports"). Without ``printer`` the Qt print dialog asks for one."""
    if not patient_ids:
        QMessageBox.information(parent, translate("Report", "Reports"),
                                translate("Report", "Select one or more patients first."))
        return None
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"Trend reports ({len(patient_ids)} patients)")
        if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
            return None
    ids = list(patient_ids)

    def pdfs(progress: Progress) -> Iterable[bytes]:
        for built in reports.iter_reports(database, actor, ids, page_size=page_size,
                                          deidentify=deidentify, progress=progress):
            yield built.pdf

    return print_pdfs(parent, printer, pdfs, on_finished)


def open_report_dialog(parent: QWidget | None, database: Database, actor: Actor,
                       patient_id: int) -> ReportDialog:
    """Show the preview for one patient (non-modal) and start building the report."""
    dialog = ReportDialog(parent, database, actor, patient_id)
    dialog.show()
    dialog.refresh()
    return dialog


def export_reports_for(parent: QWidget | None, database: Database, actor: Actor,
                       patient_ids: Sequence[int], *, directory: str | Path | None = None,
                       page_size: str = "a4", deidentify: bool = False,
                       on_finished: Callable[[Any], None] | None = None) -> Task | None:
    """Save one PDF per selected patient (``<code>.pdf``) into a folder the user picks.

    Runs in the background with a progress bar and Cancel; reports already written when the
    user cancels are complete files, the one in progress is removed. ``on_finished`` receives
    the list of written paths, or None when cancelled (for callers and tests).
    """
    if not patient_ids:
        QMessageBox.information(parent, translate("Report", "Reports"),
                                translate("Report", "Select one or more patients first."))
        return None
    if directory is None:
        chosen = QFileDialog.getExistingDirectory(parent, translate("Report",
                                                                    "Folder for the reports"),
                                                  str(Path.home()))
        if not chosen:
            return None
        directory = chosen
    ids = list(patient_ids)
    folder = Path(directory)

    def work(progress: Progress) -> list[Path]:
        return reports.write_reports(database, actor, ids, folder, page_size=page_size,
                                     deidentify=deidentify, progress=progress)

    def done(paths: list[Path]) -> None:
        if on_finished is not None:
            on_finished(paths)
        else:
            QMessageBox.information(parent, translate("Report", "Reports"), translate(
                "Report", "%n report(s) written to {folder}", "", len(paths)).format(
                    folder=folder))

    def error(exc: BaseException) -> None:
        if on_finished is not None:
            on_finished(exc)
        _show_error(parent, translate("Report", "Reports"), exc)

    def cancelled() -> None:
        if on_finished is not None:
            on_finished(None)

    return run_with_progress(parent, translate("Report", "Writing %n report(s)", "", len(ids)),
                             work, on_done=done,
                             on_error=error, on_cancel=cancelled)
