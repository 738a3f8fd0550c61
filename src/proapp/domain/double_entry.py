"""Double data entry of paper questionnaires: what is compared, who was wrong, and how well
each person keys.

A paper form is keyed twice by two different people, the second blind to the first; every item
where the two keyings differ is a *difference*, and the visit is *verified* once a third person
(or a clinician) has settled every difference with the true value and a reason. Everything here
is driven by the instrument definitions: the items compared are the instruments' items, and a
keyed value is what the visit stores for an item (a number, a reason it is missing, or
nothing), written in the change log's words (``12``, ``missing:declined``).

The agreement figures follow EpiData's validation report: per person and per instrument, the
fields they keyed, the differences their keying was part of, and the *errors* (a difference
settled against their value), as an error rate per 1,000 keyed fields.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from proapp.domain.i18n import msg
from proapp.domain.instruments import Instrument
from proapp.domain.item_values import Keyed, encode, keyed_values
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitContent

__all__ = ["ALL", "EXPORT_CODES", "NOT_DOUBLE_ENTERED", "Agreement", "ComparedItem",
           "Comparison", "Keyed", "Status", "agreement", "compare", "compared_instruments",
           "export_code", "keyers_of", "may_resolve", "status_after"]

ALL = "all"  # the instrument (or user) column of a total row


class Status(StrEnum):
    """Where a visit is in double entry. A visit without a request is not double-entered."""

    AWAITING = "awaiting"  # the first entry is complete; the second keying is still to do
    UNRESOLVED = "unresolved"  # keyed twice; some differences are not settled yet
    VERIFIED = "verified"  # keyed twice and every difference settled

    @property
    def label(self) -> str:
        return {"awaiting": msg("awaiting second entry"),
                "unresolved": msg("differences to resolve"),
                "verified": msg("verified")}[self.value]


# Codes of the exports' verification_state column (data dictionary, README).
NOT_DOUBLE_ENTERED = "single_entry"
EXPORT_CODES: dict[str, str] = {
    NOT_DOUBLE_ENTERED: "entered once; no second entry was asked for",
    "awaiting_second_entry": "first entry complete; the independent second entry is not done",
    "differences_unresolved": "entered twice; some differences are not resolved yet",
    "verified": "entered twice and every difference resolved (double data entry)",
}
_EXPORT_CODE = {Status.AWAITING: "awaiting_second_entry",
                Status.UNRESOLVED: "differences_unresolved", Status.VERIFIED: "verified"}


def export_code(status: Status | str | None) -> str:
    """The exports' ``verification_state`` code for a visit's double-entry status."""
    if status is None:
        return NOT_DOUBLE_ENTERED
    return _EXPORT_CODE[Status(status)]


def compared_instruments(first: VisitContent, second: VisitContent) -> list[Instrument]:
    """The questionnaires a comparison covers: those either keying holds anything for. A form
    neither person keyed (not on the paper) is not compared: its blank items would count as
    agreement that nobody keyed."""
    return [i for i in QUESTIONNAIRES.values() if first.has_data(i.id) or second.has_data(i.id)]


@dataclass(frozen=True)
class Comparison:
    """One item of the two keyings."""

    instrument: str
    item: str
    first: Keyed
    second: Keyed

    @property
    def agrees(self) -> bool:
        return encode(self.first) == encode(self.second)


def compare(first: VisitContent, second: VisitContent) -> list[Comparison]:
    """Every item of every compared questionnaire, in the definitions' order."""
    out: list[Comparison] = []
    for instrument in compared_instruments(first, second):
        a, b = keyed_values(first, instrument), keyed_values(second, instrument)
        out += [Comparison(instrument.id, item_id, a[item_id], b[item_id])
                for item_id in instrument.item_ids]
    return out


# --- who may settle a difference ---------------------------------------------------------------


def may_resolve(username: str, keyers: Iterable[str], *, clinician: bool) -> bool:
    """A difference is settled by a third person (neither keyed the item) or by a clinician
    (who may also have keyed it: they answer for the record)."""
    return clinician or username not in set(keyers)


# --- agreement -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparedItem:
    """One compared item as stored: both keyings with their keyers, and how it was settled."""

    visit_id: int
    instrument: str
    item: str
    first: Keyed
    first_by: str
    second: Keyed
    second_by: str
    resolved: bool = False
    resolution: Keyed = None

    @property
    def agrees(self) -> bool:
        return encode(self.first) == encode(self.second)

    def wrong(self) -> tuple[bool, bool]:
        """(first keying wrong, second keying wrong) for a settled difference: the keying the
        true value differs from. Both are wrong when the true value is neither."""
        if self.agrees or not self.resolved:
            return False, False
        truth = encode(self.resolution)
        return encode(self.first) != truth, encode(self.second) != truth


@dataclass(frozen=True)
class Agreement:
    """One row of the agreement report. ``user`` or ``instrument`` is :data:`ALL` on totals.

    ``fields`` counts the items the user keyed (each item of each compared questionnaire, once
    per keying); ``differences`` the items where the two keyings differed; ``errors`` the
    settled differences where this user's value was not the true one; ``unresolved`` the
    differences not settled yet (nobody is blamed for those until they are)."""

    user: str
    instrument: str
    visits: int
    fields: int
    differences: int
    errors: int
    unresolved: int

    @property
    def errors_per_1000(self) -> Decimal | None:
        if not self.fields:
            return None
        return (Decimal(self.errors * 1000) / self.fields).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def agreement_pct(self) -> Decimal | None:
        if not self.fields:
            return None
        return (Decimal((self.fields - self.differences) * 100) / self.fields).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP)


def agreement(items: Iterable[ComparedItem]) -> list[Agreement]:
    """Per user and instrument, then each user's total, each instrument's total over every
    keying, and the grand total; users in name order, instruments in definition order."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    visits: dict[tuple[str, str], set[int]] = defaultdict(set)
    for it in items:
        wrong = it.wrong()
        for user, is_wrong in ((it.first_by, wrong[0]), (it.second_by, wrong[1])):
            for key in ((user, it.instrument), (user, ALL), (ALL, it.instrument), (ALL, ALL)):
                c = counts[key]
                c[0] += 1
                if not it.agrees:
                    c[1] += 1
                    if is_wrong:
                        c[2] += 1
                    if not it.resolved:
                        c[3] += 1
                visits[key].add(it.visit_id)
    order = {i: n for n, i in enumerate(QUESTIONNAIRES)}
    order[ALL] = len(order)

    def sort_key(key: tuple[str, str]) -> tuple[int, str, int]:
        user, instrument = key
        return (1 if user == ALL else 0, user, order.get(instrument, len(order)))

    return [Agreement(user, instrument, len(visits[(user, instrument)]), *counts[(user,
                                                                                  instrument)])
            for user, instrument in sorted(counts, key=sort_key)]


def keyers_of(items: Iterable[ComparedItem]) -> set[str]:
    out: set[str] = set()
    for it in items:
        out |= {it.first_by, it.second_by}
    return out


def status_after(items: Iterable[ComparedItem]) -> Status:
    """Verified when no difference is left unsettled."""
    return Status.VERIFIED if all(it.agrees or it.resolved for it in items) \
        else Status.UNRESOLVED

