"""Words for the change log's field names (``flow.supine.right.flow_ml_min``,
``midas.q3``, ``skipped.fss``, ``family_name`` ...), from the instrument definitions, so a
person reads "IJV flow supine right: flow (mL/min)" where the log stores the path."""

from __future__ import annotations

from proapp.domain.fields import SKIPPED
from proapp.domain.flow import FLOW_UNIT
from proapp.domain.registry import QUESTIONNAIRES, form_name

FLOW_VALUE_NAMES = {"flow_ml_min": f"flow ({FLOW_UNIT})", "velocity_cm_s": "mean velocity (cm/s)",
                    "area_cm2": "area (cm²)", "stenosis_pct": "stenosis (%)"}
PLAIN = {"visit_date": "visit date", "label": "visit label", "pta_date": "PTA date",
         "ms_subtype": "MS subtype", "headache_positive": "headache-positive",
         "fatigue_positive": "fatigue-positive", "code": "patient code"}


def field_label(field: str) -> str:
    """A change-log field name in words; an unknown name is returned readable as it is."""
    parts = field.split(".")
    if len(parts) == 2 and parts[0] in QUESTIONNAIRES:
        instrument = QUESTIONNAIRES[parts[0]]
        try:
            return f"{instrument.name} item {instrument.item(parts[1]).label}"
        except KeyError:
            return field
    if len(parts) == 2 and parts[0] == SKIPPED:
        return f"{form_name(parts[1])} not done (reason)"
    if len(parts) >= 3 and parts[0] == "flow":
        where = f"IJV flow {parts[1]} {parts[2]}"
        return f"{where}: {FLOW_VALUE_NAMES.get(parts[3], parts[3])}" if len(parts) > 3 \
            else where
    return PLAIN.get(field, field.replace("_", " "))
