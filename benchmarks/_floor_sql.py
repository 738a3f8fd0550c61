"""The floor of the export benchmark: ``patients.csv``, ``procedures.csv`` and ``visits.csv``
written by the ``sqlite3`` shell from SQL alone, every column the export writes, cell for cell
(items and scores, flows as entered or computed, totals, velocities, areas, stenoses, skip
reasons, missing-item reasons, age, analysis columns, final follow-up markers and the
confirmed soft warnings). The SQL is generated from the same definitions as the export
(instrument items and grades, the schedule's months and windows, flow places), so the floor
does the same work, not less; the benchmark compares its files with proapp's byte for byte.
"""

from __future__ import annotations

from proapp.domain import double_entry, schedule
from proapp.domain import flow as flowmod
from proapp.domain.fss import FSS
from proapp.domain.midas import GRADES, MIDAS, RECALL_DAYS
from proapp.services.exchange.cells import TRIGGERS
from proapp.services.exchange.columns import (
    MONTH_DAYS,
    PATIENT_COLUMNS,
    PROCEDURE_COLUMNS,
    VISIT_COLUMNS,
)

QUESTIONNAIRES = (MIDAS, FSS)


def _guard(expr: str) -> str:
    """Formula-like text gets a leading apostrophe, as the export's CSV cells do."""
    chars = ", ".join(f"char({ord(c)})" if c in "\t\r" else f"'{c}'" for c in TRIGGERS)
    return (f"CASE WHEN substr(ltrim({expr}, ''''), 1, 1) IN ({chars}) THEN '''' || {expr} "
            f"ELSE {expr} END")


def _scaled(expr: str, places: int) -> str:
    """A stored scaled integer as fixed-point text with exactly ``places`` decimals."""
    unit = 10 ** places
    return (f"CASE WHEN {expr} IS NOT NULL THEN printf('%s%d.%0{places}d', "
            f"CASE WHEN {expr} < 0 THEN '-' ELSE '' END, abs({expr}) / {unit}, "
            f"abs({expr}) % {unit}) END")


def _label_months() -> str:
    fixed = " ".join(f"WHEN '{d.label}' THEN {d.months}" for d in schedule.SCHEDULE)
    return (f"CASE v.label {fixed} WHEN '{schedule.UNSCHEDULED}' THEN 10000 "
            "ELSE 12 * CAST(substr(v.label, 2) AS INTEGER) END")


def _label_days(which: str) -> str:
    fixed = " ".join(f"WHEN '{d.label}' THEN {getattr(d, which)}" for d in schedule.SCHEDULE)
    return f"CASE v.label {fixed} ELSE {schedule.YEARLY_WINDOW_DAYS} END"


def _add_months(day: str, months: str) -> str:
    """``day`` + ``months`` calendar months, clamped to the month's end (as the schedule)."""
    index = (f"(CAST(strftime('%Y', {day}) AS INTEGER) * 12 + "
             f"CAST(strftime('%m', {day}) AS INTEGER) - 1 + {months})")
    first = f"printf('%04d-%02d-01', {index} / 12, {index} % 12 + 1)"
    last = f"CAST(strftime('%d', {first}, '+1 month', '-1 day') AS INTEGER)"
    return (f"printf('%04d-%02d-%02d', {index} / 12, {index} % 12 + 1, "
            f"min(CAST(strftime('%d', {day}) AS INTEGER), {last}))")


def visits_sql() -> str:
    # answers: one JSON object per visit and questionnaire (item -> value), then one column
    # per item (measured cheaper in SQLite than the max(CASE ...) pivot over every answer)
    objects = ", ".join(
        f"(SELECT json_group_object(item, value) FROM answer x WHERE x.visit_id = v.id AND "
        f"x.instrument = '{ins.id}') AS {ins.id}_json" for ins in QUESTIONNAIRES)
    items = ", ".join(f"json_extract({ins.id}_json, '$.\"{it.id}\"') AS {ins.column(it.id)}"
                      for ins in QUESTIONNAIRES for it in ins.items)
    objects = f"SELECT v.id AS visit_id, {objects} FROM visit v WHERE v.status = 'complete'"
    answers = f"SELECT visit_id, {items} FROM aj"
    order = "CASE instrument || '.' || item " + " ".join(
        f"WHEN '{ins.id}.{it.id}' THEN {n}" for n, (ins, it) in enumerate(
            (ins, it) for ins in QUESTIONNAIRES for it in ins.items)) + " END"
    missing = ("(SELECT group_concat(pair, ' ') FROM (SELECT instrument || '_' || item || ':' || "
               "missing_reason AS pair FROM answer m WHERE m.visit_id = v.id AND m.value IS NULL "
               f"AND m.missing_reason IS NOT NULL ORDER BY {order})) AS missing_raw")
    fcols = []
    for p in flowmod.POSTURES:
        for sd in flowmod.SIDES:
            for attr, stored in (("ml", "flow_ml_min"), ("vel", "velocity_cm_s"),
                                 ("area", "area_cm2"), ("sten", "stenosis_pct")):
                fcols.append(f"max(CASE WHEN posture = '{p.value}' AND side = '{sd.value}' THEN "
                             f"{stored} END) AS {p.value}_{sd.value}_{attr}")
    flows = "SELECT visit_id, " + ", ".join(fcols) + " FROM flow_measurement GROUP BY visit_id"
    skips = ", ".join(f"(SELECT reason FROM skipped_form s WHERE s.visit_id = v.id AND s.form = "
                      f"'{form}') AS {form}_skip" for form in ("midas", "fss", "flow"))
    # visits with their patient, first and reference PTA, label months and window days
    base = (
        "SELECT v.id AS vid, v.patient_id AS pid, p.code AS code, p.birth_date AS birth, "
        "v.visit_date AS day, v.label AS label, "
        f"{_label_months()} AS months, CASE v.label WHEN 'pta' THEN 1 ELSE 0 END AS pta_flag, "
        f"{_label_days('days_before')} AS before, {_label_days('days_after')} AS after, "
        "(SELECT min(x.pta_date) FROM procedure x WHERE x.patient_id = v.patient_id) AS first, "
        "(SELECT max(x.pta_date) FROM procedure x WHERE x.patient_id = v.patient_id AND "
        "x.pta_date <= v.visit_date) AS latest, "
        "v.text_language AS tlang, "
        "(SELECT d.status FROM double_entry d WHERE d.visit_id = v.id) AS de_status, "
        "EXISTS (SELECT 1 FROM self_report r WHERE r.visit_id = v.id AND r.accepted_at IS NOT "
        "NULL) AS self_rep, "
        f"{skips}, {missing}, a.*, f.* FROM visit v JOIN patient p ON p.id = v.patient_id "
        "LEFT JOIN a ON a.visit_id = v.id LEFT JOIN f ON f.visit_id = v.id "
        "WHERE v.status = 'complete'")
    # the analysed flow per vein: as entered, else velocity x area x 60 (tenths, half up)
    flow_of = {}
    for p in flowmod.POSTURES:
        for sd in flowmod.SIDES:
            k = f"{p.value}_{sd.value}"
            flow_of[k] = (f"CASE WHEN {k}_ml IS NOT NULL THEN {k}_ml WHEN {k}_vel IS NOT NULL "
                          f"AND {k}_area IS NOT NULL THEN ({k}_vel * {k}_area * 6 * 2 + 1000) "
                          "/ 2000 END")
    midas_items = [MIDAS.column(i) for i in MIDAS.SCORED]
    fss_items = [FSS.column(i) for i in FSS.item_ids]
    all_midas = " AND ".join(f"{c} IS NOT NULL" for c in midas_items)
    all_fss = " AND ".join(f"{c} IS NOT NULL" for c in fss_items)
    derived = [
        "*", f"CASE WHEN {all_midas} THEN {' + '.join(midas_items)} END AS midas_total_",
        f"CASE WHEN {all_fss} THEN {' + '.join(fss_items)} END AS fss_total_",
        "coalesce(latest, first) AS ref",
        f"CASE WHEN v_first IS NULL THEN NULL ELSE {_add_months('first', 'months')} END AS target_",
    ]
    derived += [f"{expr} AS flow_{k}" for k, expr in flow_of.items()]
    step1 = f"SELECT {', '.join(derived)} FROM (SELECT *, first AS v_first FROM b)"
    # windows, final follow-up order key
    order_key = "printf('%s|%05d|%d|%09d', day, months, pta_flag, vid)"
    step2 = (f"SELECT *, date(target_, '-' || before || ' days') AS wstart, "
             f"date(target_, '+' || after || ' days') AS wend, {order_key} AS okey FROM c1")
    finals = []
    for marker, measure in (("midas", "midas_total_"), ("fss", "fss_total_"),
                            ("flow", "(flow_supine_left + flow_supine_right)")):
        finals.append(f"max(CASE WHEN first IS NOT NULL AND day > first AND {measure} IS NOT NULL "
                      f"THEN okey END) OVER (PARTITION BY pid) AS last_{marker}")
    step3 = f"SELECT *, {', '.join(finals)} FROM c2"
    # output columns, in the export's order
    out: dict[str, str] = {
        "patient_code": _guard("code"), "visit_date": "day", "visit_label": "label"}
    for ins in QUESTIONNAIRES:
        for it in ins.items:
            out[ins.column(it.id)] = ins.column(it.id)
        if ins is MIDAS:
            grade = "CASE " + " ".join(f"WHEN midas_total_ <= {hi} THEN '{g}'" for g, _lo, hi, _m
                                       in GRADES if hi is not None) + f" ELSE '{GRADES[-1][0]}' END"
            out["midas_total"] = "midas_total_"
            out["midas_grade"] = f"CASE WHEN midas_total_ IS NOT NULL THEN {grade} END"
        else:
            mean = "(fss_total_ * 200 + 9) / 18"  # hundredths, half up
            out["fss_mean"] = _scaled(f"CASE WHEN fss_total_ IS NOT NULL THEN {mean} END", 2)
            out["fss_total"] = "fss_total_"
    for p in flowmod.POSTURES:
        for sd in flowmod.SIDES:
            out[f"flow_{p.value}_{sd.value}_ml_min"] = _scaled(f"flow_{p.value}_{sd.value}",
                                                             flowmod.FLOW_PLACES)
        out[f"flow_{p.value}_total_ml_min"] = _scaled(
            f"flow_{p.value}_left + flow_{p.value}_right", flowmod.FLOW_PLACES)
    out["age_at_visit"] = ("CASE WHEN birth IS NOT NULL THEN CAST(strftime('%Y', day) AS INTEGER) "
                           "- CAST(strftime('%Y', birth) AS INTEGER) - (strftime('%m%d', day) < "
                           "strftime('%m%d', birth)) END")
    for p in flowmod.POSTURES:
        for sd in flowmod.SIDES:
            k = f"{p.value}_{sd.value}"
            out[f"flow_{k}_velocity_cm_s"] = _scaled(f"{k}_vel", flowmod.VELOCITY_PLACES)
            out[f"flow_{k}_area_cm2"] = _scaled(f"{k}_area", flowmod.AREA_PLACES)
            out[f"flow_{k}_stenosis_pct"] = f"{k}_sten"
    for form in ("midas", "fss", "flow"):
        out[f"{form}_skip_reason"] = _guard(f"{form}_skip")
    out["missing_items"] = "missing_raw"
    days = "CAST(julianday(day) - julianday(ref) AS INTEGER)"
    unit = MONTH_DAYS.as_integer_ratio()  # 30.436875 = num / den
    months = (f"((abs({days}) * 100 * {unit[1]} * 2 + {unit[0]}) / ({unit[0]} * 2))")
    out["reference_pta_date"] = "ref"
    out["days_since_pta"] = f"CASE WHEN ref IS NOT NULL THEN {days} END"
    out["months_since_pta"] = (f"CASE WHEN ref IS NOT NULL THEN printf('%s%d.%02d', CASE WHEN "
                               f"{days} < 0 AND {months} > 0 THEN '-' ELSE '' END, {months} / 100, "
                               f"{months} % 100) END")
    scheduled = f"first IS NOT NULL AND label <> '{schedule.UNSCHEDULED}'"
    out["target_date"] = f"CASE WHEN {scheduled} THEN target_ END"
    inside = "(day >= wstart AND day <= wend)"
    out["in_window"] = f"CASE WHEN {scheduled} THEN {inside} END"
    for marker in ("midas", "fss", "flow"):
        out[f"{marker}_final_followup"] = (f"CASE WHEN first IS NOT NULL THEN okey IS "
                                           f"last_{marker} END")
    # the soft warnings, in the export's order (MIDAS rules, unanswered, FSS, flow, window)
    a, b = MIDAS.column("a"), MIDAS.column("b")
    exceeds = " OR ".join(f"{c} > {a}" for c in midas_items)
    warn = [f"CASE WHEN {a} IS NOT NULL AND ({exceeds}) THEN ' midas.exceeds_headache_days' "
            "ELSE '' END",
            f"CASE WHEN {a} = 0 AND {b} > 0 THEN ' midas.pain_without_headache' ELSE '' END",
            f"CASE WHEN {a} > 0 AND {b} = 0 THEN ' midas.headache_without_pain' ELSE '' END"]
    assert RECALL_DAYS  # the q1+q2 / q3+q4 rules are errors: never on a complete visit
    for ins in QUESTIONNAIRES:
        cols = [ins.column(i) for i in ins.item_ids]
        some = " OR ".join(f"{c} IS NOT NULL" for c in cols)
        blank = " OR ".join(f"({c} IS NULL AND coalesce(instr(' ' || missing_raw || ' ', "
                            f"' {c}:'), 0) = 0)" for c in cols)
        warn.append(f"CASE WHEN ({some}) AND ({blank}) THEN ' unanswered' ELSE '' END")
    zero = " OR ".join(f"flow_{k} = 0" for k in flow_of)
    warn.append(f"CASE WHEN {zero} THEN ' flow.zero' ELSE '' END")
    warn.append(f"CASE WHEN {scheduled} AND NOT {inside} AND NOT (label = 'baseline' AND day > "
                "first) THEN ' window' ELSE '' END")
    out["entry_source"] = "CASE WHEN self_rep THEN 'patient' ELSE 'staff' END"
    out["verification_state"] = ("CASE de_status " + " ".join(
        f"WHEN '{status.value}' THEN '{double_entry.export_code(status)}'"
        for status in double_entry.Status) + f" ELSE '{double_entry.NOT_DOUBLE_ENTERED}' END")
    out["confirmed_warnings"] = f"nullif(ltrim({' || '.join(warn)}), '')"
    out["questionnaire_language"] = "tlang"
    names = [c.name for c in VISIT_COLUMNS]
    assert list(out) == names, set(names) ^ set(out)
    select = ", ".join(f"{expr} AS {name}" for name, expr in out.items())
    ctes = {"aj": objects, "a": answers, "f": flows, "b": base, "c1": step1, "c2": step2,
            "c3": step3}
    return ("WITH " + ", ".join(f"{name} AS MATERIALIZED ({sql})" for name, sql in ctes.items())
            + f" SELECT {select} FROM c3 ORDER BY code, okey;")


def patients_sql() -> str:
    cols = {"patient_code": _guard("p.code"), "family_name": _guard("p.family_name"),
            "given_name": _guard("p.given_name"), "birth_date": "p.birth_date", "sex": "p.sex",
            "ms_subtype": "p.ms_subtype", "diagnosis_year": "p.diagnosis_year",
            "headache_positive": "p.headache_positive", "fatigue_positive": "p.fatigue_positive",
            "pta_date": "(SELECT min(x.pta_date) FROM procedure x WHERE x.patient_id = p.id)",
            "notes": _guard("nullif(p.notes, '')"),
            "pta_side": "(SELECT x.side FROM procedure x WHERE x.patient_id = p.id ORDER BY "
                        "x.pta_date, x.side, x.notes, x.id LIMIT 1)",
            "pta_count": "(SELECT count(*) FROM procedure x WHERE x.patient_id = p.id)",
            "language": "p.language"}
    assert list(cols) == [c.name for c in PATIENT_COLUMNS]
    return ("SELECT " + ", ".join(f"{e} AS {n}" for n, e in cols.items())
            + " FROM patient p ORDER BY p.code;")


def procedures_sql() -> str:
    cols = {"patient_code": _guard("p.code"),
            "procedure_number": "row_number() OVER (PARTITION BY x.patient_id ORDER BY "
                                "x.pta_date, x.side, x.notes, x.id)",
            "procedure_date": "x.pta_date", "procedure_side": "x.side",
            "procedure_notes": _guard("nullif(x.notes, '')")}
    assert list(cols) == [c.name for c in PROCEDURE_COLUMNS]
    return ("SELECT " + ", ".join(f"{e} AS {n}" for n, e in cols.items())
            + " FROM procedure x JOIN patient p ON p.id = x.patient_id ORDER BY p.code, "
            "x.pta_date, x.side, x.notes, x.id;")
