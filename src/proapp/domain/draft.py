"""What the wizard holds, as domain objects: collected input and the part of it a draft may store.

No rule is decided here. Parsing goes through :mod:`proapp.domain.answers`, rules through
:func:`proapp.domain.visit.validate_content`; this module only removes from a draft the values
those rules reject, so that everything else the nurse typed is stored at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from proapp.domain.answers import MissingReason
from proapp.domain.fields import FLOW_PARTS, SKIPPED
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.registry import FLOW, FORMS, QUESTIONNAIRES
from proapp.domain.validation import Issue
from proapp.domain.validation import errors as hard_errors
from proapp.domain.visit import VisitContent, validate_content


@dataclass
class Collected:
    """Everything the pages hold now: the content of every value that parsed, and one issue
    (with the field path) for every text that did not."""

    content: VisitContent
    parse_issues: list[Issue] = field(default_factory=list)


def merge(parts: Iterable[tuple[str, Any]]) -> VisitContent:
    """Build one :class:`VisitContent` from the pages' contributions.

    Each part is ``(form, value)``: for a questionnaire ``(responses, missing, skip_reason)``,
    for the flow form ``(measurements, skip_reason)``.
    """
    responses: dict[str, dict[str, int | None]] = {}
    missing: dict[str, dict[str, MissingReason]] = {}
    skipped: dict[str, str] = {}
    flows: tuple[FlowMeasurement, ...] = ()
    for form, value in parts:
        if form == FLOW:
            measurements, skip = value
            flows = tuple(m for m in measurements if not m.is_empty)
        else:
            given, reasons, skip = value
            answered = {k: v for k, v in given.items() if v is not None}
            if answered:
                responses[form] = answered
            if reasons:
                missing[form] = dict(reasons)
        if skip is not None:
            skipped[form] = skip
    return VisitContent(responses, missing, skipped, flows)


def storable(content: VisitContent) -> VisitContent | None:
    """``content`` without the values the draft rules reject, or None if that cannot be done.

    An out-of-range answer, a velocity without its area, a skip reason on a form with answers:
    each is left out of the stored draft (and shown as an error by the page) so that all the
    other input is safe in the database.
    """
    for _ in range(8):
        errs = hard_errors(validate_content(content))
        if not errs:
            return content
        pruned = without(content, errs)
        if pruned == content:
            return None
        content = pruned
    return None


def without(content: VisitContent, issues: Iterable[Issue]) -> VisitContent:
    """``content`` minus the values named by the issues' fields."""
    responses = {k: dict(v) for k, v in content.responses.items()}
    missing = {k: dict(v) for k, v in content.missing.items()}
    skipped = dict(content.skipped)
    flows = {(m.posture, m.side): m for m in content.flows}
    for issue in issues:
        parts = issue.field.split(".")
        form = parts[0]
        if form in QUESTIONNAIRES:
            if len(parts) == 2 and parts[1] == SKIPPED:
                skipped.pop(form, None)
            elif len(parts) == 2:
                responses.get(form, {}).pop(parts[1], None)
                missing.get(form, {}).pop(parts[1], None)
            else:
                responses.pop(form, None)
                missing.pop(form, None)
        elif form == FLOW and len(parts) >= 3:
            if parts[1] == SKIPPED:
                skipped.pop(FLOW, None)
                continue
            try:
                key = (Posture(parts[1]), Side(parts[2]))
            except ValueError:
                continue
            m = flows.get(key)
            if m is None:
                continue
            if issue.rule == "flow.velocity_area_pair":
                flows[key] = replace(m, velocity_cm_s=None, area_cm2=None)
            elif len(parts) == 4 and parts[3] in FLOW_PARTS:
                cleared: dict[str, Any] = {FLOW_PARTS[parts[3]]: None}
                flows[key] = replace(m, **cleared)
            else:
                del flows[key]
        elif form in FORMS and len(parts) == 2 and parts[1] == SKIPPED:
            skipped.pop(form, None)
    return VisitContent(
        {k: v for k, v in responses.items() if v},
        {k: v for k, v in missing.items() if v},
        skipped,
        tuple(m for m in flows.values() if not m.is_empty),
    )
