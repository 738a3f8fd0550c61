"""One page per questionnaire (MIDAS, FSS), built entirely from the instrument definition:
items, ranges, anchors, missing reasons and the live score."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from proapp.domain.answers import MISSING_PREFIX, MissingReason, ParseError, parse_int
from proapp.domain.i18n import msg
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.instruments import Instrument, ScoreKind, ScoreValue, unit_text
from proapp.domain.validation import Issue, error
from proapp.domain.visit import VisitContent
from proapp.gui.common import language
from proapp.gui.common.language import QT_TRANSLATE_NOOP, number_text, shown
from proapp.gui.common.style import ERROR_STYLE, HINT_STYLE
from proapp.gui.common.widgets import FieldMessage
from proapp.gui.visits.fields import AnswerEdit, heading, wrapped
from proapp.gui.visits.pages.base import FormPage, scroll

SCORE_LABELS = (QT_TRANSLATE_NOOP("Score", "MIDAS total"),
                QT_TRANSLATE_NOOP("Score", "MIDAS grade"),
                QT_TRANSLATE_NOOP("Score", "FSS mean"), QT_TRANSLATE_NOOP("Score", "FSS total"),
                QT_TRANSLATE_NOOP("Score", "total"))


def missing_codes_text() -> str:
    """".d (declined), .n (not asked), .u (unknown)" in the screens' language."""
    return ", ".join(f"{r.key} ({shown(r.label)})" for r in MissingReason)


class QuestionnairePage(FormPage):
    """One page per instrument, built entirely from its definition; the words (title,
    instructions, items, anchors) from ``texts``, the questionnaire in the language the
    patient reads (the English originals by default). A translation that is not the clinic's
    validated one says so at the top, in red."""

    def __init__(self, instrument: Instrument, parent: QWidget | None = None,
                 texts: InstrumentTexts | None = None):
        super().__init__(instrument.name, instrument.id, parent)
        self.instrument = instrument
        self.texts = texts = texts or instrument.english
        outer = QVBoxLayout(self)
        outer.addWidget(heading(f"{instrument.name} — {texts.title}"))
        self.not_validated = wrapped(self.tr(
            "Translation not validated — replace with the licensed validated version "
            "({language}, {edition}). Ask the administrator to install the clinic's texts "
            "(proapp instruments install FILE).").format(language=texts.language.native_name,
                                                         edition=texts.edition), ERROR_STYLE)
        self.not_validated.setObjectName(f"{instrument.id}.notValidated")
        self.not_validated.setVisible(not texts.validated)
        outer.addWidget(self.not_validated)
        outer.addWidget(wrapped(self.tr("Recall period: {period}.").format(
            period=texts.recall_period), HINT_STYLE))
        outer.addWidget(wrapped(texts.instructions))
        outer.addWidget(wrapped(self.tr("An item the patient does not answer: type {prefix} "
                                        "then {codes}.").format(prefix=MISSING_PREFIX,
                                                                codes=missing_codes_text()),
                                HINT_STYLE))
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
            words = texts.item(it.id)
            text = wrapped(words.text)
            text.setObjectName(f"{self.instrument.field(it.id)}.text")
            edit = AnswerEdit(instrument.field(it.id), chars=3, single_digit=it.single_digit,
                              missing_codes=True)
            unit_words = shown(unit_text(it.unit))
            edit.setToolTip(f"{it.minimum}–{it.maximum} {unit_words}")
            edit.setAccessibleName(self.tr("{name} item {label}").format(name=instrument.name,
                                                                        label=it.label))
            text.setBuddy(edit)
            unit = QLabel(f"{unit_words} ({it.minimum}–{it.maximum})")
            unit.setStyleSheet(HINT_STYLE)
            for lbl in (number, text, unit):  # first lines level with the text in the field
                lbl.setAlignment(lbl.alignment() & ~Qt.AlignmentFlag.AlignVertical_Mask
                                 | Qt.AlignmentFlag.AlignTop)
                lbl.setContentsMargins(0, 4, 0, 0)
            reason = QComboBox()
            reason.setObjectName(f"{instrument.field(it.id)}.missing")
            # Item data are plain strings: PySide6 miscounts references to None stored in a
            # QVariant (a "deallocating None" abort at exit), so "no reason" is "".
            reason.addItem(self.tr("(reason if unanswered)"), "")
            for r in MissingReason:
                reason.addItem(self.tr("missing: {reason}").format(reason=shown(r.label)),
                               r.value)
            # as wide as its "(reason if unanswered)", not as its longest reason (Italian's
            # are a third longer and squeezed the items' texts at 150 %); the list shows
            # every reason whole
            reason.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            reason.setMinimumContentsLength(max(20, len(reason.itemText(0))))
            reason.optional = True  # type: ignore[attr-defined]
            reason.setAccessibleName(self.tr("why item {label} is missing").format(
                label=it.label))
            grid.addWidget(number, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(edit, row, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(unit, row, 3, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(reason, row, 4, Qt.AlignmentFlag.AlignTop)
            row += 1
            if words.anchors:
                anchors = " · ".join(f"{k} = {v}" for k, v in sorted(words.anchors.items()))
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
            f"({shown(MissingReason(reason).label)})" if reason else "")

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
        message.setText(self.tr(
            "Item {label} is empty. Press Enter again to leave it unanswered, or type "
            "{prefix} then {codes}.").format(label=label, prefix=MISSING_PREFIX,
                                             codes=missing_codes_text()))
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
                                    msg("{name} item {label}: {problem}",
                                        name=self.instrument.name, label=it.label,
                                        problem=exc.message), text))
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
        # for the nurse: the grade's meaning in the screens' language
        self.score_label.setText(score_line(self.instrument, scores, invalid=invalid,
                                            texts=self.instrument.texts(
                                                language.current_language())))


def score_line(instrument: Instrument, scores: dict[str, ScoreValue], *,
               invalid: bool = False, texts: InstrumentTexts | None = None) -> str:
    """"MIDAS total: 12 days · MIDAS grade: III: total 11-20, moderate disability"; blank
    scores say why (an answer to correct, or items still empty). In the screens' language,
    the grades' meanings from ``texts`` when they have them."""
    def t(text: str) -> str:
        return QCoreApplication.translate("Score", text)

    parts = []
    for sf in instrument.score_fields:
        value = None if invalid else scores.get(sf.id)
        if value is None:
            text = (QCoreApplication.translate("Score", "— (correct the marked answers)")
                    if invalid else QCoreApplication.translate("Score", "— (needs every item)"))
        elif sf.kind is ScoreKind.CODE:
            # "III: total 11-20, moderate disability", its meaning in the texts' language
            text = sf.codes.get(str(value), str(value))
            meaning = texts.extra.get(f"grade.{value}") if texts is not None else None
            english = instrument.english.extra.get(f"grade.{value}")
            if meaning and english and english in text:
                text = text.replace(english, meaning).replace(
                    ": total ", ": " + t("total") + " ", 1)
        else:
            number = (number_text(value) if isinstance(value, int | Decimal)
                      else str(value))
            text = f"{number} {shown(unit_text(sf.unit))}".strip()
        parts.append(f"{t(sf.label)}: {text}")
    return " · ".join(parts)
