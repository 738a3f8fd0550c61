"""Settling the differences of a visit keyed twice: for each, the first keying, the second, or
the value read from the paper form, with a reason.

Every difference is listed with both values and who keyed each. The resolver picks the true
value (or types it, with the same parsing as visit entry; an empty field with no reason means
"not answered"), gives a reason, and presses Resolve: one transaction in
:func:`proapp.services.visits.double_entry.resolve`, which also decides who may (a third
person, or a clinician). The visit is verified when the last difference is settled.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain import double_entry as de
from proapp.domain.actor import Actor, Permission, can
from proapp.domain.answers import MissingReason, ParseError, parse_int
from proapp.domain.item_values import Keyed
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.validation import ValidationError
from proapp.gui.common.errors import error_text
from proapp.gui.common.language import QT_TRANSLATE_NOOP, screen_format, shown
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.table import Column, RowTableModel
from proapp.gui.common.widgets import RowTableView, error_label
from proapp.gui.visits.double_entry.sizing import fit
from proapp.gui.visits.fields import AnswerEdit, heading, wrapped
from proapp.gui.visits.pages.review import described
from proapp.services.errors import UserError, WarningsNeedConfirmation
from proapp.services.visits import double_entry


def _item_text(d: de.ComparedItem) -> str:
    instrument = QUESTIONNAIRES[d.instrument]
    it = instrument.item(d.item)
    return f"{it.label}: {it.short}"


def _value(d: de.ComparedItem, value: Keyed) -> str:
    return described(QUESTIONNAIRES[d.instrument], d.item, value)


def _resolution(d: de.ComparedItem) -> str:
    return (_value(d, d.resolution) if d.resolved
            else QCoreApplication.translate("ResolveDialog", "to resolve"))


# The column headers, translated by Column.title() (marked here for pyside6-lupdate).
HEADERS = (QT_TRANSLATE_NOOP("Column", "Questionnaire"), QT_TRANSLATE_NOOP("Column", "Item"),
           QT_TRANSLATE_NOOP("Column", "First entry"), QT_TRANSLATE_NOOP("Column", "Keyed by"),
           QT_TRANSLATE_NOOP("Column", "Second entry"),
           QT_TRANSLATE_NOOP("Column", "True value"))


class DifferenceModel(RowTableModel[de.ComparedItem]):
    columns = (
        Column("Questionnaire", lambda d: QUESTIONNAIRES[d.instrument].name, width_hint="MIDAS"),
        Column("Item", _item_text, width_hint="B: Household productivity halved"),
        Column("First entry", lambda d: _value(d, d.first), width_hint="missing: declined"),
        Column("Keyed by", lambda d: d.first_by, width_hint="nurse.name"),
        Column("Second entry", lambda d: _value(d, d.second), width_hint="missing: declined"),
        Column("Keyed by", lambda d: d.second_by, width_hint="nurse.name"),
        Column("True value", _resolution, width_hint="missing: declined"),
    )


class ResolveDialog(QDialog):
    """The differences of one visit; ``verified`` once the last one is settled."""

    def __init__(self, database: Database, actor: Actor, visit_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.actor, self.visit_id = database, actor, visit_id
        self.setObjectName("resolveDialog")
        fit(self, 1100, 640)
        layout = QVBoxLayout(self)
        self.title = heading("")
        layout.addWidget(self.title)
        layout.addWidget(wrapped(self.tr(
            "Look at the paper form and choose the true value of each difference: the first "
            "entry, the second, or the value on the paper. A reason is required; the visit "
            "gets the value and the change log keeps both entries, the choice and the "
            "reason.")))
        self.model = DifferenceModel(self)
        self.table = RowTableView("resolve.differences")
        self.table.attach(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.table, 1)

        self.choice = QButtonGroup(self)
        self.first = QRadioButton()
        self.first.setObjectName("resolve.first")
        self.second = QRadioButton()
        self.second.setObjectName("resolve.second")
        self.other = QRadioButton(self.tr("&Another value, from the paper:"))
        self.other.setObjectName("resolve.other")
        for n, b in enumerate((self.first, self.second, self.other)):
            self.choice.addButton(b, n)
        self.other_value = AnswerEdit("resolve.value", chars=4)
        self.other_reason = QComboBox()
        self.other_reason.setObjectName("resolve.missing")
        self.other_reason.addItem(self.tr("(or a reason it is missing)"), "")
        for r in MissingReason:
            self.other_reason.addItem(self.tr("missing: {reason}").format(reason=shown(r.label)),
                                      r.value)
        self.other_value.textEdited.connect(lambda _t: self.other.setChecked(True))
        self.other_reason.activated.connect(lambda _i: self.other.setChecked(True))
        other_row = QHBoxLayout()
        other_row.addWidget(self.other)
        other_row.addWidget(self.other_value)
        other_row.addWidget(self.other_reason)
        other_row.addWidget(QLabel(self.tr("(empty: not answered)")), 1)
        self.reason = QLineEdit()
        self.reason.setObjectName("resolve.reason")
        self.reason.setPlaceholderText(self.tr("why this is the true value (required, kept in "
                                               "the change log)"))
        form = QFormLayout()
        form.addRow(self.tr("True value:"), self.first)
        form.addRow("", self.second)
        form.addRow("", _wrap(other_row))
        form.addRow(self.tr("R&eason:"), self.reason)
        layout.addLayout(form)
        self.who = wrapped("", HINT_STYLE)
        layout.addWidget(self.who)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.resolve_button = buttons.addButton(self.tr("&Resolve"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.resolve_button.setObjectName("resolve.apply")
        self.resolve_button.clicked.connect(self.resolve_current)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.verified = False
        self.reload()

    def reload(self) -> None:
        cmp = double_entry.comparison(self.database, self.visit_id)
        day = screen_format().format_date(cmp.visit_date)
        self.setWindowTitle(self.tr("Differences — {code} {label} {date}").format(
            code=cmp.patient_code, label=cmp.label, date=day))
        left = sum(1 for d in cmp.differences if not d.resolved)
        where = self.tr("{code}, visit {label} on {date}").format(
            code=cmp.patient_code, label=cmp.label, date=day)
        n = len(cmp.differences)
        self.title.setText(
            self.tr("{where}: {n} differences, {left} to resolve").format(where=where, n=n,
                                                                         left=left) if left
            else self.tr("{where}: {n} differences, all resolved; the visit is verified")
            .format(where=where, n=n))
        self.verified = cmp.status is de.Status.VERIFIED
        current = self.table.currentIndex().row()
        self.model.set_rows(cmp.differences)
        todo = [n for n, d in enumerate(cmp.differences) if not d.resolved]
        row = next((n for n in todo if n >= current), todo[0] if todo else 0)
        if cmp.differences:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._selected()

    def current(self) -> de.ComparedItem | None:
        obj = self.table.current_object()
        return obj if isinstance(obj, de.ComparedItem) else None

    def _selected(self) -> None:
        d = self.current()
        open_ = d is not None and not d.resolved
        for w in (self.first, self.second, self.other, self.other_value, self.other_reason,
                  self.reason, self.resolve_button):
            w.setEnabled(open_)
        self.error.hide()
        if d is None:
            self.who.setText("")
            return
        self.first.setText(self.tr("&First entry: {value} (keyed by {who})").format(
            value=_value(d, d.first), who=d.first_by))
        self.second.setText(self.tr("&Second entry: {value} (keyed by {who})").format(
            value=_value(d, d.second), who=d.second_by))
        self.choice.setExclusive(False)
        for b in (self.first, self.second, self.other):
            b.setChecked(False)
        self.choice.setExclusive(True)
        self.other_value.clear()
        self.other_reason.setCurrentIndex(0)
        self.reason.clear()
        clinician = can(self.actor, Permission.VISIT_SIGN)
        if d.resolved:
            self.who.setText(self.tr("Resolved."))
        elif not de.may_resolve(self.actor.username, (d.first_by, d.second_by),
                                clinician=clinician):
            self.who.setText(self.tr("You keyed this item ({username}): a third person or a "
                                     "clinician resolves it.").format(
                username=self.actor.username))
            for w in (self.first, self.second, self.other, self.other_value,
                      self.other_reason, self.reason, self.resolve_button):
                w.setEnabled(False)
        else:
            self.who.setText("")

    def chosen(self) -> tuple[bool, Keyed, str]:
        """(a choice was made, the value, a problem with a typed value)."""
        d = self.current()
        assert d is not None
        if self.first.isChecked():
            return True, d.first, ""
        if self.second.isChecked():
            return True, d.second, ""
        if not self.other.isChecked():
            return False, None, ""
        reason = self.other_reason.currentData()
        text = self.other_value.text()
        if reason and text.strip():
            return True, None, self.tr("Give either a value or a reason it is missing, not "
                                       "both")
        if reason:
            return True, MissingReason(reason), ""
        try:
            return True, parse_int(text, signed=False), ""
        except ParseError as exc:
            return True, None, shown(exc.args[0]) if exc.args else str(exc)

    def resolve_current(self, *, confirm_warnings: bool = False) -> None:
        d = self.current()
        if d is None or d.resolved:
            return
        made, value, problem = self.chosen()
        if not made:
            self._show_error(self.tr("Choose the true value: the first entry, the second, or "
                                     "another value from the paper."))
            return
        if problem:
            self._show_error(problem)
            return
        try:
            double_entry.resolve(self.database, self.actor, self.visit_id, d.instrument, d.item,
                                 value, self.reason.text(), confirm_warnings=confirm_warnings)
        except WarningsNeedConfirmation as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Please confirm"),
                              self.tr("With this value the visit has these warnings:") + "\n\n"
                              + "\n".join(f"• {shown(i.message)}" for i in exc.issues)
                              + "\n\n" + self.tr("Resolve with this value anyway?"),
                              parent=self)
            go = box.addButton(self.tr("Resolve anyway"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is go:
                self.resolve_current(confirm_warnings=True)
            return
        except ValidationError as exc:
            self._show_error(" ".join(shown(i.message) for i in exc.issues))
            return
        except UserError as exc:
            self._show_error(error_text(exc))
            return
        self.reload()
        if self.verified:
            QMessageBox.information(self, self.tr("Visit verified"),
                                    self.tr("Every difference is resolved: the visit is "
                                            "verified."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _wrap(layout: QHBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
