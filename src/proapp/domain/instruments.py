"""The instrument model: items, answer ranges, texts and scoring in one definition each.

GUI pages, validation, exports, data dictionaries and reports all read these objects; no other
module writes an item text, a range or a scoring rule.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from proapp.domain import instrument_texts
from proapp.domain.answers import MissingReason
from proapp.domain.fields import item_field
from proapp.domain.i18n import Msg, msg
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.language import Language
from proapp.domain.validation import Issue, error

ScoreValue = int | Decimal | str | bool | None
Responses = Mapping[str, int | None]


class ScoreKind(StrEnum):
    INTEGER = "integer"
    DECIMAL = "decimal"
    CODE = "code"
    BOOLEAN = "boolean"


@dataclass(frozen=True, slots=True)
class Item:
    """One question. ``scored`` items count in the total; ``anchors`` label answer values."""

    id: str
    label: str  # as printed on the form: "1", "A"
    text: str
    minimum: int
    maximum: int
    unit: str
    scored: bool = True
    anchors: Mapping[int, str] = field(default_factory=dict)
    short: str = ""  # a few words for table headers and charts

    @property
    def range_text(self) -> str:
        """The answer range as printed on screens and reports: "1–7", "0–90"."""
        return f"{self.minimum}–{self.maximum}"

    @property
    def single_digit(self) -> bool:
        """True when every answer is one keystroke, so entry can auto-advance."""
        return self.minimum >= 0 and self.maximum <= 9


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """What the definition says about an item: its id, printed label, range and unit. Its
    words come from the texts file (:mod:`proapp.domain.instrument_texts`)."""

    id: str
    label: str
    minimum: int
    maximum: int
    unit: str
    scored: bool = True


@dataclass(frozen=True, slots=True)
class TextSpec:
    """The part of a definition a texts file is checked against (see
    :func:`proapp.domain.instrument_texts.check`)."""

    id: str
    name: str
    specs: tuple[ItemSpec, ...]
    text_keys: tuple[str, ...] = ()

    @property
    def item_specs(self) -> Iterable[tuple[str, str, int, int]]:
        return tuple((s.id, s.label, s.minimum, s.maximum) for s in self.specs)

    def bundled(self, language: Language) -> InstrumentTexts:
        """The texts file shipped with proapp, checked: a broken bundled file stops the
        program at import, never shows a wrong question."""
        path = instrument_texts.bundled_path(self.id, language)
        return instrument_texts.load(instrument_texts.read_bundled(self.id, language), self,
                                     origin=path.name)


def build_items(specs: Iterable[ItemSpec], texts: InstrumentTexts) -> tuple[Item, ...]:
    return tuple(Item(s.id, s.label, texts.item(s.id).text, s.minimum, s.maximum, s.unit,
                      s.scored, dict(texts.item(s.id).anchors), texts.item(s.id).short)
                 for s in specs)


@dataclass(frozen=True, slots=True)
class ScoreField:
    id: str
    label: str
    kind: ScoreKind
    description: str
    unit: str = ""
    codes: Mapping[str, str] = field(default_factory=dict)
    places: int = 0


class Instrument:
    """Base class: range checks shared by all, scoring and consistency rules per instrument."""

    id: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[str]
    reference: ClassVar[str]
    recall_period: ClassVar[str]
    instructions: ClassVar[str]
    items: ClassVar[tuple[Item, ...]]
    score_fields: ClassVar[tuple[ScoreField, ...]]
    text_spec: ClassVar[TextSpec]
    english: ClassVar[InstrumentTexts]  # the words of ``items``, ``title``, ``instructions``

    @property
    def text_keys(self) -> tuple[str, ...]:
        return self.text_spec.text_keys

    @property
    def item_specs(self) -> Iterable[tuple[str, str, int, int]]:
        return self.text_spec.item_specs

    def texts(self, language: Language) -> InstrumentTexts:
        """The bundled texts in ``language``. A clinic's installed texts take their place:
        the services ask the database first (:mod:`proapp.services.instruments`)."""
        if language is Language.ENGLISH:
            return self.english
        return _bundled(self.text_spec, language)

    def check_texts(self, texts: InstrumentTexts) -> list[Msg]:
        return instrument_texts.check(texts, self)

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(f"{self.id} has no item {item_id!r}")

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The item ids in form order (built once per instrument class: exports and imports
        ask for them hundreds of thousands of times)."""
        cls = type(self)
        ids: tuple[str, ...] | None = cls.__dict__.get("_item_ids")
        if ids is None:
            ids = tuple(it.id for it in self.items)
            cls._item_ids = ids  # type: ignore[attr-defined]
        return ids

    def field(self, item_id: str) -> str:
        """Dotted path used in validation findings, e.g. ``midas.q1``."""
        return item_field(self.id, item_id)

    def column(self, name: str) -> str:
        """Flat column name used by exports, e.g. ``midas_q1`` or ``fss_mean``."""
        return f"{self.id}_{name}"

    def empty_responses(self) -> dict[str, int | None]:
        return dict.fromkeys(self.item_ids)

    def is_complete(self, responses: Responses) -> bool:
        return all(responses.get(it.id) is not None for it in self.items if it.scored)

    def is_empty(self, responses: Responses) -> bool:
        return all(responses.get(it.id) is None for it in self.items)

    def validate(self, responses: Responses,
                 missing: Mapping[str, MissingReason] | None = None) -> list[Issue]:
        """Hard errors for unknown items, wrong types and out-of-range values, then the
        instrument's own consistency rules (only over values that passed the range check)."""
        issues: list[Issue] = []
        item_ids = self.item_ids
        for key in responses:
            if key not in item_ids:
                issues.append(error(self.field(key), "unknown_item",
                                    msg("{name} has no item {item}", name=self.name,
                                        item=repr(key))))
        clean: dict[str, int | None] = {}
        for it in self.items:
            value = responses.get(it.id)
            if value is None:
                clean[it.id] = None
                continue
            if type(value) is int and it.minimum <= value <= it.maximum:  # the common case
                clean[it.id] = value
            elif isinstance(value, bool) or not isinstance(value, int):
                issues.append(error(self.field(it.id), "integer",
                                    msg("{name} item {label}: {value} is not a whole number",
                                        name=self.name, label=it.label, value=repr(value)),
                                    value))
                clean[it.id] = None
            elif not it.minimum <= value <= it.maximum:
                issues.append(error(self.field(it.id), "range",
                                    msg("{name} item {label} must be between {low} and {high} "
                                        "{unit}; got {value}", name=self.name, label=it.label,
                                        low=it.minimum, high=it.maximum,
                                        unit=unit_text(it.unit), value=value), value))
                clean[it.id] = None
            else:
                clean[it.id] = value
            if missing and it.id in missing:
                issues.append(error(self.field(it.id), "answered_and_missing",
                                    msg("{name} item {label} has an answer and a reason for it "
                                        "being missing", name=self.name, label=it.label),
                                    value))
        issues.extend(self.consistency(clean))
        return issues

    def consistency(self, responses: Responses) -> list[Issue]:
        return []

    def score(self, responses: Responses) -> dict[str, ScoreValue]:
        raise NotImplementedError

    def score_basis(self, answers: tuple[int | None, ...]) -> Hashable:
        """What :meth:`score` of ``answers`` (whole numbers or None, in ``item_ids`` order)
        depends on: answers with equal bases score alike. A memo of scores is keyed by it
        (an import scores 100,000 visits whose answers seldom repeat but whose totals do).
        Here the answers themselves; an instrument scored from a total returns the total."""
        return answers

    def valid_score(self, responses: Responses) -> dict[str, ScoreValue]:
        """The scores, or every score None while any answer breaks a rule (out of range, not
        a whole number, Q1+Q2 over 90 ...): a total is never made from a rejected value."""
        if any(i.is_error for i in self.validate(responses)):
            return dict.fromkeys((sf.id for sf in self.score_fields), None)
        return self.score(responses)

    def score_text(self, scores: Mapping[str, ScoreValue]) -> Msg:
        """One line for tables and the review page, e.g. ``12 (grade III)``."""
        raise NotImplementedError


UNITS: dict[str, Msg] = {"days": msg("days"), "points": msg("points")}


def unit_text(unit: str) -> Msg | str:
    """An item's unit as words a reader of any language understands (``days``: ``giorni``)."""
    return UNITS.get(unit, unit)


_BUNDLED: dict[tuple[str, Language], InstrumentTexts] = {}


def _bundled(spec: TextSpec, language: Language) -> InstrumentTexts:
    key = (spec.id, language)
    if key not in _BUNDLED:
        _BUNDLED[key] = spec.bundled(language)
    return _BUNDLED[key]
