"""A visit's content (answers, reasons, skipped forms, flows) and the rules for saving it.

Services convert stored rows to and from :class:`VisitContent`; scores are always derived here,
never stored, so a score can never disagree with its answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from proapp.domain import flow as flowmod
from proapp.domain import schedule
from proapp.domain.answers import MissingReason
from proapp.domain.fields import (
    FLOW_ATTRS,
    flow_field,
    item_field,
    missing_value,
    skip_field,
    skip_reason_field,
)
from proapp.domain.i18n import msg
from proapp.domain.instruments import ScoreValue
from proapp.domain.language import Language
from proapp.domain.registry import FLOW, FORMS, QUESTIONNAIRES, form_name
from proapp.domain.validation import Issue, error, warning

SKIP_REASON_MAX = 500
DRAFT, COMPLETE = "draft", "complete"


@dataclass(frozen=True)
class VisitContent:
    """Everything entered at a visit. Unanswered items are absent or ``None``."""

    responses: Mapping[str, Mapping[str, int | None]] = field(default_factory=dict)
    missing: Mapping[str, Mapping[str, MissingReason]] = field(default_factory=dict)
    skipped: Mapping[str, str] = field(default_factory=dict)  # form id -> reason
    flows: tuple[flowmod.FlowMeasurement, ...] = ()

    def answers(self, instrument_id: str) -> dict[str, int | None]:
        instrument = QUESTIONNAIRES[instrument_id]
        given = self.responses.get(instrument_id, {})
        return {i: given.get(i) for i in instrument.item_ids}

    def scores(self, instrument_id: str) -> dict[str, ScoreValue]:
        return QUESTIONNAIRES[instrument_id].valid_score(self.answers(instrument_id))

    def has_data(self, form: str) -> bool:
        if form == FLOW:
            return any(not m.is_empty for m in self.flows)
        given = self.responses.get(form)
        if given:
            for v in given.values():  # any(v is not None ...), without a generator per call
                if v is not None:
                    return True
        return bool(self.missing.get(form))

    def flow_totals(self) -> dict[flowmod.Posture, flowmod.PostureTotals]:
        return flowmod.totals(self.flows)

    def flow(self, posture: flowmod.Posture, side: flowmod.Side) -> flowmod.FlowMeasurement | None:
        for m in self.flows:
            if m.posture is posture and m.side is side:
                return m
        return None


@dataclass(frozen=True)
class VisitRecord:
    id: int
    patient_id: int
    label: str
    visit_date: date
    status: str
    version: int
    content: VisitContent
    entered_by: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None
    signed_at: datetime | None = None
    signed_by_id: int | None = None
    text_language: Language | None = None  # the questionnaires' language; None: not recorded

    @property
    def is_complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None



def validate_content(content: VisitContent) -> list[Issue]:
    """Item ranges, instrument consistency and flow rules (what a draft must satisfy)."""
    issues: list[Issue] = []
    for key in content.responses:
        if key not in QUESTIONNAIRES:
            issues.append(error(key, "unknown_form", msg("unknown questionnaire {name}",
                                                         name=repr(key))))
    for instrument in QUESTIONNAIRES.values():
        missing = content.missing.get(instrument.id, {})
        issues += instrument.validate(content.responses.get(instrument.id, {}), missing)
        for item_id, reason in missing.items():
            if item_id not in instrument.item_ids:
                issues.append(error(instrument.field(item_id), "unknown_item",
                                    msg("{name} has no item {item}", name=instrument.name,
                                        item=repr(item_id))))
            elif not isinstance(reason, MissingReason):
                issues.append(error(instrument.field(item_id), "missing_reason",
                                    msg("unknown reason {reason}", reason=repr(reason)),
                                    reason))
    issues += flowmod.validate_all(content.flows)
    for form, why in content.skipped.items():
        if form not in FORMS:
            issues.append(error(form, "unknown_form", msg("unknown form {name}",
                                                          name=repr(form))))
        elif not isinstance(why, str) or not why.strip():
            issues.append(error(skip_reason_field(form), "skip.reason",
                                msg("Skipping {form} needs a reason", form=form_name(form))))
        elif len(why) > SKIP_REASON_MAX:
            issues.append(error(skip_reason_field(form), "length",
                                msg("The reason is longer than {limit} characters",
                                    limit=SKIP_REASON_MAX)))
        elif content.has_data(form):
            issues.append(error(skip_reason_field(form), "skip.with_data",
                                msg("{form} is marked not done but has answers",
                                    form=form_name(form))))
    return issues


def validate_visit(label: str, visit_date: date, content: VisitContent, *, today: date,
                   birth_date: date | None, pta_date: date | None,
                   completing: bool) -> list[Issue]:
    """All rules for a visit. ``completing`` adds the rules for marking it complete: every form
    the label expects is entered or skipped with a reason; incomplete forms are warnings."""
    issues = validate_content(content)
    if not schedule.is_label(label):
        issues.append(error("visit.label", "label", msg("{label} is not a visit label",
                                                        label=repr(label)), label))
        return issues
    if visit_date > today:
        issues.append(error("visit.visit_date", "date.future",
                            msg("Visit date {date} is in the future", date=visit_date),
                            visit_date))
    if birth_date is not None and visit_date < birth_date:
        issues.append(error("visit.visit_date", "date.before_birth",
                            msg("Visit date {date} is before the birth date", date=visit_date),
                            visit_date))
    d = schedule.definition(label)
    if pta_date is not None and label != schedule.UNSCHEDULED:
        start, end = d.window(pta_date)
        if label == "baseline" and visit_date > pta_date:
            issues.append(error("visit.visit_date", "baseline.after_pta",
                                msg("A baseline visit must be on or before the PTA date"),
                                visit_date))
        elif not start <= visit_date <= end:
            issues.append(warning("visit.visit_date", "window",
                                  msg("{visit} is expected between {start} and {end}; this "
                                      "visit is on {date}", visit=d.title, start=start, end=end,
                                      date=visit_date), visit_date))
    if completing:
        has = {form: content.has_data(form) for form in FORMS}  # asked once per form
        for form in FORMS:
            if has[form] or form in content.skipped:
                if form in QUESTIONNAIRES and has[form]:
                    instrument = QUESTIONNAIRES[form]
                    given = content.responses.get(form, {})
                    reasons = content.missing.get(form, {})
                    for it in instrument.items:
                        if given.get(it.id) is None and it.id not in reasons:
                            issues.append(warning(
                                instrument.field(it.id), "unanswered",
                                msg("{name} item {label} is not answered - the total cannot "
                                    "be computed", name=instrument.name, label=it.label)
                                if it.scored else
                                msg("{name} item {label} is not answered",
                                    name=instrument.name, label=it.label),
                            ))
                continue
            if d.expects(form):
                issues.append(error(f"{form}", "form.expected",
                                    msg("{visit} expects {form}: enter it or mark it not "
                                        "done with a reason", visit=d.title,
                                        form=form_name(form))))
        if not d.forms and not any(has[f] or f in content.skipped for f in FORMS):
            issues.append(error("visit", "visit.empty",
                                msg("Nothing is entered for this visit: enter at least one form "
                                    "(MIDAS, FSS or IJV flow) before completing it")))
    return issues


def flatten(content: VisitContent) -> dict[str, Any]:
    """``field -> value`` for every answered or explained item, skipped form and flow value,
    in the vocabulary of :mod:`proapp.domain.fields` (what the change log stores). The field
    names are made once (:data:`_ITEM_FIELDS`, :data:`_FLOW_FIELDS`): every visit an import or
    a demo writes is flattened for its change-log row."""
    out: dict[str, Any] = {}
    for instrument_id, items in _ITEM_FIELDS:
        given = content.responses.get(instrument_id, {})
        reasons = content.missing.get(instrument_id, {})
        for item_id, name in items:
            value = given.get(item_id)
            if value is not None:
                out[name] = value
            elif item_id in reasons:
                out[name] = missing_value(reasons[item_id])
    for form, reason in sorted(content.skipped.items()):
        out[skip_field(form)] = reason
    for m in content.flows:
        names = _FLOW_FIELDS.get((m.posture, m.side))
        if names is None:
            names = tuple((attr, flow_field(m.posture.value, m.side.value, attr))
                          for attr in FLOW_ATTRS)
        for attr, name in names:
            measured = getattr(m, attr)
            if measured is not None:
                places = _STORED_PLACES.get(attr)
                if places is not None and isinstance(measured, Decimal):
                    measured = flowmod.quantize(measured, places)  # typed 480 is stored 480.0
                out[name] = measured
    return out


_ITEM_FIELDS = tuple((instrument.id, tuple((item_id, item_field(instrument.id, item_id))
                                           for item_id in instrument.item_ids))
                     for instrument in QUESTIONNAIRES.values())
_FLOW_FIELDS = {(p, sd): tuple((attr, flow_field(p.value, sd.value, attr)) for attr in FLOW_ATTRS)
                for p in flowmod.POSTURES for sd in flowmod.SIDES}
# The places a flow value is stored with: a typed "480" and the stored 480.0 are one value.
_STORED_PLACES = {"flow_ml_min": flowmod.FLOW_PLACES, "velocity_cm_s": flowmod.VELOCITY_PLACES,
                  "area_cm2": flowmod.AREA_PLACES}
