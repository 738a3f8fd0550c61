"""The double-entry window: the visits waiting for their second entry, those with differences
to resolve, and those verified; from here the second entry, the resolution and the agreement
report are opened.

The list shows which visit and who keyed it, never an answer: the second keyer opens the
blind second entry from it. Enter on a row opens what that visit needs next.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain import double_entry as de
from proapp.domain import schedule
from proapp.domain.actor import Actor, Permission, can
from proapp.gui.common.errors import show_error
from proapp.gui.common.language import QT_TRANSLATE_NOOP, shown
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.table import ALERT, MUTED, Column, RowTableModel, day_text
from proapp.gui.common.widgets import RowTableView
from proapp.gui.visits.double_entry.sizing import fit
from proapp.gui.visits.fields import heading, wrapped
from proapp.services import settings
from proapp.services.visits import double_entry
from proapp.services.visits.double_entry import QueueEntry

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

# The column headers, translated by Column.title() (marked here for pyside6-lupdate).
HEADERS = (QT_TRANSLATE_NOOP("Column", "Patient"), QT_TRANSLATE_NOOP("Column", "Visit"),
           QT_TRANSLATE_NOOP("Column", "Date"), QT_TRANSLATE_NOOP("Column", "State"),
           QT_TRANSLATE_NOOP("Column", "First entry by"),
           QT_TRANSLATE_NOOP("Column", "Second entry by"))


def _state(e: QueueEntry) -> str:
    if e.status is de.Status.UNRESOLVED:
        return translate("DoubleEntry", "{open} of {all} differences to resolve").format(
            open=e.unresolved, all=e.differences)
    if e.status is de.Status.VERIFIED and e.differences:
        return translate("DoubleEntry", "verified ({n} differences resolved)").format(
            n=e.differences)
    return shown(e.status.label)


class QueueModel(RowTableModel[QueueEntry]):
    columns = (
        Column("Patient", lambda e: e.patient_code, width_hint="DEMO-0000"),
        Column("Visit", lambda e: e.label, key=lambda e: schedule.sort_key(e.label),
               width_hint="baseline"),
        Column("Date", lambda e: day_text(e.visit_date), key=lambda e: e.visit_date,
               width_hint="2000-00-00"),
        Column("State", _state, key=lambda e: (e.status != de.Status.AWAITING,
                                               e.status.value),
               width_hint="10 di 16 differenze da risolvere",
               style=lambda e: ALERT if e.status is de.Status.UNRESOLVED else
               MUTED if e.status is de.Status.VERIFIED else None),
        Column("First entry by", lambda e: e.entered_by, width_hint="nurse.name"),
        Column("Second entry by", lambda e: e.second_by, width_hint="nurse.name"),
    )


class DoubleEntryWindow(QDialog):
    """Non-modal; ``changed(patient_id)`` after a second entry or a resolution."""

    changed = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.setObjectName("doubleEntryWindow")
        self.setWindowTitle(self.tr("Double entry"))
        fit(self, 1000, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Double data entry")))
        self.intro = wrapped("", HINT_STYLE)
        layout.addWidget(self.intro)
        # the clinic setting itself, for the administrators who may change it
        self.switch = QCheckBox(self.tr("Double data entry is switched on for this clinic "
                                        "(clinic setting double_entry)"))
        self.switch.setObjectName("doubleEntry.switch")
        self.switch.setVisible(can(actor, Permission.SETTINGS_EDIT))
        self.switch.setChecked(double_entry.enabled(database))
        self.switch.toggled.connect(self._switch)
        layout.addWidget(self.switch)
        self.model = QueueModel(self)
        self.table = RowTableView("doubleEntry.queue")
        self.table.attach(self.model)
        self.table.set_placeholder(self.tr("No visit is in double entry. Completing a visit "
                                           "asks for its second entry when double entry is "
                                           "switched on."))
        self.table.rowActivated.connect(lambda e: self.open_next(e))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.second_button = buttons.addButton(self.tr("&Second entry…"), role)
        self.second_button.setObjectName("doubleEntry.second")
        self.resolve_button = buttons.addButton(self.tr("&Differences…"), role)
        self.resolve_button.setObjectName("doubleEntry.resolve")
        self.report_button = buttons.addButton(self.tr("&Agreement report…"), role)
        self.report_button.setObjectName("doubleEntry.report")
        self.second_button.clicked.connect(lambda: self.second_entry(self.current()))
        self.resolve_button.clicked.connect(lambda: self.resolve(self.current()))
        self.report_button.clicked.connect(self.agreement)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        self.table.take_focus()

    def reload(self) -> None:
        on = double_entry.enabled(self.database)
        self.intro.setText(
            self.tr("Paper forms are keyed twice by two people; the second entry is blind to "
                    "the first. A third person or a clinician resolves each difference from "
                    "the paper, and the visit is then verified.") if on else
            self.tr("Double data entry is switched off for this clinic, so completed visits "
                    "are not sent here. An administrator switches it on with the clinic "
                    "setting double_entry (also here). Visits already here can still be "
                    "finished."))
        current = self.current()
        self.model.set_rows(double_entry.queue(self.database))
        rows = self.model.rows
        keep = next((n for n, e in enumerate(rows)
                     if current is not None and e.visit_id == current.visit_id), 0)
        if rows:
            self.table.setCurrentIndex(self.model.index(keep, 0))
        self._enable()

    def _switch(self, on: bool) -> None:
        try:
            settings.set_value(self.database, self.actor, double_entry.SETTING,
                               "on" if on else "off")
        except Exception as exc:
            self.switch.blockSignals(True)
            self.switch.setChecked(double_entry.enabled(self.database))
            self.switch.blockSignals(False)
            show_error(self, exc, self.tr("change the double_entry setting"))
        self.reload()

    def current(self) -> QueueEntry | None:
        obj = self.table.current_object()
        return obj if isinstance(obj, QueueEntry) else None

    def _enable(self) -> None:
        e = self.current()
        self.second_button.setEnabled(e is not None and e.status is de.Status.AWAITING)
        self.resolve_button.setEnabled(e is not None and e.status is not de.Status.AWAITING)

    def open_next(self, entry: object) -> None:
        if isinstance(entry, QueueEntry):
            if entry.status is de.Status.AWAITING:
                self.second_entry(entry)
            else:
                self.resolve(entry)

    def second_entry(self, entry: QueueEntry | None) -> None:
        if entry is None:
            return
        from proapp.gui.visits.double_entry.second_entry import SecondEntryDialog

        try:
            form = double_entry.second_entry_form(self.database, self.actor, entry.visit_id)
        except Exception as exc:
            show_error(self, exc, self.tr("start the second entry"))
            return
        dialog = SecondEntryDialog(self.database, self.actor, form, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit(entry.patient_id)
        self.reload()

    def resolve(self, entry: QueueEntry | None) -> None:
        if entry is None:
            return
        from proapp.gui.visits.double_entry.resolve import ResolveDialog

        dialog = ResolveDialog(self.database, self.actor, entry.visit_id, self)
        dialog.exec()
        self.changed.emit(entry.patient_id)
        self.reload()

    def agreement(self) -> None:
        from proapp.gui.visits.double_entry.agreement import AgreementDialog

        AgreementDialog(self.database, self.actor, self).exec()


def open_double_entry(parent: QWidget | None, database: Database,
                      actor: Actor) -> DoubleEntryWindow:
    window = DoubleEntryWindow(database, actor, parent)
    window.show()
    window.raise_()
    return window
