"""The wizard's pages: visit, one page per questionnaire, flow, review.

Every text, range, anchor, unit and score shown here is read from the instrument definitions
and the schedule in :mod:`proapp.domain`; the pages only lay them out and collect what is
typed. Each page knows which issue fields (``midas.q2``, ``flow.supine.left.area``,
``visit.visit_date`` ...) it shows, so a message appears beside the field it concerns.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.answers import MissingReason, ParseError, parse_decimal, parse_int
from proapp.domain.instruments import Instrument, ScoreKind, ScoreValue
from proapp.domain.registry import FLOW, FORMS, QUESTIONNAIRES
from proapp.domain.validation import Issue, error
from proapp.domain.visit import VisitContent
from proapp.gui.visits.fields import (
    ERROR_STYLE,
    HINT_STYLE,
    WARNING_STYLE,
    AnswerEdit,
    Message,
    heading,
    wrapped,
)

FLOW_TITLE = "IJV flow"


def form_title(form: str) -> str:
    """The short name of a form as nurses know it (MIDAS, FSS, IJV flow)."""
    return QUESTIONNAIRES[form].name if form in QUESTIONNAIRES else FLOW_TITLE


def expected_forms_text(label: str) -> str:
    d = schedule.definition(label)
    forms = [form_title(f) for f in FORMS if d.expects(f)]
    if not forms:
        return f"{d.title}: no form is expected; enter whatever was done."
    return f"{d.title} expects: {', '.join(forms)}."


def _scroll(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class WizardPage(QWidget):
    """Base: a title, the form it collects (None for visit and review), and issue routing."""

    changed = Signal()  # any edit; the wizard re-validates and schedules a draft save

    form: str | None = None

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self._messages: dict[str, Message] = {}

    # -- navigation -------------------------------------------------------------------
    def entry_widgets(self) -> list[QWidget]:
        """Widgets the wizard watches for Enter (in tab order)."""
        return []

    def first_focus(self) -> QWidget | None:
        widgets = self.entry_widgets()
        return widgets[0] if widgets else None

    def chain_next(self, widget: QWidget) -> QWidget | None:
        """Where Enter in ``widget`` goes; None ends the page (the wizard moves on)."""
        widgets = self.entry_widgets()
        if widget not in widgets:
            return None
        for w in widgets[widgets.index(widget) + 1:]:
            if not getattr(w, "optional", False) and w.isEnabled():
                return w
        return None

    # -- issues -----------------------------------------------------------------------
    def message_for(self, field_path: str) -> Message | None:
        """The message label for an issue field: the exact field, else its nearest parent."""
        path = field_path
        while path:
            if path in self._messages:
                return self._messages[path]
            path = path.rpartition(".")[0]
        return None

    def owns(self, field_path: str) -> bool:
        return self.message_for(field_path) is not None

    def show_issues(self, issues: Sequence[Issue]) -> None:
        routed: dict[int, list[Issue]] = {}
        for issue in issues:
            m = self.message_for(issue.field)
            if m is not None:
                routed.setdefault(id(m), []).append(issue)
        for m in dict.fromkeys(self._messages.values()):
            m.show_issues(routed.get(id(m), []))

    def _register(self, field_path: str, message: Message) -> Message:
        self._messages[field_path] = message
        return message


# ------------------------------------------------------------------------------------------
class VisitPage(WizardPage):
    """Which visit this is: label and date, pre-filled from the schedule; the expected forms."""

    def __init__(self, patient_line: str, plan: Sequence[schedule.ScheduledVisit],
                 label: str, visit_date: date, *, extra_info: str = "",
                 parent: QWidget | None = None):
        super().__init__("Visit", parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Visit"))
        layout.addWidget(wrapped(patient_line))
        if extra_info:
            layout.addWidget(wrapped(extra_info, HINT_STYLE))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.label_box = QComboBox()
        self.label_box.setObjectName("visit.label")
        labels = [e.label for e in plan]
        if label not in labels:
            labels.append(label)
        if schedule.UNSCHEDULED not in labels:
            labels.append(schedule.UNSCHEDULED)
        by_label = {e.label: e for e in plan}
        for lbl in labels:
            self.label_box.addItem(self._describe(lbl, by_label.get(lbl)), lbl)
        self.label_box.setCurrentIndex(labels.index(label))
        self.label_box.setMinimumContentsLength(40)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("visit.visit_date")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate(visit_date.year, visit_date.month, visit_date.day))
        grid.addWidget(QLabel("Visit &label"), 0, 0)
        grid.itemAtPosition(0, 0).widget().setBuddy(self.label_box)  # type: ignore[union-attr]
        grid.addWidget(self.label_box, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._register("visit.label", Message()), 1, 1)
        date_label = QLabel("Visit &date")
        date_label.setBuddy(self.date_edit)
        grid.addWidget(date_label, 2, 0)
        grid.addWidget(self.date_edit, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._register("visit.visit_date", Message()), 3, 1)
        layout.addLayout(grid)
        self.expected = wrapped("")
        layout.addWidget(self.expected)
        self._register("visit", Message())
        layout.addWidget(self._messages["visit"])
        if plan:
            layout.addSpacing(8)
            layout.addWidget(QLabel("<b>Schedule of this patient</b>"))
            overview = QLabel(schedule_html(plan))
            overview.setObjectName("visit.schedule")
            overview.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(overview)
        layout.addWidget(wrapped("Enter: continue · Alt+N next · Alt+B / Esc back · Ctrl+S save "
                                 "from the review page · Ctrl+1…5 jump to a page", HINT_STYLE))
        layout.addStretch(1)
        self.label_box.currentIndexChanged.connect(self._label_changed)
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._label_changed()

    @staticmethod
    def _describe(label: str, entry: schedule.ScheduledVisit | None) -> str:
        d = schedule.definition(label)
        if entry is None or entry.window_start is None or entry.window_end is None:
            return f"{label} — {d.title}"
        state = entry.state.value + (", draft" if entry.has_draft else "")
        return (f"{label} — {d.title} ({state}; window {entry.window_start.isoformat()} to "
                f"{entry.window_end.isoformat()})")

    def _label_changed(self) -> None:
        self.expected.setText(expected_forms_text(self.label))
        self.changed.emit()

    @property
    def label(self) -> str:
        return str(self.label_box.currentData())

    @property
    def visit_date(self) -> date:
        q = self.date_edit.date()
        return date(q.year(), q.month(), q.day())

    def entry_widgets(self) -> list[QWidget]:
        return [self.label_box, self.date_edit]

    def chain_next(self, widget: QWidget) -> QWidget | None:
        return None  # Enter on either field confirms the visit and moves on


def schedule_html(plan: Sequence[schedule.ScheduledVisit]) -> str:
    """The patient's scheduled visits as a small table: label, target, window, state, forms."""
    rows = ["<tr><th align='left'>label</th><th align='left'>visit</th>"
            "<th align='left'>target</th><th align='left'>window</th>"
            "<th align='left'>state</th><th align='left'>forms</th></tr>"]
    for e in plan:
        window = (f"{e.window_start.isoformat()} to {e.window_end.isoformat()}"
                  if e.window_start and e.window_end else "")
        state = e.state.value + (" (draft)" if e.has_draft else "")
        forms = ", ".join(form_title(f) for f in FORMS if e.definition.expects(f))
        rows.append(f"<tr><td>{html.escape(e.label)}</td>"
                    f"<td>{html.escape(e.definition.title)}</td>"
                    f"<td>{e.target.isoformat() if e.target else ''}</td>"
                    f"<td>{window}</td><td>{html.escape(state)}</td>"
                    f"<td>{html.escape(forms)}</td></tr>")
    return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"


# ------------------------------------------------------------------------------------------
class SkipBox(QWidget):
    """"Not done at this visit" with its reason; stored as VisitContent.skipped."""

    def __init__(self, form: str, page: WizardPage):
        super().__init__(page)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(f"{form_title(form)} not done at this visit — reason:")
        self.check.setObjectName(f"{form}.skip")
        self.reason = QLineEdit()
        self.reason.setObjectName(f"{form}.skipped")
        self.reason.setPlaceholderText("why it was not done (required to skip an expected form)")
        self.check.optional = True  # type: ignore[attr-defined]
        self.reason.optional = True  # type: ignore[attr-defined]
        row.addWidget(self.check)
        row.addWidget(self.reason, 1)
        self.check.toggled.connect(self._toggled)
        self.reason.textEdited.connect(lambda _t: page.changed.emit())
        self.reason.setEnabled(False)
        self._page = page

    def _toggled(self, on: bool) -> None:
        self.reason.setEnabled(on)
        if on:
            self.reason.setFocus()
        self._page.changed.emit()

    def value(self) -> str | None:
        return self.reason.text() if self.check.isChecked() else None

    def set_value(self, reason: str | None) -> None:
        self.check.setChecked(reason is not None)
        self.reason.setText(reason or "")


class ExpectationBanner(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def set_expected(self, form: str, label: str) -> None:
        d = schedule.definition(label)
        if d.expects(form):
            self.setText(f"{d.title} expects {form_title(form)}. To leave it out, tick "
                         "“not done at this visit” and give a reason.")
            self.setStyleSheet("")
        else:
            self.setText(f"{d.title} does not expect {form_title(form)}: leave the page empty "
                         "to skip it, or enter it if it was done.")
            self.setStyleSheet(HINT_STYLE)


class QuestionnairePage(WizardPage):
    """One page per instrument, built entirely from its definition."""

    def __init__(self, instrument: Instrument, parent: QWidget | None = None):
        super().__init__(instrument.name, parent)
        self.instrument = instrument
        self.form = instrument.id
        outer = QVBoxLayout(self)
        outer.addWidget(heading(f"{instrument.name} — {instrument.title}"))
        outer.addWidget(wrapped(f"Recall period: {instrument.recall_period}.", HINT_STYLE))
        outer.addWidget(wrapped(instrument.instructions))
        self.banner = ExpectationBanner()
        outer.addWidget(self.banner)
        self.skip = SkipBox(instrument.id, self)
        outer.addWidget(self.skip)
        outer.addWidget(self._register(f"{instrument.id}.skipped", Message()))
        self._register(instrument.id, self._messages[f"{instrument.id}.skipped"])

        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        self.edits: dict[str, AnswerEdit] = {}
        self.reasons: dict[str, QComboBox] = {}
        row = 0
        for it in instrument.items:
            number = QLabel(f"<b>{html.escape(it.label)}</b>")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = wrapped(it.text)
            text.setObjectName(f"{self.instrument.field(it.id)}.text")
            edit = AnswerEdit(instrument.field(it.id), chars=3, single_digit=it.single_digit)
            edit.setToolTip(f"{it.minimum}–{it.maximum} {it.unit}")
            edit.setAccessibleName(f"{instrument.name} item {it.label}")
            text.setBuddy(edit)
            unit = QLabel(f"{it.unit} ({it.minimum}–{it.maximum})")
            unit.setStyleSheet(HINT_STYLE)
            for lbl in (number, text, unit):  # first lines level with the text in the field
                lbl.setAlignment(lbl.alignment() & ~Qt.AlignmentFlag.AlignVertical_Mask
                                 | Qt.AlignmentFlag.AlignTop)
                lbl.setContentsMargins(0, 4, 0, 0)
            reason = QComboBox()
            reason.setObjectName(f"{instrument.field(it.id)}.missing")
            # Item data are plain strings: PySide6 miscounts references to None stored in a
            # QVariant (a "deallocating None" abort at exit), so "no reason" is "".
            reason.addItem("(reason if unanswered)", "")
            for r in MissingReason:
                reason.addItem(f"missing: {r.label}", r.value)
            reason.optional = True  # type: ignore[attr-defined]
            reason.setAccessibleName(f"why item {it.label} is missing")
            grid.addWidget(number, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(edit, row, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(unit, row, 3, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(reason, row, 4, Qt.AlignmentFlag.AlignTop)
            row += 1
            if it.anchors:
                anchors = " · ".join(f"{k} = {v}" for k, v in sorted(it.anchors.items()))
                grid.addWidget(wrapped(anchors, HINT_STYLE), row, 1)
                row += 1
            grid.addWidget(self._register(instrument.field(it.id), Message()), row, 1, 1, 4)
            grid.setRowMinimumHeight(row + 1, 10)  # air between items: long texts stay readable
            row += 2
            self.edits[it.id] = edit
            self.reasons[it.id] = reason
            edit.textEdited.connect(lambda t, i=it.id: self._answer_edited(i, t))
            reason.currentIndexChanged.connect(lambda _i, i=it.id: self._reason_changed(i))
        grid.setRowStretch(row, 1)
        outer.addWidget(_scroll(inner), 1)
        self.score_label = QLabel()
        self.score_label.setObjectName(f"{instrument.id}.score")
        self.score_label.setWordWrap(True)
        self.score_label.setStyleSheet("font-weight: bold; padding: 4px;")
        outer.addWidget(self.score_label)
        self.update_scores()

    def _answer_edited(self, item_id: str, text: str) -> None:
        if text.strip():
            self.reasons[item_id].setCurrentIndex(0)  # an answer replaces a missing reason
        self.update_scores()
        self.changed.emit()

    def _reason_changed(self, item_id: str) -> None:
        if self.reasons[item_id].currentData():
            self.edits[item_id].clear()
        self.update_scores()
        self.changed.emit()

    def entry_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for it in self.instrument.items:
            out += [self.edits[it.id], self.reasons[it.id]]
        return [*out, self.skip.check, self.skip.reason]

    def set_expected(self, label: str) -> None:
        self.banner.set_expected(self.instrument.id, label)

    def collect(self) -> tuple[tuple[dict[str, int | None], dict[str, MissingReason],
                                     str | None], list[Issue]]:
        responses: dict[str, int | None] = {}
        missing: dict[str, MissingReason] = {}
        issues: list[Issue] = []
        for it in self.instrument.items:
            text = self.edits[it.id].text()
            try:
                responses[it.id] = parse_int(text)
            except ParseError as exc:
                responses[it.id] = None
                issues.append(error(self.instrument.field(it.id), exc.rule,
                                    f"{self.instrument.name} item {it.label}: {exc}", text))
            reason = self.reasons[it.id].currentData()
            if reason:
                missing[it.id] = MissingReason(reason)
        return (responses, missing, self.skip.value()), issues

    def load(self, content: VisitContent) -> None:
        given = content.answers(self.instrument.id)
        reasons = content.missing.get(self.instrument.id, {})
        for it in self.instrument.items:
            value = given.get(it.id)
            self.edits[it.id].setText("" if value is None else str(value))
            reason = reasons.get(it.id)
            idx = (self.reasons[it.id].findData(MissingReason(reason).value)
                   if reason is not None else 0)
            self.reasons[it.id].blockSignals(True)
            self.reasons[it.id].setCurrentIndex(max(idx, 0))
            self.reasons[it.id].blockSignals(False)
        self.skip.blockSignals(True)
        self.skip.set_value(content.skipped.get(self.instrument.id))
        self.skip.blockSignals(False)
        self.update_scores()

    def update_scores(self) -> None:
        (responses, _m, _s), _issues = self.collect()
        scores = self.instrument.score(responses)
        self.score_label.setText(score_line(self.instrument, scores))


def score_line(instrument: Instrument, scores: dict[str, ScoreValue]) -> str:
    """"MIDAS total: 12 days · MIDAS grade: III: total 11-20, moderate disability"."""
    parts = []
    for sf in instrument.score_fields:
        value = scores.get(sf.id)
        if value is None:
            shown = "— (needs every item)"
        elif sf.kind is ScoreKind.CODE:
            shown = sf.codes.get(str(value), str(value))
        else:
            shown = f"{value} {sf.unit}".strip()
        parts.append(f"{sf.label}: {shown}")
    return " · ".join(parts)


# ------------------------------------------------------------------------------------------
class FlowSide(QWidget):
    """One vein in one posture: flow, or velocity and area (computed flow shown), stenosis."""

    def __init__(self, page: FlowPage, posture: flowmod.Posture, side: flowmod.Side,
                 optional: bool):
        super().__init__(page)
        self.posture, self.side = posture, side
        base = f"flow.{posture.value}.{side.value}"
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(2, 1)
        self.flow = AnswerEdit(f"{base}.flow", chars=7, optional=optional)
        self.velocity = AnswerEdit(f"{base}.velocity", chars=7, optional=True)
        self.area = AnswerEdit(f"{base}.area", chars=7, optional=True)
        self.stenosis = AnswerEdit(f"{base}.stenosis", chars=4, optional=True)
        self.computed = QLabel()
        self.computed.setObjectName(f"{base}.computed")
        where = f"{posture.value} {side.value}"
        for row, (text, edit, unit) in enumerate((
                ("Flow", self.flow, flowmod.FLOW_UNIT),
                ("or mean velocity", self.velocity, "cm/s"),
                ("× area", self.area, "cm²"))):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(QLabel(unit), row, 2)
            edit.setAccessibleName(f"{where} {text.split()[-1]}")
        grid.addWidget(self.computed, 3, 1, 1, 2)
        grid.addWidget(QLabel("Stenosis"), 4, 0)
        grid.addWidget(self.stenosis, 4, 1)
        grid.addWidget(QLabel("% (optional)"), 4, 2)
        self.message = Message()
        grid.addWidget(self.message, 5, 0, 1, 3)
        for path in (base, f"{base}.flow", f"{base}.velocity", f"{base}.area",
                     f"{base}.stenosis"):
            page._register(path, self.message)
        for edit in self.edits():
            edit.textEdited.connect(lambda _t: page.edited())

    def edits(self) -> list[AnswerEdit]:
        return [self.flow, self.velocity, self.area, self.stenosis]

    def collect(self) -> tuple[flowmod.FlowMeasurement, list[Issue]]:
        issues: list[Issue] = []
        values: dict[str, Any] = {}
        for name, edit, places in (("flow_ml_min", self.flow, flowmod.FLOW_PLACES),
                                   ("velocity_cm_s", self.velocity, flowmod.VELOCITY_PLACES),
                                   ("area_cm2", self.area, flowmod.AREA_PLACES),
                                   ("stenosis_pct", self.stenosis, None)):
            text = edit.text()
            try:
                values[name] = (parse_int(text) if places is None
                                else parse_decimal(text, places))
            except ParseError as exc:
                values[name] = None
                issues.append(error(edit.field_path, exc.rule,
                                    f"{self.posture.value} {self.side.value} IJV: {exc}", text))
        return flowmod.FlowMeasurement(self.side, self.posture, **values), issues

    def load(self, m: flowmod.FlowMeasurement | None) -> None:
        for edit, value in ((self.flow, m and m.flow_ml_min),
                            (self.velocity, m and m.velocity_cm_s),
                            (self.area, m and m.area_cm2),
                            (self.stenosis, m and m.stenosis_pct)):
            edit.setText("" if value is None else str(value))

    def show_computed(self, m: flowmod.FlowMeasurement) -> None:
        if m.is_computed and m.flow is not None:
            self.computed.setText(f"= {m.flow} {flowmod.FLOW_UNIT} (computed: velocity × area "
                                  "× 60)")
        else:
            self.computed.setText("")


class FlowPage(WizardPage):
    """Left and right IJV per posture; the first posture is the one every flow visit has."""

    form = FLOW

    def __init__(self, parent: QWidget | None = None):
        super().__init__(FLOW_TITLE, parent)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(f"{FLOW_TITLE} — Duplex ultrasound"))
        outer.addWidget(wrapped(
            f"Per vein, enter the flow in {flowmod.FLOW_UNIT}, or leave it empty and enter the "
            "time-averaged mean velocity and the cross-sectional area: the flow is computed. "
            "Enter moves left → right; Tab reaches stenosis and the optional posture.",
            HINT_STYLE))
        self.banner = ExpectationBanner()
        outer.addWidget(self.banner)
        self.skip = SkipBox(FLOW, self)
        outer.addWidget(self.skip)
        outer.addWidget(self._register(f"{FLOW}.skipped", Message()))
        self._register(FLOW, self._messages[f"{FLOW}.skipped"])
        inner = QWidget()
        col = QVBoxLayout(inner)
        self.sides: dict[tuple[flowmod.Posture, flowmod.Side], FlowSide] = {}
        self.total_labels: dict[flowmod.Posture, QLabel] = {}
        for n, posture in enumerate(flowmod.POSTURES):
            optional = n > 0
            box = QGroupBox(posture.value.capitalize() + (" (optional)" if optional else ""))
            grid = QGridLayout(box)
            for c, side in enumerate(flowmod.SIDES):
                grid.addWidget(QLabel(f"<b>{side.value.capitalize()} IJV</b>"), 0, c)
                fs = FlowSide(self, posture, side, optional)
                self.sides[(posture, side)] = fs
                grid.addWidget(fs, 1, c)
            total = QLabel()
            total.setObjectName(f"flow.{posture.value}.total")
            total.setStyleSheet("font-weight: bold;")
            grid.addWidget(total, 2, 0, 1, len(flowmod.SIDES))
            self.total_labels[posture] = total
            col.addWidget(box)
        col.addStretch(1)
        outer.addWidget(_scroll(inner), 1)
        self.update_totals()

    def edited(self) -> None:
        self.update_totals()
        self.changed.emit()

    def entry_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for fs in self.sides.values():
            out += fs.edits()
        return [*out, self.skip.check, self.skip.reason]

    def chain_next(self, widget: QWidget) -> QWidget | None:
        """flow (typed) -> next vein's flow; flow (empty) -> velocity -> area -> next vein."""
        order = list(self.sides.values())
        for i, fs in enumerate(order):
            if widget not in fs.edits():
                continue
            if widget is fs.flow and not fs.flow.text().strip():
                return fs.velocity
            if widget is fs.velocity:
                return fs.area
            if i + 1 < len(order) and (order[i + 1].posture is fs.posture
                                       or not order[i + 1].flow.optional):
                return order[i + 1].flow
            return None
        return super().chain_next(widget)

    def set_expected(self, label: str) -> None:
        self.banner.set_expected(FLOW, label)

    def collect(self) -> tuple[tuple[list[flowmod.FlowMeasurement], str | None], list[Issue]]:
        measurements, issues = [], []
        for fs in self.sides.values():
            m, errs = fs.collect()
            measurements.append(m)
            issues += errs
        return (measurements, self.skip.value()), issues

    def load(self, content: VisitContent) -> None:
        for (posture, side), fs in self.sides.items():
            fs.load(content.flow(posture, side))
        self.skip.blockSignals(True)
        self.skip.set_value(content.skipped.get(FLOW))
        self.skip.blockSignals(False)
        self.update_totals()

    def update_totals(self) -> None:
        (measurements, _skip), _issues = self.collect()
        for m in measurements:
            self.sides[(m.posture, m.side)].show_computed(m)
        for posture, t in flowmod.totals(measurements).items():
            if t.total is not None:
                text = f"Total {posture.value}: {t.total} {flowmod.FLOW_UNIT}"
            elif t.left is None and t.right is None:
                text = f"Total {posture.value}: —"
            else:
                text = f"Total {posture.value}: — (needs left and right)"
            self.total_labels[posture].setText(text)


# ------------------------------------------------------------------------------------------
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
        outer.addWidget(self._register("review.reason", Message()))
        self.status = wrapped("")
        self.status.setObjectName("review.status")
        outer.addWidget(self.status)
        outer.addWidget(wrapped("Ctrl+S saves and completes the visit.", HINT_STYLE))
        self.reason_label.setVisible(editing_complete)
        self.reason.setVisible(editing_complete)
        self.confirm.hide()

    def entry_widgets(self) -> list[QWidget]:
        return [self.confirm, self.reason]

    def first_focus(self) -> QWidget | None:
        if not self.confirm.isHidden():
            return self.confirm
        if not self.reason.isHidden():
            return self.reason
        return None

    def chain_next(self, widget: QWidget) -> QWidget | None:
        if widget is self.confirm and not self.reason.isHidden():
            return self.reason
        return None

    def show_review(self, label: str, visit_date: date, content: VisitContent,
                    issues: Sequence[Issue]) -> None:
        self.summary.setHtml(review_html(label, visit_date, content))
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


def review_html(label: str, visit_date: date, content: VisitContent) -> str:
    d = schedule.definition(label)
    out = [f"<h3>{html.escape(d.title)} ({html.escape(label)}) on {visit_date.isoformat()}</h3>"]
    for form in FORMS:
        expected = "expected" if d.expects(form) else "not expected"
        out.append(f"<h4>{html.escape(form_title(form))} <small>({expected})</small></h4>")
        if form in content.skipped:
            out.append(f"<p><i>Not done: {html.escape(content.skipped[form])}</i></p>")
            continue
        if not content.has_data(form):
            out.append("<p><i>Not entered.</i></p>")
            continue
        if form in QUESTIONNAIRES:
            instrument = QUESTIONNAIRES[form]
            given = content.answers(form)
            reasons = content.missing.get(form, {})
            rows = []
            for it in instrument.items:
                value = given.get(it.id)
                if value is not None:
                    shown = f"<b>{value}</b> {html.escape(it.unit)}"
                elif it.id in reasons:
                    shown = f"<i>missing: {html.escape(MissingReason(reasons[it.id]).label)}</i>"
                else:
                    shown = "<i>not answered</i>"
                rows.append(f"<tr><td>{html.escape(it.label)}</td>"
                            f"<td>{html.escape(it.short or it.text)}</td><td>{shown}</td></tr>")
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>")
            out.append(f"<p><b>{html.escape(score_line(instrument, content.scores(form)))}"
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
                rows.append(f"<tr><td>{m.posture.value} {m.side.value}</td>"
                            f"<td><b>{flow}</b> {flowmod.FLOW_UNIT} ({how})</td>"
                            f"<td>{'; '.join(extra)}</td></tr>")
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>")
            for posture, t in content.flow_totals().items():
                if t.left is not None or t.right is not None:
                    total = (_fmt(t.total, flowmod.FLOW_PLACES) if t.total is not None
                             else "— (needs both sides)")
                    out.append(f"<p><b>Total {posture.value}: {total} "
                               f"{flowmod.FLOW_UNIT}</b></p>")
    return "".join(out)
