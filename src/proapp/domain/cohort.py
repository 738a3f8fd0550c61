"""The groups of the cohort analysis and which measure is analysed in which group.

As in the reference study: all patients; RR, SP and PP; headache-positive patients overall and
by subtype; fatigue-positive patients overall and by subtype. By default MIDAS is analysed in
the headache-positive groups, FSS in the fatigue-positive groups, flow in every group, and the
MIDAS-flow correlation in the MIDAS groups. Every choice is part of the :class:`Plan`, printed
with the results and changeable (GUI pickers, ``proapp analysis --groups``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from proapp.domain.i18n import Msg, msg
from proapp.domain.patient import MsSubtype
from proapp.domain.timepoints import MEASURES, Measure, RepeatPta

MIN_N_FOR_TEST = 5
"""Below this many complete cases a group gets its descriptives and "too few for the test"."""


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    title: str
    subtype: MsSubtype | None = None
    symptom: str | None = None  # "headache" | "fatigue" | None

    def contains(self, subtype: MsSubtype | str, headache: bool, fatigue: bool) -> bool:
        if self.subtype is not None and MsSubtype(subtype) is not self.subtype:
            return False
        if self.symptom == "headache":
            return headache
        if self.symptom == "fatigue":
            return fatigue
        return True


def _groups() -> tuple[Group, ...]:
    out = [Group("all", msg("All patients"))]
    out += [Group(s.value.lower(), s.value, s) for s in MsSubtype]
    out.append(Group("headache", msg("Headache+ all"), None, "headache"))
    out += [Group(f"headache-{s.value.lower()}", msg("Headache+ {subtype}", subtype=s.value), s,
                  "headache") for s in MsSubtype]
    out.append(Group("fatigue", msg("Fatigue+ all"), None, "fatigue"))
    out += [Group(f"fatigue-{s.value.lower()}", msg("Fatigue+ {subtype}", subtype=s.value), s,
                  "fatigue") for s in MsSubtype]
    return tuple(out)


GROUPS: tuple[Group, ...] = _groups()
GROUP_BY_ID: dict[str, Group] = {g.id: g for g in GROUPS}
GROUP_IDS: tuple[str, ...] = tuple(GROUP_BY_ID)

HEADACHE_GROUPS = tuple(g.id for g in GROUPS if g.symptom == "headache")
FATIGUE_GROUPS = tuple(g.id for g in GROUPS if g.symptom == "fatigue")
DEFAULT_GROUPS: dict[Measure, tuple[str, ...]] = {
    Measure.MIDAS: HEADACHE_GROUPS,
    Measure.FSS: FATIGUE_GROUPS,
    Measure.FLOW: GROUP_IDS,
}


def group(group_id: str) -> Group:
    try:
        return GROUP_BY_ID[group_id]
    except KeyError:
        raise KeyError(f"unknown group {group_id!r}; expected one of "
                       f"{', '.join(GROUP_IDS)}") from None


def ordered(group_ids: Iterable[str]) -> tuple[str, ...]:
    """Known group ids in the canonical order, duplicates dropped; KeyError for unknown ids."""
    wanted = {group(g).id for g in group_ids}
    return tuple(g for g in GROUP_IDS if g in wanted)


@dataclass(frozen=True)
class Plan:
    """Everything that decides the analysis besides the data: printed with every result."""

    cutoff: date
    groups: Mapping[Measure, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_GROUPS))
    spearman_groups: tuple[str, ...] = HEADACHE_GROUPS
    repeat_pta: RepeatPta = RepeatPta.CENSOR

    def __post_init__(self) -> None:
        # Normalise to the canonical order (and validate ids) so equal plans compare equal.
        groups = {m: ordered(self.groups.get(m, ())) for m in MEASURES}
        object.__setattr__(self, "groups", groups)
        object.__setattr__(self, "spearman_groups", ordered(self.spearman_groups))

    def groups_of(self, measure: Measure) -> tuple[Group, ...]:
        return tuple(GROUP_BY_ID[g] for g in self.groups.get(measure, ()))

    def describe(self) -> list[str]:
        """The group choices in words."""
        out: list[str] = []
        for m in MEASURES:
            groups = self.groups_of(m)
            out.append(msg("{measure}: analysed in {groups}.", measure=m.title,
                           groups=_names(g.title for g in groups)))
        out.append(msg("MIDAS total vs total supine flow (Spearman): {groups}.",
                       groups=_names(GROUP_BY_ID[g].title for g in self.spearman_groups)))
        out.append(msg("Groups with fewer than {n} complete cases get the descriptives and "
                       "\"too few for the test\".", n=MIN_N_FOR_TEST))
        return out


def _names(titles: Iterable[str]) -> str:
    """Group names joined, or "none"; each name read in the reader's language."""
    names = list(titles)
    if not names:
        return msg("none")
    # a list, not a sentence: no template to translate, only its names
    return Msg(", ".join(f"{{g{i}}}" for i in range(len(names))),
               {f"g{i}": n for i, n in enumerate(names)})


class SpearmanPair(StrEnum):
    """The three MIDAS-flow correlations: at matched visits and between the changes."""

    PRE = "pre"
    FINAL = "final"
    CHANGE = "change"

    @property
    def title(self) -> str:  # type: ignore[override]  # the pair's name, not str.title()
        return {"pre": msg("Pre-PTA (baseline visit)"),
                "final": msg("Final follow-up (MIDAS and flow at the same visit)"),
                "change": msg("Change, final − pre-PTA")}[self.value]

    @property
    def short(self) -> str:
        return {"pre": "pre-PTA", "final": "final (matched)", "change": "change"}[self.value]


MATCHED_FINAL = "final_matched"
"""The time point name, in analysis_data.csv, of the matched final visit of the correlation."""
