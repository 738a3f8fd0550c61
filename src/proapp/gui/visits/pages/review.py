"""The review page: every answer, the scores and the findings; warnings are confirmed here and a
change to a completed visit is given its reason."""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.answers import MissingReason
from proapp.domain.item_values import Keyed, describe, encode
from proapp.domain.registry import FORMS, QUESTIONNAIRES
from proapp.domain.validation import Issue
from proapp.domain.visit import VisitContent
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE, WARNING_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.gui.visits.fields import heading, wrapped
from proapp.gui.visits.pages.base import WizardPage, form_title
from proapp.gui.visits.pages.questionnaire import score_line

if TYPE_CHECKING:
    from proapp.services.visits.self_report import SelfReportState

PATIENT_STYLE = "color: #1f5f8b;"


class ReviewPage(WizardPage):
    """Every answer, the scores and the findings; warnings are confirmed here before saving."""

    def __init__(self, editing_complete: bool, parent: QWidget | None = None):
        super().__init__("Review", parent)
        outer = QVBoxLayout(self)
        outer.addWidget(heading("Review and save"))
        self.summary = QTextBrowser()
        self.summary.setObjectName("review.summary")
        self.summary.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.summary.setOpenLinks(False)
        outer.addWidget(self.summary, 1)
        self.findings = QLabel()
        self.findings.setObjectName("review.findings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.findings)
        self.confirm = QCheckBox("I have checked these warnings with the patient and the "
                                 "source documents")
        self.confirm.setObjectName("review.confirm")
        self.confirm.toggled.connect(lambda _on: self.changed.emit())
        outer.addWidget(self.confirm)
        self.reason = QLineEdit()
        self.reason.setObjectName("review.reason")
        self.reason.setPlaceholderText("reason for changing a completed visit (required, kept in "
                                       "the change log)")
        self.reason_label = QLabel("&Reason for the change")
        self.reason_label.setBuddy(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.reason_label)
        row.addWidget(self.reason, 1)
        outer.addLayout(row)
        outer.addWidget(self._register("review.reason", FieldMessage()))
        self.status = wrapped("")
        self.status.setObjectName("review.status")
        outer.addWidget(self.status)
        outer.addWidget(wrapped("Ctrl+S saves and completes the visit.", HINT_STYLE))
        self.second_entry = QCheckBox("Entered from a paper form: ask for a second, "
                                      "independent entry of the questionnaires (double data "
                                      "entry)")
        self.second_entry.setObjectName("review.secondEntry")
        self.second_entry.setChecked(True)
        self.second_entry.hide()
        outer.insertWidget(outer.indexOf(self.confirm) + 1, self.second_entry)
        self.reason_label.setVisible(editing_complete)
        self.reason.setVisible(editing_complete)
        self.confirm.hide()
        self._patient: SelfReportState | None = None

    def entry_widgets(self) -> list[QWidget]:
        return [self.confirm, self.second_entry, self.reason]

    # -- double entry and the patient's own answers -------------------------------------
    def offer_second_entry(self, offered: bool) -> None:
        """Show "ask for a second entry" (double data entry switched on, paper forms)."""
        self.second_entry.setVisible(offered)

    def wants_second_entry(self) -> bool:
        return not self.second_entry.isHidden() and self.second_entry.isChecked()

    def set_patient_answers(self, state: SelfReportState | None) -> None:
        """The patient's self-report: its items are marked as the patient's, or as
        corrected with what the patient answered."""
        self._patient = state

    def need_reason(self, editing_complete: bool, corrected: bool) -> None:
        """The reason field: for a change to a completed visit, or for correcting answers
        the patient gave."""
        needed = editing_complete or corrected
        self.reason_label.setVisible(needed)
        self.reason.setVisible(needed)
        if corrected:
            self.reason.setPlaceholderText("reason for correcting the patient's answers "
                                           "(required, kept in the change log)")

    def first_focus(self) -> QWidget | None:
        if not self.confirm.isHidden():
            return self.confirm
        if not self.second_entry.isHidden():
            return self.second_entry
        if not self.reason.isHidden():
            return self.reason
        return None

    def chain_next(self, widget: QWidget) -> QWidget | None:
        order = [w for w in (self.confirm, self.second_entry, self.reason) if not w.isHidden()]
        if widget in order and order.index(widget) + 1 < len(order):
            return order[order.index(widget) + 1]
        return None

    def show_review(self, label: str, visit_date: date, content: VisitContent,
                    issues: Sequence[Issue], *, before: VisitContent | None = None) -> None:
        """``before``: the stored content of a completed visit being edited; every value that
        differs is shown as old → new."""
        patient = self._patient
        self.summary.setHtml(review_html(
            label, visit_date, content, before, patient.answers if patient else None,
            patient.instruments if patient else ()))
        errs = [i for i in issues if i.is_error]
        warns = [i for i in issues if not i.is_error]
        parts = []
        if errs:
            parts.append(f"<p style='{ERROR_STYLE}'><b>Must be corrected before saving:</b><br>"
                         + "<br>".join(html.escape(i.message) for i in errs) + "</p>")
        if warns:
            parts.append(f"<p style='{WARNING_STYLE}'><b>Please confirm:</b><br>"
                         + "<br>".join(html.escape(i.message) for i in warns) + "</p>")
        if not issues:
            parts.append("<p>No errors and no warnings.</p>")
        self.findings.setText("".join(parts))
        self.confirm.setVisible(bool(warns))
        if not warns:
            self.confirm.setChecked(False)


def _fmt(value: Decimal | None, places: int) -> str:
    """A measurement with the places it is stored with (480 mL/min is shown as 480.0)."""
    return "—" if value is None else str(flowmod.quantize(value, places))


def _item_text(value: int | None, reason: object, unit: str) -> str:
    if value is not None:
        return f"{value} {unit}".strip()
    if reason is not None:
        return f"missing: {MissingReason(str(reason)).label}"
    return "not answered"


def _changed(old: str, new_html: str) -> str:
    """Old → new, for a value a completed visit's edit changes."""
    return (f"<span style='{WARNING_STYLE}'><s>{html.escape(old)}</s> → </span>{new_html} "
            f"<span style='{WARNING_STYLE}'>(changed)</span>")


def review_html(label: str, visit_date: date, content: VisitContent,
                before: VisitContent | None = None,
                patient: Mapping[tuple[str, str], Keyed] | None = None,
                patient_forms: Collection[str] = ()) -> str:
    """The review's summary. ``before``: the stored content of a completed visit being edited
    (every changed value shown as old → new). ``patient`` holds the answers the patient gave on
    the screen (for ``patient_forms``): each such item says whether it is still the patient's
    answer or what the patient had answered before the staff corrected it."""
    d = schedule.definition(label)
    out = [f"<h3>{html.escape(d.title)} ({html.escape(label)}) on {visit_date.isoformat()}</h3>"]
    if before is not None:
        n = count_changes(content, before)
        out.append(f"<p style='{WARNING_STYLE}'><b>"
                   + ("No value is changed." if n == 0 else
                      "1 value is changed (old → new below)." if n == 1 else
                      f"{n} values are changed (old → new below).") + "</b></p>")
    for form in FORMS:
        expected = "expected" if d.expects(form) else "not expected"
        out.append(f"<h4>{html.escape(form_title(form))} <small>({expected})</small></h4>")
        if form in patient_forms:
            out.append(f"<p style='{PATIENT_STYLE}'><b>Answered by the patient on the screen."
                       "</b> Check each answer; a correction needs a reason.</p>")
        if form in content.skipped:
            out.append(f"<p><i>Not done: {html.escape(content.skipped[form])}</i></p>")
            continue
        if not content.has_data(form):
            out.append("<p><i>Not entered.</i></p>")
            if before is not None and (before.has_data(form) or form in before.skipped):
                out.append(f"<p style='{WARNING_STYLE}'>(changed: it was entered before "
                           "this edit)</p>")
            continue
        if form in QUESTIONNAIRES:
            instrument = QUESTIONNAIRES[form]
            given = content.answers(form)
            reasons = content.missing.get(form, {})
            rows = []
            old_given = before.answers(form) if before is not None else {}
            old_reasons = before.missing.get(form, {}) if before is not None else {}
            for it in instrument.items:
                value = given.get(it.id)
                if value is not None:
                    shown = f"<b>{value}</b> {html.escape(it.unit)}"
                elif it.id in reasons:
                    shown = f"<i>missing: {html.escape(MissingReason(reasons[it.id]).label)}</i>"
                else:
                    shown = "<i>not answered</i>"
                if before is not None:
                    old = _item_text(old_given.get(it.id), old_reasons.get(it.id), it.unit)
                    if old != _item_text(value, reasons.get(it.id), it.unit):
                        shown = _changed(old, shown)
                mark = ""
                if patient is not None and form in patient_forms:
                    from_patient = patient.get((form, it.id))
                    held: Keyed = (value if value is not None else
                                   MissingReason(reasons[it.id]) if it.id in reasons else None)
                    if encode(from_patient) == encode(held):
                        mark = f"<span style='{PATIENT_STYLE}'>patient</span>"
                    else:
                        mark = (f"<span style='{WARNING_STYLE}'><b>corrected</b>; the patient "
                                "answered: "
                                f"{html.escape(describe(instrument, it.id, from_patient))}</span>")
                rows.append(f"<tr><td>{html.escape(it.label)}</td>"
                            f"<td>{html.escape(it.short or it.text)}</td><td>{shown}</td>"
                            f"<td>{mark}</td></tr>")
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>")
            invalid = any(i.is_error for i in instrument.validate(given, reasons))
            line = score_line(instrument, content.scores(form), invalid=invalid)
            out.append(f"<p><b>{html.escape(line)}"
                       "</b></p>")
        else:
            rows = []
            for m in content.flows:
                how = ("computed from velocity × area" if m.is_computed else "entered")
                extra = []
                if m.is_computed:
                    extra.append(f"{_fmt(m.velocity_cm_s, flowmod.VELOCITY_PLACES)} cm/s × "
                                 f"{_fmt(m.area_cm2, flowmod.AREA_PLACES)} cm²")
                if m.stenosis_pct is not None:
                    extra.append(f"stenosis {m.stenosis_pct} %")
                flow = _fmt(m.flow, flowmod.FLOW_PLACES)
                shown = f"<b>{flow}</b> {flowmod.FLOW_UNIT} ({how})"
                if before is not None:
                    old_m = before.flow(m.posture, m.side)
                    old = _fmt(old_m.flow if old_m else None, flowmod.FLOW_PLACES)
                    if old != flow:
                        shown = _changed(f"{old} {flowmod.FLOW_UNIT}", shown)
                rows.append(f"<tr><td>{m.posture.value} {m.side.value}</td>"
                            f"<td>{shown}</td>"
                            f"<td>{'; '.join(extra)}</td></tr>")
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>")
            for posture, t in content.flow_totals().items():
                if t.left is not None or t.right is not None:
                    total = (_fmt(t.total, flowmod.FLOW_PLACES) if t.total is not None
                             else "— (needs both sides)")
                    out.append(f"<p><b>Total {posture.value}: {total} "
                               f"{flowmod.FLOW_UNIT}</b></p>")
    return "".join(out)


def count_changes(content: VisitContent, before: VisitContent) -> int:
    """How many items, flows and not-done reasons differ between two versions of a visit."""
    n = 0
    for form in QUESTIONNAIRES:
        new_a, old_a = content.answers(form), before.answers(form)
        new_r, old_r = content.missing.get(form, {}), before.missing.get(form, {})
        n += sum(1 for i in new_a if (new_a[i], new_r.get(i)) != (old_a[i], old_r.get(i)))
    for posture in flowmod.POSTURES:
        for side in flowmod.SIDES:
            a, b = content.flow(posture, side), before.flow(posture, side)
            if _fmt(a.flow if a else None, flowmod.FLOW_PLACES) != _fmt(
                    b.flow if b else None, flowmod.FLOW_PLACES):
                n += 1
    n += sum(1 for f in FORMS if content.skipped.get(f) != before.skipped.get(f))
    return n
