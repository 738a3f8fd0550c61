"""The visit field vocabulary: one dotted name for every value a visit holds.

Validation findings, the wizard's fields, the change log, the import's error messages and the
report notes all name a value the same way, so a finding can be shown beside the field that
caused it and a change-log row can be read against the form:

- a questionnaire item: ``midas.q1``, ``fss.7`` (:func:`item_field`);
- a vein: ``flow.supine.left``; one of its values in a finding: ``flow.supine.left.velocity``
  (:func:`flow_field`, parts in :data:`FLOW_PARTS`); in the change log the stored attribute:
  ``flow.supine.left.velocity_cm_s`` (:data:`FLOW_ATTRS`);
- a form not done at the visit: ``skipped.fss`` (:func:`skip_field`), its value the reason;
- an item left unanswered on purpose is never 0 and never blank in the change log: its value
  is ``missing:<reason>`` (:func:`missing_value`), e.g. ``missing:declined``.

:func:`proapp.domain.visit.flatten` turns a visit's content into that vocabulary; the change
log stores what it returns, old and new, for every visit change. Standard library and
:mod:`proapp.domain.answers` only, so every definition module can use it.
"""

from __future__ import annotations

from proapp.domain.answers import MissingReason

MISSING_PREFIX = "missing:"
SKIPPED = "skipped"

# The last part of a flow path in a finding (``flow.supine.left.velocity``) -> the
# FlowMeasurement attribute it names.
FLOW_PARTS = {"flow": "flow_ml_min", "velocity": "velocity_cm_s", "area": "area_cm2",
              "stenosis": "stenosis_pct"}
# The stored attributes of one vein, in the change log's order.
FLOW_ATTRS = tuple(FLOW_PARTS.values())


def item_field(instrument_id: str, item_id: str) -> str:
    return f"{instrument_id}.{item_id}"


def flow_field(posture: str, side: str, part: str | None = None) -> str:
    """``flow.<posture>.<side>`` (a Posture and a Side, or their values), or one value of it
    (a :data:`FLOW_PARTS` key in findings, a :data:`FLOW_ATTRS` name in the change log)."""
    base = f"flow.{posture}.{side}"
    return base if part is None else f"{base}.{part}"


def skip_field(form: str) -> str:
    """The change-log name of a form not done at the visit; its value is the reason."""
    return f"{SKIPPED}.{form}"


def skip_reason_field(form: str) -> str:
    """The field of a finding about a skipped form's reason (beside the form's page)."""
    return f"{form}.{SKIPPED}"


def missing_value(reason: MissingReason | str) -> str:
    """The change-log value of an item left unanswered on purpose."""
    return f"{MISSING_PREFIX}{MissingReason(reason)}"
