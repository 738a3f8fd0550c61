"""The time points of the cohort analysis, defined once and printed with every result.

The reference study (Beggs et al., PLoS ONE 2018) compared each measure before PTA, 3 months
after PTA and at the final follow-up; flow also right after the procedure. What a time point
*is* (which visit, which value, which exclusions) is decided here and nowhere else, so the
GUI, the PDF, the CSV files and the command line always describe the same thing:

- **pre-PTA**: the completed ``baseline`` visit;
- **post-PTA** (flow only): the completed ``pta`` visit (same day, after the procedure);
- **1, 6, 12 months** (flow descriptives): the completed ``m1``, ``m6``, ``m12`` visits;
- **3 months** (questionnaires): the completed ``m3`` visit;
- **final follow-up**: the latest completed visit labelled ``m6`` or later (``m6``, ``m12``,
  ``y2``, ``y3``, ...) that has the measure, on or before the cut-off date.

Only completed visits dated on or before the cut-off count (drafts are work in progress;
unscheduled visits have no place in the schedule). A value exists only when the instrument
defines it: the MIDAS total needs all five items, the FSS mean all nine, the total supine flow
both veins; an unanswered item is never read as 0. Follow-up time is counted from the first
PTA. A repeat PTA is handled by :class:`RepeatPta`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from proapp.domain import schedule
from proapp.domain.flow import FLOW_UNIT, Posture
from proapp.domain.fss import FSS
from proapp.domain.i18n import msg
from proapp.domain.midas import MIDAS
from proapp.domain.visit import VisitContent

Value = int | Decimal
DAYS_PER_YEAR = Decimal("365.25")
FOLLOW_UP_PLACES = 2  # years
FINAL_FROM_MONTHS = 6  # the final follow-up is a visit labelled m6 or later


class Measure(StrEnum):
    MIDAS = "midas"  # MIDAS total (Q1-Q5), days
    FSS = "fss"  # FSS score (mean of the nine items)
    FLOW = "flow"  # total supine IJV flow (left + right), mL/min

    @property
    def title(self) -> str:  # type: ignore[override]  # the measure's name, not str.title()
        return {"midas": msg("MIDAS total"), "fss": msg("FSS score (mean)"),
                "flow": msg("Total supine IJV flow")}[self.value]

    @property
    def unit(self) -> str:
        return {"midas": msg("days"), "fss": msg("points"), "flow": FLOW_UNIT}[self.value]

    @property
    def places(self) -> int:
        """Decimal places of a single value (the instrument's own)."""
        return {"midas": 0, "fss": 2, "flow": 1}[self.value]

    @property
    def form(self) -> str:
        return {"midas": schedule.MIDAS, "fss": schedule.FSS, "flow": "flow"}[self.value]

    @property
    def requirement(self) -> str:
        """When a visit has a value of this measure (printed with the inclusion rules)."""
        return {"midas": msg("all five MIDAS items Q1-Q5 answered"),
                "fss": msg("all nine FSS items answered"),
                "flow": msg("supine flow of both the left and the right IJV")}[self.value]

    def of(self, content: VisitContent) -> Value | None:
        """The measure at one visit, by the instrument's own scoring (None: not defined)."""
        if self is Measure.FLOW:
            return content.flow_totals()[Posture.SUPINE].total
        scores = content.scores(MIDAS.id if self is Measure.MIDAS else FSS.id)
        v = scores.get("total" if self is Measure.MIDAS else "mean")
        return v if isinstance(v, int | Decimal) and not isinstance(v, bool) else None


MEASURES: tuple[Measure, ...] = tuple(Measure)


class TimePoint(StrEnum):
    PRE = "pre"
    PTA = "pta"
    M1 = "m1"
    M3 = "m3"
    M6 = "m6"
    M12 = "m12"
    FINAL = "final"

    @property
    def title(self) -> str:  # type: ignore[override]  # the time point's name
        return {"pre": msg("Pre-PTA"), "pta": msg("Post-PTA"), "m1": msg("1 month"),
                "m3": msg("3 months"), "m6": msg("6 months"), "m12": msg("12 months"),
                "final": msg("Final follow-up")}[self.value]

    @property
    def short(self) -> str:
        return {"pre": msg("pre"), "pta": msg("post"), "m1": msg("1 mo"), "m3": msg("3 mo"),
                "m6": msg("6 mo"), "m12": msg("12 mo"), "final": msg("final")}[self.value]

    @property
    def label(self) -> str | None:
        """The visit label this time point reads, or None for the final follow-up."""
        return None if self is TimePoint.FINAL else (
            "baseline" if self is TimePoint.PRE else self.value)

    @property
    def rule(self) -> str:
        if self is TimePoint.FINAL:
            return msg("the latest completed visit labelled m{months} or later (m6, m12, y2, y3, "
                       "...) that has the measure, on or before the cut-off",
                       months=FINAL_FROM_MONTHS)
        return msg("the completed {label} visit, on or before the cut-off", label=self.label)


TIME_POINTS: dict[Measure, tuple[TimePoint, ...]] = {
    Measure.MIDAS: (TimePoint.PRE, TimePoint.M3, TimePoint.FINAL),
    Measure.FSS: (TimePoint.PRE, TimePoint.M3, TimePoint.FINAL),
    Measure.FLOW: (TimePoint.PRE, TimePoint.PTA, TimePoint.M1, TimePoint.M6, TimePoint.M12,
                   TimePoint.FINAL),
}
"""The time points described for each measure, in order."""

COMPARED: dict[Measure, tuple[TimePoint, TimePoint, TimePoint]] = {
    Measure.MIDAS: (TimePoint.PRE, TimePoint.M3, TimePoint.FINAL),
    Measure.FSS: (TimePoint.PRE, TimePoint.M3, TimePoint.FINAL),
    Measure.FLOW: (TimePoint.PRE, TimePoint.PTA, TimePoint.FINAL),
}
"""The three time points the Friedman test compares for each measure (complete cases)."""


def comparison_text(measure: Measure) -> str:
    return " vs ".join(t.title for t in COMPARED[measure])


def pairs(measure: Measure) -> tuple[tuple[TimePoint, TimePoint], ...]:
    """The three post-hoc pairs: (a, b), (a, c), (b, c)."""
    a, b, c = COMPARED[measure]
    return ((a, b), (a, c), (b, c))


class RepeatPta(StrEnum):
    """What to do with a patient who had a second PTA."""

    CENSOR = "censor"  # count from the first PTA; visits on or after the repeat PTA are not used
    FIRST = "first"  # count from the first PTA and use every visit
    EXCLUDE = "exclude"  # leave the patient out of the analysis

    @property
    def rule(self) -> str:
        return {
            "censor": msg("time points count from the first PTA; visits on or after a repeat "
                          "PTA are not used (they would measure the second procedure)"),
            "first": msg("time points count from the first PTA; visits after a repeat PTA are "
                         "used like any other"),
            "exclude": msg("patients with more than one PTA are left out"),
        }[self.value]


@dataclass(frozen=True, slots=True)
class Observation:
    """What the analysis needs of one stored visit."""

    visit_id: int
    label: str
    visit_date: date
    complete: bool
    content: VisitContent


@dataclass(frozen=True, slots=True)
class Point:
    """One value that goes into the analysis, with the visit it came from."""

    time_point: TimePoint
    visit_id: int
    label: str
    visit_date: date
    value: Value


@dataclass(frozen=True)
class Selection:
    """A patient's values of one measure at its time points, and why the others are missing."""

    measure: Measure
    points: Mapping[TimePoint, Point] = field(default_factory=dict)
    missing: Mapping[TimePoint, str] = field(default_factory=dict)
    follow_up_days: int | None = None  # first PTA -> final follow-up

    def complete(self, time_points: Iterable[TimePoint]) -> bool:
        return all(t in self.points for t in time_points)

    @property
    def follow_up_years(self) -> Decimal | None:
        return None if self.follow_up_days is None else years(self.follow_up_days)


def years(days: int | Decimal) -> Decimal:
    """Days as years (365.25 days each), to 2 decimals."""
    q = Decimal(1).scaleb(-FOLLOW_UP_PLACES)
    return (Decimal(days) / DAYS_PER_YEAR).quantize(q)


def _is_final_label(label: str) -> bool:
    if label == schedule.UNSCHEDULED or not schedule.is_label(label):
        return False
    return label != "baseline" and schedule.definition(label).months >= FINAL_FROM_MONTHS


def select(measure: Measure, visits: Sequence[Observation], pta_dates: Sequence[date],
           cutoff: date, repeat_pta: RepeatPta = RepeatPta.CENSOR) -> Selection:
    """The patient's values of ``measure`` at every time point of :data:`TIME_POINTS`.

    A time point without a value gets the reason in plain words (``missing``), so every
    exclusion in the analysis can be explained patient by patient.
    """
    wanted = TIME_POINTS[measure]
    ptas = sorted(pta_dates)
    if not ptas:
        return Selection(measure, {}, dict.fromkeys(wanted, "no PTA date recorded"))
    if len(ptas) > 1 and repeat_pta is RepeatPta.EXCLUDE:
        return Selection(measure, {}, dict.fromkeys(
            wanted, f"repeat PTA on {ptas[1].isoformat()} (rule: patients with a repeat PTA "
                    "are left out)"))
    first = ptas[0]
    stop = ptas[1] if len(ptas) > 1 and repeat_pta is RepeatPta.CENSOR else None
    name = measure.title

    def usable(v: Observation) -> str | None:
        """Why ``v`` cannot be used (None: it can)."""
        if not v.complete:
            return f"the {v.label} visit is a draft (not completed)"
        if v.visit_date > cutoff:
            return (f"the {v.label} visit ({v.visit_date.isoformat()}) is after the cut-off "
                    f"{cutoff.isoformat()}")
        if stop is not None and v.visit_date >= stop and v.label != "baseline":
            return (f"the {v.label} visit ({v.visit_date.isoformat()}) is on or after the "
                    f"repeat PTA of {stop.isoformat()}")
        return None

    points: dict[TimePoint, Point] = {}
    missing: dict[TimePoint, str] = {}
    by_label: dict[str, list[Observation]] = {}
    for v in visits:
        by_label.setdefault(v.label, []).append(v)
    for t in wanted:
        if t is TimePoint.FINAL:
            continue
        label = t.label
        assert label is not None
        candidates = sorted(by_label.get(label, ()), key=lambda v: (not v.complete, v.visit_id))
        if not candidates:
            missing[t] = f"no {label} visit"
            continue
        v = candidates[0]
        why = usable(v)
        if why is not None:
            missing[t] = why
            continue
        value = measure.of(v.content)
        if value is None:
            missing[t] = (f"{measure.form} skipped at the {label} visit"
                          if measure.form in v.content.skipped else
                          f"no {name} at the {label} visit ({measure.requirement} is needed)")
            continue
        points[t] = Point(t, v.visit_id, v.label, v.visit_date, value)

    follow_up: int | None = None
    if TimePoint.FINAL in wanted:
        later = [v for v in visits if _is_final_label(v.label)]
        eligible = [v for v in later if usable(v) is None]
        with_value = [(v, val) for v in eligible if (val := measure.of(v.content)) is not None]
        if with_value:
            v, val = max(with_value, key=lambda x: (x[0].visit_date,
                                                    schedule.sort_key(x[0].label)))
            points[TimePoint.FINAL] = Point(TimePoint.FINAL, v.visit_id, v.label, v.visit_date,
                                            val)
            follow_up = (v.visit_date - first).days
        elif eligible:
            missing[TimePoint.FINAL] = (f"no {name} at any completed visit from m6 on "
                                        f"({measure.requirement} is needed)")
        elif later:
            reasons = sorted({r for v in later if (r := usable(v)) is not None})
            missing[TimePoint.FINAL] = "no usable visit from m6 on: " + "; ".join(reasons)
        else:
            missing[TimePoint.FINAL] = "no visit labelled m6 or later"
    return Selection(measure, points, missing, follow_up)


def matched_final(visits: Sequence[Observation], pta_dates: Sequence[date], cutoff: date,
                  repeat_pta: RepeatPta = RepeatPta.CENSOR) -> Point | None:
    """For the MIDAS-flow correlation: the latest usable visit from m6 on that has *both* the
    MIDAS total and the total supine flow (a matched visit). Returned as a MIDAS point; the
    flow value is read from the same visit with :func:`value_at`."""
    ptas = sorted(pta_dates)
    if not ptas or (len(ptas) > 1 and repeat_pta is RepeatPta.EXCLUDE):
        return None
    stop = ptas[1] if len(ptas) > 1 and repeat_pta is RepeatPta.CENSOR else None
    best: Observation | None = None
    for v in visits:
        if not (v.complete and _is_final_label(v.label) and v.visit_date <= cutoff):
            continue
        if stop is not None and v.visit_date >= stop:
            continue
        if Measure.MIDAS.of(v.content) is None or Measure.FLOW.of(v.content) is None:
            continue
        if best is None or (v.visit_date, schedule.sort_key(v.label)) > (
                best.visit_date, schedule.sort_key(best.label)):
            best = v
    if best is None:
        return None
    value = Measure.MIDAS.of(best.content)
    assert value is not None
    return Point(TimePoint.FINAL, best.visit_id, best.label, best.visit_date, value)


def rules(cutoff: date, repeat_pta: RepeatPta) -> list[str]:
    """The inclusion rules in words, as printed in the PDF and the GUI."""
    out: list[str] = [msg("Cut-off date: {date}; only completed visits on or before it are used "
                          "(drafts and unscheduled visits never are).", date=cutoff.isoformat())]
    for t in (TimePoint.PRE, TimePoint.PTA, TimePoint.M3, TimePoint.FINAL):
        out.append(msg("{time_point}: {rule}.", time_point=t.title, rule=t.rule))
    out.append(msg("1, 6 and 12 months (flow): the completed m1, m6 and m12 visits."))
    for m in MEASURES:
        out.append(msg("{measure} ({unit}) exists at a visit only with {requirement}; an "
                       "unanswered item is never counted as 0.", measure=m.title, unit=m.unit,
                       requirement=m.requirement))
    out.append(msg("Follow-up time: final follow-up date minus the first PTA date, in years of "
                   "365.25 days."))
    out.append(msg("Repeat PTA: {rule}.", rule=repeat_pta.rule))
    out.append(msg("Tests use complete cases: a patient enters the Friedman test of a measure "
                   "only with a value at all three compared time points; the others are "
                   "counted with the reason."))
    return out
