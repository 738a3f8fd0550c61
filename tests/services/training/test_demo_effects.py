"""The demo cohort must show what the reference study reported, or training on it misleads."""

from statistics import median

from sqlalchemy import select

from proapp.db.models import Patient
from proapp.domain.summary import summarize_all
from proapp.services.visits import load_records


def cohort(db):
    with db.read() as s:
        facts = {p.id: p for p in s.scalars(select(Patient))}
        pta = {p.id: p.procedures[0].pta_date for p in facts.values()}
        records = load_records(s)
    return facts, {pid: summarize_all(vs, pta[pid]) for pid, vs in records.items()}


def series(summaries, attr):
    values = {v.label: getattr(v, attr) for v in summaries if getattr(v, attr) is not None}
    latest = [v for v in summaries if getattr(v, attr) is not None and v.label.startswith("y")]
    return values.get("baseline"), values.get("m3"), (getattr(latest[-1], attr) if latest
                                                       else values.get("m12"))


def medians(facts, data, subtype, attr, flag):
    rows = [series(data[pid], attr) for pid, p in facts.items()
            if p.ms_subtype == subtype and getattr(p, flag)]
    rows = [r for r in rows if None not in r]
    return tuple(median(float(r[i]) for r in rows) for i in range(3))


def test_midas_improves_lastingly_in_rr_and_sp_not_pp(demo_db) -> None:
    facts, data = cohort(demo_db)
    for subtype in ("RR", "SP"):
        base, m3, latest = medians(facts, data, subtype, "midas_total", "headache_positive")
        assert m3 < 0.75 * base and latest < 0.75 * base, (subtype, base, m3, latest)
    base, m3, latest = medians(facts, data, "PP", "midas_total", "headache_positive")
    assert m3 > 0.8 * base and latest > 0.8 * base


def test_fss_improvement_lasts_only_in_rr(demo_db) -> None:
    facts, data = cohort(demo_db)
    rr = medians(facts, data, "RR", "fss_mean", "fatigue_positive")
    sp = medians(facts, data, "SP", "fss_mean", "fatigue_positive")
    assert rr[1] < rr[0] - 0.5 and rr[2] < rr[0] - 0.5
    assert sp[1] < sp[0] - 0.3 and sp[2] > sp[0] - 0.3
