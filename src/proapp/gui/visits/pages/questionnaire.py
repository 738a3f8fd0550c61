"""One page per questionnaire (MIDAS, FSS), built entirely from the instrument definition:
items, ranges, anchors, missing reasons and the live score."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from proapp.domain.answers import MISSING_PREFIX, MissingReason, ParseError, parse_int
from proapp.domain.instruments import Instrument, ScoreKind, ScoreValue
from proapp.domain.validation import Issue, error
from proapp.domain.visit import VisitContent
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.gui.visits.fields import AnswerEdit, heading, wrapped
from proapp.gui.visits.pages.base import FormPage, scroll


class QuestionnairePage(FormPage):
    """One page per instrument, built entirely from its definition."""

    def __init__(self, instrument: Instrument, parent: QWidget | None = None):
        super().__init__(instrument.name, instrument.id, parent)
        self.instrument = instrument
        outer = QVBoxLayout(self)
        outer.addWidget(heading(f"{instrument.name} — {instrument.title}"))
        outer.addWidget(wrapped(f"Recall period: {instrument.recall_period}.", HINT_STYLE))
        outer.addWidget(wrapped(instrument.instructions))
        outer.addWidget(wrapped(
            f"An item the patient does not answer: type {MISSING_PREFIX} then "
            + ", ".join(f"{r.key} ({r.label})" for r in MissingReason) + ".", HINT_STYLE))
        self.add_expectation(outer)

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
            edit = AnswerEdit(instrument.field(it.id), chars=3, single_digit=it.single_digit,
                              missing_codes=True)
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
            grid.addWidget(self._register(instrument.field(it.id), FieldMessage()), row, 1, 1, 4)
            grid.setRowMinimumHeight(row + 1, 10)  # air between items: long texts stay readable
            row += 2
            self.edits[it.id] = edit
            self.reasons[it.id] = reason
            edit.textEdited.connect(lambda t, i=it.id: self._answer_edited(i, t))
            edit.missingTyped.connect(lambda r, i=it.id: self._missing_typed(i, r))
            reason.currentIndexChanged.connect(lambda _i, i=it.id: self._reason_changed(i))
        grid.setRowStretch(row, 1)
        outer.addWidget(scroll(inner), 1)
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
        reason = self.reasons[item_id].currentData()
        if reason:
            self.edits[item_id].clear()
        self._show_reason(item_id)
        self.update_scores()
        self.changed.emit()

    def _show_reason(self, item_id: str) -> None:
        reason = self.reasons[item_id].currentData()
        self.edits[item_id].set_missing_text(
            f"({MissingReason(reason).label})" if reason else "")

    def _missing_typed(self, item_id: str, reason: str) -> None:
        """``.d``, ``.n`` or ``.u`` typed in the item: the same as choosing the reason."""
        self.reasons[item_id].setCurrentIndex(max(self.reasons[item_id].findData(reason), 0))

    def reason_of(self, edit: QWidget) -> str:
        """The missing reason recorded for an item's field ("" when none)."""
        for item_id, e in self.edits.items():
            if e is edit:
                return str(self.reasons[item_id].currentData() or "")
        return ""

    def prompt_empty(self, edit: AnswerEdit) -> None:
        """Enter on an empty item of an expected form: say once what Enter now means."""
        message = self.message_for(edit.field_path)
        if message is None:
            return
        item = next((it for it in self.instrument.items
                     if self.instrument.field(it.id) == edit.field_path), None)
        label = item.label if item else ""
        message.setStyleSheet(HINT_STYLE)
        message.setText(
            f"Item {label} is empty. Press Enter again to leave it unanswered, or type "
            f"{MISSING_PREFIX} then "
            + ", ".join(f"{r.key} ({r.label})" for r in MissingReason) + ".")
        message.show()

    def entry_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for it in self.instrument.items:
            out += [self.edits[it.id], self.reasons[it.id]]
        return [*out, self.skip.check, self.skip.reason]

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
            self._show_reason(it.id)
        self.load_skip(content)
        self.update_scores()

    def update_scores(self) -> None:
        (responses, _m, _s), issues = self.collect()
        scores = self.instrument.valid_score(responses)
        invalid = bool(issues) or any(i.is_error for i in self.instrument.validate(responses))
        self.score_label.setText(score_line(self.instrument, scores, invalid=invalid))


def score_line(instrument: Instrument, scores: dict[str, ScoreValue], *,
               invalid: bool = False) -> str:
    """"MIDAS total: 12 days · MIDAS grade: III: total 11-20, moderate disability"; blank
    scores say why (an answer to correct, or items still empty)."""
    parts = []
    for sf in instrument.score_fields:
        value = None if invalid else scores.get(sf.id)
        if value is None:
            shown = ("— (correct the marked answers)" if invalid
                     else "— (needs every item)")
        elif sf.kind is ScoreKind.CODE:
            shown = sf.codes.get(str(value), str(value))
        else:
            shown = f"{value} {sf.unit}".strip()
        parts.append(f"{sf.label}: {shown}")
    return " · ".join(parts)
