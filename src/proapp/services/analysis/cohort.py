"""The cohort analysis use case: read the cohort once, select the time points, run the tests.

Everything is read in one read transaction (a consistent snapshot, also while other
workstations write) and fingerprinted with SHA-256, so a printed result can be tied to the
exact data it came from. Which visit is which time point, and why a patient is missing from
a test, is decided by :mod:`proapp.domain.timepoints`; the groups and the group choices by
:mod:`proapp.domain.cohort`; this module only applies them and calls the statistics.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from proapp import __version__
from proapp.db.engine import Database
from proapp.db.models import Patient, Procedure, Setting
from proapp.domain.actor import Actor, Permission
from proapp.domain.cohort import (
    GROUPS,
    MATCHED_FINAL,
    MIN_N_FOR_TEST,
    Plan,
    SpearmanPair,
)
from proapp.domain.i18n import Msg, msg
from proapp.domain.timepoints import (
    COMPARED,
    MEASURES,
    TIME_POINTS,
    Measure,
    Observation,
    Point,
    Selection,
    TimePoint,
    Value,
    matched_final,
    pairs,
    rules,
)
from proapp.domain.timepoints import (
    select as select_points,
)
from proapp.reports.analysis.model import (
    AnalysisResult,
    DataRow,
    DescriptiveRow,
    Exclusion,
    FriedmanRow,
    Meta,
    PatientRow,
    PosthocRow,
    SpearmanRow,
)
from proapp.services import clock
from proapp.services.accounts.access import authorize
from proapp.services.analysis import descriptives, stats
from proapp.services.progress import Progress
from proapp.services.visits import flatten, load_records

FOLLOW_UP_MEAN_PLACES = 2


@dataclass(frozen=True)
class CohortPatient:
    row: PatientRow
    visits: tuple[Observation, ...]


@dataclass(frozen=True)
class Cohort:
    """Everything the analysis reads, as of one moment."""

    patients: tuple[CohortPatient, ...]
    snapshot_sha256: str
    database: str
    is_demo: bool
    clinic_name: str


def load_cohort(db: Database, actor: Actor, progress: Progress | None = None) -> Cohort:
    """Patients, PTA dates and every visit with its content, in one read transaction."""
    if progress is not None:
        progress.report(0, 0, "Reading the cohort…")
    digest = hashlib.sha256()

    def feed(kind: str, row: Sequence[object]) -> None:
        digest.update(json.dumps([kind, *row], default=str, ensure_ascii=False,
                                 separators=(",", ":")).encode())
        digest.update(b"\n")

    with db.read() as s:
        authorize(s, actor, Permission.REPORT)
        people = s.execute(select(Patient.id, Patient.code, Patient.ms_subtype,
                                  Patient.headache_positive, Patient.fatigue_positive,
                                  Patient.is_demo).order_by(Patient.id)).all()
        ptas: dict[int, list[date]] = {}
        for pid, day in s.execute(select(Procedure.patient_id, Procedure.pta_date)
                                  .order_by(Procedure.patient_id, Procedure.pta_date)):
            ptas.setdefault(pid, []).append(day)
        records = load_records(s)
        clinic = s.scalar(select(Setting.value).where(Setting.key == "clinic_name"))
    out: list[CohortPatient] = []
    for pid, code, subtype, headache, fatigue, is_demo in people:
        dates = tuple(ptas.get(pid, ()))
        feed("patient", (pid, code, subtype, bool(headache), bool(fatigue), bool(is_demo)))
        for d in dates:
            feed("pta", (pid, d.isoformat()))
        member = frozenset(g.id for g in GROUPS if g.contains(subtype, bool(headache),
                                                                 bool(fatigue)))
        row = PatientRow(pid, code, subtype, bool(headache), bool(fatigue), dates, member)
        obs = []
        for v in records.get(pid, ()):
            feed("visit", (v.id, pid, v.label, v.visit_date.isoformat(), v.status,
                           sorted(flatten(v.content).items())))
            obs.append(Observation(v.id, v.label, v.visit_date, v.is_complete, v.content))
        out.append(CohortPatient(row, tuple(obs)))
    return Cohort(tuple(out), digest.hexdigest(), db.display_name,
                  any(bool(p[5]) for p in people), clinic or "")


def versions() -> tuple[tuple[str, str], ...]:
    """The software that computed a result (printed with it)."""
    import matplotlib
    import numpy
    import reportlab
    import scipy
    import sqlalchemy

    return (("proapp", __version__), ("Python", platform.python_version()),
            ("numpy", numpy.__version__), ("scipy", scipy.__version__),
            ("SQLAlchemy", sqlalchemy.__version__), ("matplotlib", matplotlib.__version__),
            ("reportlab", reportlab.Version))


def _excluded_why(missing: Counter[tuple[TimePoint, ...]]) -> Msg:
    """"no 3 months 12; no final follow-up 3; no pre-PTA, no 3 months 1" (largest first), a
    sentence each time point's name of which is written in the reader's language."""
    parts: dict[str, object] = {}
    template = []
    ordered = sorted(missing.items(), key=lambda kv: (-kv[1], [t.value for t in kv[0]]))
    for i, (key, count) in enumerate(ordered):
        names = []
        for j, t in enumerate(key):
            parts[f"t{i}_{j}"] = msg("no {point}", point=t.title)
            names.append(f"{{t{i}_{j}}}")
        template.append(", ".join(names) + f" {count}")
    return Msg("; ".join(template), parts)


def _follow_up_mean(selections: Sequence[Selection]) -> Decimal | None:
    days = [s.follow_up_days for s in selections if s.follow_up_days is not None]
    if not days:
        return None
    return descriptives.mean_of([Decimal(d) / Decimal("365.25") for d in days],
                                FOLLOW_UP_MEAN_PLACES)


def analyse(cohort: Cohort, plan: Plan, progress: Progress | None = None, *,
            now: datetime | None = None) -> AnalysisResult:
    """The whole analysis of ``cohort`` under ``plan``."""
    total = len(cohort.patients)
    in_any = {m: set(plan.groups[m]) for m in MEASURES}
    for m in (Measure.MIDAS, Measure.FLOW):  # the correlation needs both measures
        in_any[m] |= set(plan.spearman_groups)
    selections: dict[Measure, dict[int, Selection]] = {m: {} for m in MEASURES}
    matched: dict[int, tuple[Point, Value]] = {}  # patient -> (MIDAS point, flow there)
    data: list[DataRow] = []
    exclusions: list[Exclusion] = []
    for index, p in enumerate(cohort.patients):
        if progress is not None and index % 200 == 0:
            progress.report(index, total, "Selecting the time points…")
        row = p.row
        for m in MEASURES:
            if not row.groups & in_any[m]:
                continue
            sel = select_points(m, p.visits, row.pta_dates, plan.cutoff, plan.repeat_pta)
            selections[m][row.patient_id] = sel
            is_complete = sel.complete(COMPARED[m])
            for t in TIME_POINTS[m]:
                point = sel.points.get(t)
                if point is None:
                    exclusions.append(Exclusion(row.code, m, t.value, sel.missing[t]))
                    continue
                data.append(DataRow(row, m, t.value, point.label, point.visit_date,
                                    point.value, sel.follow_up_years
                                    if t is TimePoint.FINAL else None, is_complete))
        if row.groups & set(plan.spearman_groups):
            last = matched_final(p.visits, row.pta_dates, plan.cutoff, plan.repeat_pta)
            if last is not None:
                flow_value = Measure.FLOW.of(next(
                    v.content for v in p.visits if v.visit_id == last.visit_id))
                assert flow_value is not None
                matched[row.patient_id] = (last, flow_value)
                for m, value in ((Measure.MIDAS, last.value), (Measure.FLOW, flow_value)):
                    data.append(DataRow(row, m, MATCHED_FINAL, last.label, last.visit_date,
                                        value))
            else:
                exclusions.append(Exclusion(row.code, Measure.MIDAS, MATCHED_FINAL,
                                            "no usable visit from m6 on with both the MIDAS "
                                            "total and the total supine flow"))
    if progress is not None:
        progress.report(total, total, "Running the tests…")

    members = {g.id: [p.row for p in cohort.patients if g.id in p.row.groups] for g in GROUPS}
    desc: list[DescriptiveRow] = []
    fried: list[FriedmanRow] = []
    post: list[PosthocRow] = []
    for m in MEASURES:
        compared = COMPARED[m]
        for g in plan.groups_of(m):
            if progress is not None:
                progress.check()
            sels = [selections[m][r.patient_id] for r in members[g.id]]
            complete = [s for s in sels if s.complete(compared)]
            for t in TIME_POINTS[m]:
                have = [s for s in sels if t in s.points]
                summary = descriptives.summarize([s.points[t].value for s in have], m.places)
                desc.append(_descriptive(m, g.id, t, "available", summary,
                                         _follow_up_mean(have) if t is TimePoint.FINAL
                                         else None))
            for t in compared:
                summary = descriptives.summarize([s.points[t].value for s in complete],
                                                 m.places)
                desc.append(_descriptive(m, g.id, t, "complete", summary,
                                         _follow_up_mean(complete) if t is TimePoint.FINAL
                                         else None))
            why = Counter(tuple(t for t in compared if t not in s.points)
                          for s in sels if not s.complete(compared))
            n = len(complete)
            follow = _follow_up_mean(complete)
            matrix = [[float(s.points[t].value) for t in compared] for s in complete]
            if n < MIN_N_FOR_TEST:
                fried.append(FriedmanRow(m, g.id, n, len(sels) - n, _excluded_why(why), None,
                                         len(compared) - 1, None, None, follow,
                                         msg("too few for the test (n = {n})", n=n)))
            else:
                f = stats.friedman(matrix)
                fried.append(FriedmanRow(m, g.id, n, len(sels) - n, _excluded_why(why),
                                         f.statistic, f.df, f.p_value, f.kendall_w, follow,
                                         f.note))
            tests = []
            for a, b in pairs(m):
                changes = [s.points[b].value - s.points[a].value for s in complete]  # exact
                diff = descriptives.median_of(changes, m.places)
                if n < MIN_N_FOR_TEST:
                    tests.append((a, b, stats.WilcoxonStat(n, 0, None, None, "",
                                                           msg("too few for the test (n = {n})",
                                                               n=n)),
                                  diff))
                else:
                    tests.append((a, b, stats.wilcoxon(changes), diff))
            adjusted = stats.holm([w.p_value for _a, _b, w, _d in tests])
            for (a, b, w, diff), p_holm in zip(tests, adjusted, strict=True):
                post.append(PosthocRow(m, g.id, a, b, w.n, w.n_nonzero, w.statistic,
                                       w.p_value, p_holm, w.method, diff, w.note))

    spear: list[SpearmanRow] = []
    for gid in plan.spearman_groups:
        rows = members[gid]
        midas, flow = selections[Measure.MIDAS], selections[Measure.FLOW]
        pre = [(midas[r.patient_id].points[TimePoint.PRE].value,
                flow[r.patient_id].points[TimePoint.PRE].value) for r in rows
               if TimePoint.PRE in midas[r.patient_id].points
               and TimePoint.PRE in flow[r.patient_id].points]
        final: list[tuple[Value, Value]] = []
        change: list[tuple[Value, Value]] = []
        for r in rows:
            if r.patient_id not in matched:
                continue
            point, fv = matched[r.patient_id]
            mv = point.value
            final.append((mv, fv))
            pm, pf = midas[r.patient_id].points, flow[r.patient_id].points
            if TimePoint.PRE in pm and TimePoint.PRE in pf:
                change.append((mv - pm[TimePoint.PRE].value, fv - pf[TimePoint.PRE].value))
        for pair, values in ((SpearmanPair.PRE, pre), (SpearmanPair.FINAL, final),
                             (SpearmanPair.CHANGE, change)):
            spear.append(_spearman(gid, pair, values))

    meta = Meta(generated_at=now or clock.utcnow(), plan=plan,
                rules=tuple(rules(plan.cutoff, plan.repeat_pta) + plan.describe()),
                database=cohort.database, snapshot_sha256=cohort.snapshot_sha256,
                versions=versions(), patients=total, is_demo=cohort.is_demo,
                clinic_name=cohort.clinic_name)
    return AnalysisResult(meta, tuple(p.row for p in cohort.patients), tuple(data),
                          tuple(exclusions), tuple(desc), tuple(fried), tuple(post),
                          tuple(spear))


def _descriptive(m: Measure, gid: str, t: TimePoint, cases: str, s: descriptives.Summary,
                 follow: Decimal | None) -> DescriptiveRow:
    return DescriptiveRow(m, gid, t, cases, s.n, s.median, s.q1, s.q3, s.mean, s.sd, follow)


def _spearman(gid: str, pair: SpearmanPair, values: list[tuple[Value, Value]]) -> SpearmanRow:
    n = len(values)
    if n < MIN_N_FOR_TEST:
        return SpearmanRow(gid, pair, n, None, None, msg("too few for the test (n = {n})", n=n))
    r = stats.spearman([float(a) for a, _b in values], [float(b) for _a, b in values])
    return SpearmanRow(gid, pair, r.n, r.rho, r.p_value, r.note)


def run_analysis(db: Database, actor: Actor, plan: Plan | None = None,
                 progress: Progress | None = None,
                 on_loaded: Callable[[Cohort], None] | None = None) -> AnalysisResult:
    """Load and analyse (``plan`` None: the defaults with today's date as the cut-off)."""
    cohort = load_cohort(db, actor, progress)
    if on_loaded is not None:
        on_loaded(cohort)
    return analyse(cohort, plan or Plan(clock.today()), progress)
