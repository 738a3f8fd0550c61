"""The ONE column catalogue of the interchange format.

Every export header, data dictionary (CSV, Excel sheet, REDCap), and the import parser read
these columns. They are derived from the instrument definitions (items, ranges, anchors, score
fields), the flow domain (postures, sides, places, ranges) and the patient facts, so a new item
or a changed range shows up everywhere at once. The first columns of ``patients.csv`` and
``visits.csv`` are a published contract (README, "Interchange CSV"): never reorder them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from proapp.domain import double_entry
from proapp.domain import flow as flowmod
from proapp.domain.answers import MissingReason
from proapp.domain.fields import flow_field
from proapp.domain.instruments import ScoreKind
from proapp.domain.language import DEFAULT_LANGUAGE, LANGUAGES
from proapp.domain.midas import MIDAS
from proapp.domain.patient import (
    CODE_PATTERN,
    EARLIEST_DATE,
    NAME_MAX,
    NOTES_MAX,
    MsSubtype,
    PtaSide,
    Sex,
)
from proapp.domain.registry import FLOW, QUESTIONNAIRES
from proapp.domain.visit import SKIP_REASON_MAX

PATIENTS, VISITS, PROCEDURES = "patients", "visits", "procedures"


class Kind(StrEnum):
    TEXT = "text"
    CODE = "code"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    BOOLEAN = "boolean"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: what it means and how its cells are written and read back.

    ``source`` says where the value comes from: ``patient.<attr>``, ``visit.<attr>``,
    ``item.<instrument>.<item>``, ``score.<instrument>.<field>``, ``flow.<posture>.<side>.<attr>``
    (attr ``flow``/``velocity_cm_s``/``area_cm2``/``stenosis_pct``), ``flowtotal.<posture>``,
    ``skip.<form>``, ``missing`` or ``age``.
    """

    name: str
    table: str
    kind: Kind
    label: str
    meaning: str
    source: str
    unit: str = ""
    minimum: int | Decimal | None = None
    maximum: int | Decimal | None = None
    codes: Mapping[str, str] = field(default_factory=dict)
    places: int = 0
    computed: bool = False  # derived by proapp; ignored (recomputed) on import
    identifying: bool = False  # a direct identifier: dropped by --deidentify
    free_text: bool = False  # typed text that may name anyone: dropped by --deidentify
    required: bool = False  # must be present in an imported file
    max_length: int | None = None
    form: str = ""  # REDCap instrument: patient, procedure, visit, midas, fss, flow
    rounds: bool = False  # import rounds extra decimals half up (with a warning)

    @property
    def signed(self) -> bool:
        """Whether a value may carry a sign (only columns that allow negative values)."""
        return self.minimum is not None and self.minimum < 0

    @property
    def range_text(self) -> str:
        if self.minimum is None and self.maximum is None:
            return ""
        low = "" if self.minimum is None else str(self.minimum)
        high = "" if self.maximum is None else str(self.maximum)
        return f"{low}-{high}"

    @property
    def codes_text(self) -> str:
        return "; ".join(f"{k} = {v}" for k, v in self.codes.items())


BOOL_CODES = {"0": "no", "1": "yes"}


def _patient_columns() -> tuple[Column, ...]:
    c = PATIENTS
    return (
        Column("patient_code", c, Kind.TEXT, "Patient code",
               "The clinic's pseudonymous patient code, unique (1-32 letters, digits, '.', '_' "
               f"or '-'; pattern {CODE_PATTERN.pattern})", "patient.code", required=True,
               max_length=32, form="patient"),
        Column("family_name", c, Kind.TEXT, "Family name", "Family name", "patient.family_name",
               identifying=True, required=True, max_length=NAME_MAX, form="patient"),
        Column("given_name", c, Kind.TEXT, "Given name", "Given name", "patient.given_name",
               identifying=True, required=True, max_length=NAME_MAX, form="patient"),
        Column("birth_date", c, Kind.DATE, "Birth date", "Date of birth (YYYY-MM-DD)",
               "patient.birth_date", minimum=None, identifying=True, required=True,
               form="patient"),
        Column("sex", c, Kind.CODE, "Sex", "Sex", "patient.sex",
               codes={Sex.FEMALE.value: "female", Sex.MALE.value: "male",
                      Sex.OTHER.value: "other / not stated"}, required=True,
               form="patient"),
        Column("ms_subtype", c, Kind.CODE, "MS subtype", "Multiple sclerosis subtype",
               "patient.ms_subtype", codes={s.value: s.title for s in MsSubtype},
               required=True, form="patient"),
        Column("diagnosis_year", c, Kind.INTEGER, "Diagnosis year",
               "Year of the MS diagnosis (not before the birth year, not in the future)",
               "patient.diagnosis_year", unit="year", minimum=EARLIEST_DATE.year,
               form="patient"),
        Column("headache_positive", c, Kind.BOOLEAN, "Headache-positive",
               "Classified headache-positive at enrolment", "patient.headache_positive",
               codes=BOOL_CODES, form="patient"),
        Column("fatigue_positive", c, Kind.BOOLEAN, "Fatigue-positive",
               "Classified fatigue-positive at enrolment", "patient.fatigue_positive",
               codes=BOOL_CODES, form="patient"),
        Column("pta_date", c, Kind.DATE, "First PTA date",
               "Date of the first percutaneous transluminal angioplasty (PTA); blank if none; "
               "visit labels are scheduled from it", "patient.pta_date", form="patient"),
        # --- after the contract columns ---
        Column("notes", c, Kind.TEXT, "Notes", "Free-text notes about the patient",
               "patient.notes", free_text=True, max_length=NOTES_MAX, form="patient"),
        Column("pta_side", c, Kind.CODE, "First PTA side",
               "Side treated at the first PTA; every PTA with its side is in procedures.csv",
               "patient.pta_side", codes=SIDE_CODES, form="patient"),
        Column("pta_count", c, Kind.INTEGER, "Number of PTAs",
               "How many PTA procedures are recorded (computed by proapp)", "patient.pta_count",
               unit="procedures", minimum=0, computed=True, form="patient"),
        Column("language", c, Kind.CODE, "Language",
               "The patient's language: their trend reports are printed in it (blank on import: "
               f"{DEFAULT_LANGUAGE.value} for a new patient, unchanged for an existing one)",
               "patient.language", codes={x.value: x.native_name for x in LANGUAGES},
               form="patient"),
    )


SIDE_CODES = {PtaSide.BILATERAL.value: "both internal jugular veins",
              PtaSide.LEFT.value: "left internal jugular vein",
              PtaSide.RIGHT.value: "right internal jugular vein"}


def _procedure_columns() -> tuple[Column, ...]:
    c = PROCEDURES
    return (
        Column("patient_code", c, Kind.TEXT, "Patient code",
               "The patient treated (patients.csv patient_code)", "patient.code",
               required=True, max_length=32, form="procedure"),
        Column("procedure_number", c, Kind.INTEGER, "PTA number",
               "1 for the patient's first PTA, 2 for the second, ... in date order (computed "
               "by proapp)", "procedure.number", minimum=1, computed=True, form="procedure"),
        Column("procedure_date", c, Kind.DATE, "PTA date",
               "Date of the percutaneous transluminal angioplasty (PTA)", "procedure.pta_date",
               required=True, form="procedure"),
        Column("procedure_side", c, Kind.CODE, "PTA side", "Internal jugular vein(s) treated",
               "procedure.side", codes=SIDE_CODES, form="procedure"),
        Column("procedure_notes", c, Kind.TEXT, "PTA notes", "Free-text notes on the procedure",
               "procedure.notes", free_text=True, max_length=NOTES_MAX, form="procedure"),
    )


def _visit_columns() -> tuple[Column, ...]:
    c = VISITS
    cols: list[Column] = [
        Column("patient_code", c, Kind.TEXT, "Patient code",
               "The patient this visit belongs to (patients.csv patient_code)",
               "patient.code", required=True, max_length=32, form="visit"),
        Column("visit_date", c, Kind.DATE, "Visit date", "Date of the visit (YYYY-MM-DD)",
               "visit.visit_date", required=True, form="visit"),
        Column("visit_label", c, Kind.CODE, "Visit label",
               "Scheduled visit relative to the first PTA: baseline (before PTA), pta (same "
               "day, after the procedure), m1, m3, m6, m12 (months), y2, y3, ... (years), or "
               "unscheduled", "visit.label",
               codes={"baseline": "before PTA", "pta": "PTA day, after the procedure",
                      "m1": "1 month", "m3": "3 months", "m6": "6 months", "m12": "12 months",
                      "yN": "N years (y2 ... y99)", "unscheduled": "not on the schedule"},
               required=True, form="visit"),
    ]
    for instrument in QUESTIONNAIRES.values():
        for it in instrument.items:
            anchors = "; ".join(f"{k} = {v}" for k, v in it.anchors.items())
            cols.append(Column(
                instrument.column(it.id), c, Kind.INTEGER,
                f"{instrument.name} {it.label}: {it.short}",
                it.text + (f" ({anchors})" if anchors else "")
                + ("" if it.scored else f" Not part of the {instrument.name} total."),
                f"item.{instrument.id}.{it.id}", unit=it.unit, minimum=it.minimum,
                maximum=it.maximum, form=instrument.id))
        for sf in instrument.score_fields:
            kind = {ScoreKind.INTEGER: Kind.INTEGER, ScoreKind.DECIMAL: Kind.DECIMAL,
                    ScoreKind.CODE: Kind.CODE, ScoreKind.BOOLEAN: Kind.BOOLEAN}[sf.kind]
            cols.append(Column(
                instrument.column(sf.id), c, kind, sf.label,
                f"{sf.description} (computed by proapp)", f"score.{instrument.id}.{sf.id}",
                unit=sf.unit, codes=dict(sf.codes), places=sf.places, computed=True,
                form=instrument.id))
    for posture in flowmod.POSTURES:
        for side in flowmod.SIDES:
            cols.append(Column(
                f"flow_{posture.value}_{side.value}_ml_min", c, Kind.DECIMAL,
                f"IJV flow {posture.value} {side.value}",
                f"Blood flow in the {side.value} internal jugular vein, {posture.value}, by "
                "Duplex ultrasound: as entered, or computed as mean velocity x area x 60 when "
                "velocity and area are given", flow_field(posture.value, side.value, "flow"),
                unit=flowmod.FLOW_UNIT, minimum=Decimal(0), maximum=flowmod.FLOW_MAX,
                places=flowmod.FLOW_PLACES, form=FLOW, rounds=True))
        cols.append(Column(
            f"flow_{posture.value}_total_ml_min", c, Kind.DECIMAL,
            f"IJV flow {posture.value} total",
            f"Left + right IJV flow, {posture.value}; blank unless both are measured (computed "
            "by proapp)", f"flowtotal.{posture.value}", unit=flowmod.FLOW_UNIT,
            minimum=Decimal(0), maximum=flowmod.FLOW_MAX * 2, places=flowmod.FLOW_PLACES,
            computed=True, form=FLOW))
    # --- after the contract columns ---
    cols.append(Column("age_at_visit", c, Kind.INTEGER, "Age at visit",
                       "Completed years of age on the visit date (computed by proapp)", "age",
                       unit="years", computed=True, form="visit"))
    for posture in flowmod.POSTURES:
        for side in flowmod.SIDES:
            where = f"{side.value} IJV, {posture.value}"
            prefix = f"flow_{posture.value}_{side.value}"
            src = flow_field(posture.value, side.value)
            cols += [
                Column(f"{prefix}_velocity_cm_s", c, Kind.DECIMAL, f"Velocity {where}",
                       f"Time-averaged mean velocity, {where}; with the area it gives the "
                       "flow (blank when the flow was entered directly)",
                       f"{src}.velocity_cm_s", unit="cm/s", minimum=Decimal(0),
                       maximum=flowmod.VELOCITY_MAX, places=flowmod.VELOCITY_PLACES, form=FLOW),
                Column(f"{prefix}_area_cm2", c, Kind.DECIMAL, f"Area {where}",
                       f"Cross-sectional area, {where}", f"{src}.area_cm2", unit="cm2",
                       minimum=Decimal(0), maximum=flowmod.AREA_MAX,
                       places=flowmod.AREA_PLACES, form=FLOW),
                Column(f"{prefix}_stenosis_pct", c, Kind.INTEGER, f"Stenosis {where}",
                       f"Stenosis, {where}", f"{src}.stenosis_pct", unit="%", minimum=0,
                       maximum=100, form=FLOW),
            ]
    for form in (*QUESTIONNAIRES, FLOW):
        cols.append(Column(f"{form}_skip_reason", c, Kind.TEXT, f"{form.upper()} skipped",
                           f"Why {form.upper()} was not done at this visit (blank: not "
                           "skipped)", f"skip.{form}", free_text=True,
                           max_length=SKIP_REASON_MAX, form="visit"))
    reasons = {r.value: r.label for r in MissingReason}
    cols.append(Column("missing_items", c, Kind.TEXT, "Reasons for unanswered items",
                       "Items left unanswered on purpose, as space-separated column:reason "
                       f"pairs, e.g. '{MIDAS.column('q3')}:declined'; reasons: "
                       + ", ".join(f"{k} ({v})" for k, v in reasons.items()), "missing",
                       codes=reasons, form="visit"))
    # --- analysis columns (computed; after everything above) ---
    cols += [
        Column("reference_pta_date", c, Kind.DATE, "Reference PTA",
               "The PTA the visit is timed from: the latest PTA on or before the visit date "
               "(the first PTA for visits before it); blank without a PTA (computed by "
               "proapp)", "analysis.reference_pta", computed=True, form="visit"),
        Column("days_since_pta", c, Kind.INTEGER, "Days since PTA",
               "Visit date minus the reference PTA date, in days (negative before the first "
               "PTA; computed by proapp)", "analysis.days", unit="days", computed=True,
               form="visit"),
        Column("months_since_pta", c, Kind.DECIMAL, "Months since PTA",
               f"Days since PTA divided by {MONTH_DAYS} (the mean Gregorian month), 2 "
               "decimals (computed by proapp)", "analysis.months", unit="months", places=2,
               computed=True, form="visit"),
        Column("target_date", c, Kind.DATE, "Target date",
               "The date the schedule sets for this visit label, counted in calendar months "
               "from the first PTA; blank for unscheduled visits or without a PTA (computed "
               "by proapp)", "analysis.target", computed=True, form="visit"),
        Column("in_window", c, Kind.BOOLEAN, "In window",
               "1 when the visit date is inside the label's tolerance window (baseline: up to "
               "90 days before the PTA; m1, m3 +-14 days; m6, m12 +-30 days; yearly +-60 days), "
               "0 outside it; blank for unscheduled visits or without a PTA (computed by "
               "proapp)", "analysis.in_window", codes=BOOL_CODES, computed=True, form="visit"),
    ]
    for form, what in FINAL_FOLLOWUP:
        cols.append(Column(
            f"{form}_final_followup", c, Kind.BOOLEAN, f"Final follow-up ({form.upper()})",
            f"1 on the patient's latest visit after the first PTA with {what}, 0 on their "
            "other visits (the 'final follow-up' time point of an analysis; computed by "
            "proapp)", f"analysis.final.{form}", codes=BOOL_CODES, computed=True,
            form="visit"))
    # --- how the record was made (computed; the import's confirmed_warnings stays last) ---
    cols += [
        Column("entry_source", c, Kind.CODE, "Answers entered by",
               "Who entered the questionnaire answers: the clinic's staff, or the patient on "
               "the screen (self-report), reviewed and accepted by the staff (computed by "
               "proapp)", "record.source", codes=ENTRY_SOURCES, computed=True, form="visit"),
        Column("verification_state", c, Kind.CODE, "Verification",
               "Double data entry of the paper questionnaires: whether the visit was keyed a "
               "second time, blind, and every difference resolved (computed by proapp)",
               "record.verification", codes=dict(double_entry.EXPORT_CODES), computed=True,
               form="visit"),
    ]
    cols.append(Column(
        "confirmed_warnings", c, Kind.TEXT, "Confirmed warnings",
        "Soft warnings this complete visit has, which were confirmed when it was completed, "
        "as space-separated rule names (e.g. midas.exceeds_headache_days window); an import "
        "does not report these again (computed by proapp)", "analysis.warnings",
        computed=True, form="visit"))
    cols.append(Column(
        "questionnaire_language", c, Kind.CODE, "Questionnaire language",
        "The language the questionnaires were shown in at this visit (blank: not recorded); "
        "the texts used are listed by `proapp instruments list`. Read for new visits on "
        "import; an existing visit keeps its own", "visit.text_language",
        codes={x.value: x.native_name for x in LANGUAGES}, form="visit"))
    return tuple(cols)


ENTRY_SOURCES = {"staff": "keyed by the clinic's staff",
                 "patient": "answered by the patient on the screen and accepted by the staff"}


MONTH_DAYS = Decimal("30.436875")  # 365.2425 / 12
FINAL_FOLLOWUP = (("midas", "a MIDAS total"), ("fss", "an FSS score"),
                  ("flow", "a total supine IJV flow"))


PATIENT_COLUMNS: tuple[Column, ...] = _patient_columns()
VISIT_COLUMNS: tuple[Column, ...] = _visit_columns()
PROCEDURE_COLUMNS: tuple[Column, ...] = _procedure_columns()
BY_TABLE = {PATIENTS: PATIENT_COLUMNS, VISITS: VISIT_COLUMNS, PROCEDURES: PROCEDURE_COLUMNS}

# The published contract: these columns come first, in this order (README, tests).
PATIENT_CONTRACT = ("patient_code", "family_name", "given_name", "birth_date", "sex",
                    "ms_subtype", "diagnosis_year", "headache_positive", "fatigue_positive",
                    "pta_date")


def column(table: str, name: str) -> Column:
    for col in BY_TABLE[table]:
        if col.name == name:
            return col
    raise KeyError(f"{table} has no column {name!r}")


def selected(table: str, *, deidentify: bool) -> tuple[Column, ...]:
    """The columns an export writes: without identifiers and free text when de-identifying."""
    cols = BY_TABLE[table]
    if not deidentify:
        return cols
    return tuple(c for c in cols if not (c.identifying or c.free_text))


def item_column_of(field_path: str) -> str | None:
    """Column for a validation finding's dotted field (``midas.q1`` -> ``midas_q1``,
    ``flow.supine.left.velocity`` -> ``flow_supine_left_velocity_cm_s``)."""
    parts = field_path.split(".")
    head = parts[0]
    if head in QUESTIONNAIRES and len(parts) == 2:
        return QUESTIONNAIRES[head].column(parts[1])
    if head in QUESTIONNAIRES and len(parts) == 1:
        return f"{head}_skip_reason"
    if head == FLOW and len(parts) >= 3:
        prefix = f"flow_{parts[1]}_{parts[2]}"
        attr = parts[3] if len(parts) > 3 else "flow"
        return {"flow": f"{prefix}_ml_min", "velocity": f"{prefix}_velocity_cm_s",
                "area": f"{prefix}_area_cm2", "stenosis": f"{prefix}_stenosis_pct"}.get(
                    attr, f"{prefix}_ml_min")
    if head == FLOW:
        return "flow_skip_reason"
    if len(parts) == 2 and parts[1] == "skipped":
        return f"{head}_skip_reason"
    if head == "visit":
        return {"visit_date": "visit_date", "label": "visit_label"}.get(parts[-1], parts[-1])
    if head in ("patient", "procedure"):
        return {"pta_date": "pta_date", "code": "patient_code"}.get(parts[-1], parts[-1])
    return None
