"""Words for the change log's field names (``flow.supine.right.flow_ml_min``,
``midas.q3``, ``skipped.fss``, ``family_name`` ...), from the instrument definitions, so a
person reads "IJV flow supine right: flow (mL/min)" where the log stores the path."""

from __future__ import annotations

from proapp.domain.fields import SKIPPED
from proapp.domain.flow import FLOW_UNIT, POSTURE_WORDS, SIDE_WORDS
from proapp.domain.i18n import msg
from proapp.domain.registry import QUESTIONNAIRES, form_name
from proapp.domain.settings import DEFINITIONS as SETTINGS

FLOW_VALUE_NAMES = {"flow_ml_min": msg("flow ({unit})", unit=FLOW_UNIT),
                    "velocity_cm_s": msg("mean velocity (cm/s)"),
                    "area_cm2": msg("area (cm²)"), "stenosis_pct": msg("stenosis (%)")}
PLAIN = {"visit_date": msg("visit date"), "label": msg("visit label"),
         "pta_date": msg("PTA date"), "ms_subtype": msg("MS subtype"),
         "headache_positive": msg("headache-positive"),
         "fatigue_positive": msg("fatigue-positive"), "code": msg("patient code"),
         "family_name": msg("family name"), "given_name": msg("given name"),
         "birth_date": msg("birth date"), "sex": msg("sex"),
         "diagnosis_year": msg("diagnosis year"), "notes": msg("notes"),
         "language": msg("report language"), "side": msg("side"), "status": msg("status")}


def field_label(field: str) -> str:
    """A change-log field name in words; an unknown name is returned readable as it is."""
    parts = field.split(".")
    if len(parts) == 2 and parts[0] in QUESTIONNAIRES:
        instrument = QUESTIONNAIRES[parts[0]]
        try:
            return msg("{name} item {label}", name=instrument.name,
                       label=instrument.item(parts[1]).label)
        except KeyError:
            return field
    if len(parts) == 2 and parts[0] == SKIPPED:
        return msg("{form} not done (reason)", form=form_name(parts[1]))
    if len(parts) >= 3 and parts[0] == "flow":
        posture = next((w for p, w in POSTURE_WORDS.items() if p.value == parts[1]), parts[1])
        side = next((w for v, w in SIDE_WORDS.items() if v.value == parts[2]), parts[2])
        where = msg("IJV flow {posture} {side}", posture=posture, side=side)
        return msg("{where}: {value}", where=where,
                   value=FLOW_VALUE_NAMES.get(parts[3], parts[3])) if len(parts) > 3 else where
    if field in SETTINGS:  # a clinic setting's key: its label
        return SETTINGS[field].label
    return PLAIN.get(field, field.replace("_", " "))
