"""The review page: every answer, the scores and the findings; warnings are confirmed here and a
change to a completed visit is given its reason."""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
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
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.instruments import Instrument, unit_text
from proapp.domain.item_values import Keyed, encode
from proapp.domain.registry import FORMS, QUESTIONNAIRES
from proapp.domain.validation import Issue
from proapp.domain.visit import VisitContent
from proapp.gui.common.language import in_context, number_text, screen_format, shown
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE, WARNING_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.gui.visits.fields import heading, wrapped
from proapp.gui.visits.pages.base import WizardPage, form_title
from proapp.gui.visits.pages.flow import TITLES as FLOW_TITLES
from proapp.gui.visits.pages.flow import where_text
from proapp.gui.visits.pages.questionnaire import score_line

if TYPE_CHECKING:
    from proapp.services.visits.self_report import SelfReportState

PATIENT_STYLE = "color: #1f5f8b;"

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("Review")  # this screen's texts marked with QT_TRANSLATE_NOOP


class ReviewPage(WizardPage):
    """Every answer, the scores and the findings; warnings are confirmed here before saving."""

    def __init__(self, editing_complete: bool, parent: QWidget | None = None):
        super().__init__(translate("Review", "Review"), parent)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Review and save")))
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
        self.confirm = QCheckBox(self.tr("I have checked these warnings with the patient and "
                                         "the source documents"))
        self.confirm.setObjectName("review.confirm")
        self.confirm.toggled.connect(lambda _on: self.changed.emit())
        outer.addWidget(self.confirm)
        self.reason = QLineEdit()
        self.reason.setObjectName("review.reason")
        self.reason.setPlaceholderText(self.tr("reason for changing a completed visit (required, "
                                               "kept in the change log)"))
        self.reason_label = QLabel(self.tr("&Reason for the change"))
        self.reason_label.setBuddy(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.reason_label)
        row.addWidget(self.reason, 1)
        outer.addLayout(row)
        outer.addWidget(self._register("review.reason", FieldMessage()))
        self.status = wrapped("")
        self.status.setObjectName("review.status")
        outer.addWidget(self.status)
        outer.addWidget(wrapped(self.tr("Ctrl+S saves and completes the visit."), HINT_STYLE))
        self.second_entry = QCheckBox(self.tr("Entered from a paper form: ask for a second, "
                                              "independent entry of the questionnaires (double "
                                              "data entry)"))
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
            self.reason.setPlaceholderText(self.tr("reason for correcting the patient's answers "
                                                   "(required, kept in the change log)"))

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
                    issues: Sequence[Issue], *, before: VisitContent | None = None,
                    texts: Mapping[str, InstrumentTexts] | None = None) -> None:
        """``before``: the stored content of a completed visit being edited; every value that
        differs is shown as old → new. ``texts``: the questionnaires' texts the visit is
        entered in (the items' short names), the English ones by default."""
        patient = self._patient
        self.summary.setHtml(review_html(
            label, visit_date, content, before, patient.answers if patient else None,
            patient.instruments if patient else (), texts))
        errs = [i for i in issues if i.is_error]
        warns = [i for i in issues if not i.is_error]
        parts = []
        if errs:
            parts.append(f"<p style='{ERROR_STYLE}'><b>"
                         + html.escape(self.tr("Must be corrected before saving:")) + "</b><br>"
                         + "<br>".join(html.escape(shown(i.message)) for i in errs) + "</p>")
        if warns:
            parts.append(f"<p style='{WARNING_STYLE}'><b>"
                         + html.escape(self.tr("Please confirm:")) + "</b><br>"
                         + "<br>".join(html.escape(shown(i.message)) for i in warns) + "</p>")
        if not issues:
            parts.append("<p>" + html.escape(self.tr("No errors and no warnings.")) + "</p>")
        self.findings.setText("".join(parts))
        self.confirm.setVisible(bool(warns))
        if not warns:
            self.confirm.setChecked(False)


def _fmt(value: Decimal | None, places: int) -> str:
    """A measurement with the places it is stored with (480 mL/min is shown as 480.0), with
    the screens' decimal mark."""
    return "—" if value is None else number_text(flowmod.quantize(value, places), places)


def _item_text(value: int | None, reason: object, unit: str) -> str:
    if value is not None:
        return f"{value} {unit}".strip()
    if reason is not None:
        return translate("Review", "missing: {reason}").format(
            reason=shown(MissingReason(str(reason)).label))
    return translate("Review", "not answered")


def described(instrument: Instrument, item_id: str, value: Keyed,
              texts: InstrumentTexts | None = None) -> str:
    """A keyed value as the screens write it (``12 giorni``, ``manca: non chiesto``), the
    answer's anchor from ``texts`` (the instrument's English by default)."""
    if value is None or isinstance(value, MissingReason):
        return _item_text(None, value.value if value is not None else None, "")
    unit = shown(unit_text(instrument.item(item_id).unit))
    words = (texts or instrument.english).items.get(item_id)
    anchor = words.anchors.get(value) if words is not None else None
    return f"{value} {unit} ({anchor})" if anchor else f"{value} {unit}".strip()


def _changed(old: str, new_html: str) -> str:
    """Old → new, for a value a completed visit's edit changes."""
    return (f"<span style='{WARNING_STYLE}'><s>{html.escape(old)}</s> → </span>{new_html} "
            f"<span style='{WARNING_STYLE}'>" + html.escape(translate("Review", "(changed)"))
            + "</span>")


def _changes_text(n: int) -> str:
    if n == 0:
        return translate("Review", "No value is changed.")
    if n == 1:
        return translate("Review", "1 value is changed (old → new below).")
    return translate("Review", "{n} values are changed (old → new below).").format(n=n)


def review_html(label: str, visit_date: date, content: VisitContent,
                before: VisitContent | None = None,
                patient: Mapping[tuple[str, str], Keyed] | None = None,
                patient_forms: Collection[str] = (),
                texts: Mapping[str, InstrumentTexts] | None = None) -> str:
    """The review's summary, in the screens' language (the items' short names in the
    language of ``texts``). ``before``: the stored content of a completed visit being edited
    (every changed value shown as old → new). ``patient`` holds the answers the patient gave on
    the screen (for ``patient_forms``): each such item says whether it is still the patient's
    answer or what the patient had answered before the staff corrected it."""
    d = schedule.definition(label)
    out = ["<h3>" + html.escape(translate("Review", "{visit} ({label}) on {date}").format(
        visit=shown(d.title), label=label, date=screen_format().format_date(visit_date)))
        + "</h3>"]
    if before is not None:
        out.append(f"<p style='{WARNING_STYLE}'><b>"
                   + html.escape(_changes_text(count_changes(content, before))) + "</b></p>")
    for form in FORMS:
        expected = (translate("Review", "expected") if d.expects(form)
                    else translate("Review", "not expected"))
        out.append(f"<h4>{html.escape(form_title(form))} <small>({html.escape(expected)})"
                   "</small></h4>")
        if form in patient_forms:
            out.append(f"<p style='{PATIENT_STYLE}'><b>"
                       + html.escape(translate("Review", "Answered by the patient on the "
                                               "screen.")) + "</b> "
                       + html.escape(translate("Review", "Check each answer; a correction "
                                               "needs a reason."))
                       + "</p>")
        if form in content.skipped:
            out.append("<p><i>" + html.escape(translate("Review", "Not done: {reason}").format(
                reason=content.skipped[form])) + "</i></p>")
            continue
        if not content.has_data(form):
            out.append("<p><i>" + html.escape(translate("Review", "Not entered.")) + "</i></p>")
            if before is not None and (before.has_data(form) or form in before.skipped):
                out.append(f"<p style='{WARNING_STYLE}'>"
                           + html.escape(translate("Review", "(changed: it was entered "
                                                   "before this edit)"))
                           + "</p>")
            continue
        if form in QUESTIONNAIRES:
            instrument = QUESTIONNAIRES[form]
            words = (texts or {}).get(form) or instrument.english
            given = content.answers(form)
            reasons = content.missing.get(form, {})
            rows = []
            old_given = before.answers(form) if before is not None else {}
            old_reasons = before.missing.get(form, {}) if before is not None else {}
            for it in instrument.items:
                value = given.get(it.id)
                unit = shown(unit_text(it.unit))
                if value is not None:
                    cell = f"<b>{value}</b> {html.escape(unit)}"
                elif it.id in reasons:
                    cell = "<i>" + html.escape(translate("Review", "missing: {reason}").format(
                        reason=shown(MissingReason(reasons[it.id]).label))) + "</i>"
                else:
                    cell = "<i>" + html.escape(translate("Review", "not answered")) + "</i>"
                if before is not None:
                    old = _item_text(old_given.get(it.id), old_reasons.get(it.id), unit)
                    if old != _item_text(value, reasons.get(it.id), unit):
                        cell = _changed(old, cell)
                mark = ""
                if patient is not None and form in patient_forms:
                    from_patient = patient.get((form, it.id))
                    held: Keyed = (value if value is not None else
                                   MissingReason(reasons[it.id]) if it.id in reasons else None)
                    if encode(from_patient) == encode(held):
                        mark = (f"<span style='{PATIENT_STYLE}'>"
                                + html.escape(translate("Review", "patient")) + "</span>")
                    else:
                        mark = (f"<span style='{WARNING_STYLE}'><b>"
                                + html.escape(translate("Review", "corrected")) + "</b>; "
                                + html.escape(translate(
                                    "Review", "the patient answered: {answer}").format(
                                    answer=described(instrument, it.id, from_patient, words)))
                                + "</span>")
                item = words.items.get(it.id) if words is not None else None
                name = (item.short or item.text) if item is not None else (it.short or it.text)
                rows.append(f"<tr><td>{html.escape(it.label)}</td>"
                            f"<td>{html.escape(name)}</td><td>{cell}</td>"
                            f"<td>{mark}</td></tr>")
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>")
            invalid = any(i.is_error for i in instrument.validate(given, reasons))
            line = score_line(instrument, content.scores(form), invalid=invalid, texts=words)
            out.append(f"<p><b>{html.escape(line)}"
                       "</b></p>")
        else:
            rows = []
            for m in content.flows:
                how = (translate("Review", "computed from velocity × area") if m.is_computed
                       else translate("Review", "entered"))
                extra = []
                if m.is_computed:
                    extra.append(f"{_fmt(m.velocity_cm_s, flowmod.VELOCITY_PLACES)} cm/s × "
                                 f"{_fmt(m.area_cm2, flowmod.AREA_PLACES)} cm²")
                if m.stenosis_pct is not None:
                    extra.append(translate("Review", "stenosis {percent} %").format(
                        percent=m.stenosis_pct))
                flow = _fmt(m.flow, flowmod.FLOW_PLACES)
                cell = f"<b>{flow}</b> {flowmod.FLOW_UNIT} ({html.escape(how)})"
                if before is not None:
                    old_m = before.flow(m.posture, m.side)
                    old = _fmt(old_m.flow if old_m else None, flowmod.FLOW_PLACES)
                    if old != flow:
                        cell = _changed(f"{old} {flowmod.FLOW_UNIT}", cell)
                rows.append(f"<tr><td>{html.escape(where_text(m.posture, m.side))}</td>"
                            f"<td>{cell}</td>"
                            f"<td>{html.escape('; '.join(extra))}</td></tr>")
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>")
            for posture, t in content.flow_totals().items():
                if t.left is not None or t.right is not None:
                    total = (_fmt(t.total, flowmod.FLOW_PLACES) if t.total is not None
                             else translate("Review", "— (needs both sides)"))
                    out.append("<p><b>" + html.escape(translate(
                        "Review", "Total {posture}: {total} {unit}").format(
                        posture=QCoreApplication.translate("Flow", FLOW_TITLES[posture.value]),
                        total=total, unit=flowmod.FLOW_UNIT)) + "</b></p>")
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
