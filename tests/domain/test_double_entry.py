"""Double data entry's rules: keyed values, the comparison, who was wrong, the agreement counts
(hand-checked cases and hypothesis properties)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proapp.domain import double_entry as de
from proapp.domain.answers import MissingReason
from proapp.domain.fss import FSS
from proapp.domain.item_values import Keyed, decode, describe, encode, keyed_values, with_value
from proapp.domain.midas import MIDAS
from proapp.domain.visit import VisitContent

KEYED = st.one_of(st.none(), st.integers(0, 90), st.sampled_from(list(MissingReason)))


@given(KEYED)
def test_keyed_values_round_trip(value: Keyed) -> None:
    assert decode(encode(value)) == value


def test_keyed_values_in_the_change_log_words() -> None:
    assert [encode(v) for v in (12, 0, MissingReason.DECLINED, None)] == [
        "12", "0", "missing:declined", None]
    with pytest.raises(ValueError, match="not a keyed value"):
        decode("12 days")
    assert describe(MIDAS, "q1", 0) == "0 days"  # never blank, never "not answered"
    assert describe(MIDAS, "b", 10) == "10 points (pain as bad as it can be)"
    assert describe(FSS, "1", None) == "not answered"
    assert describe(FSS, "1", MissingReason.NOT_ASKED) == "missing: not asked"


def test_with_value_sets_one_item_and_undoes_not_done() -> None:
    content = VisitContent({"midas": {"q1": 3}}, {"midas": {"q2": MissingReason.UNKNOWN}},
                           {"fss": "not on the paper"})
    a = with_value(content, "midas", "q2", 4)
    assert keyed_values(a, MIDAS)["q2"] == 4 and "midas" not in a.missing
    b = with_value(content, "midas", "q1", None)
    assert "midas" not in b.responses and b.missing == {"midas": {"q2": MissingReason.UNKNOWN}}
    c = with_value(content, "fss", "1", 5)
    assert c.skipped == {} and c.answers("fss")["1"] == 5  # the form was done after all


def test_comparison_covers_the_forms_either_keying_holds() -> None:
    first = VisitContent({"midas": {"q1": 2, "q2": 3}})
    second = VisitContent({"midas": {"q1": 2, "q2": 30}})
    compared = de.compare(first, second)
    assert [c.item for c in compared] == list(MIDAS.item_ids)  # FSS: nobody keyed it
    assert [c.item for c in compared if not c.agrees] == ["q2"]
    blank_vs_zero = de.compare(VisitContent({"fss": {"1": 1}}),
                               VisitContent({"fss": {"1": 1}}, {"fss": {"2":
                                                                    MissingReason.DECLINED}}))
    assert [(c.item, c.first, c.second) for c in blank_vs_zero if not c.agrees] == [
        ("2", None, MissingReason.DECLINED)]


def test_who_was_wrong() -> None:
    def item(first: Keyed, second: Keyed, truth: Keyed, resolved: bool = True) -> de.ComparedItem:
        return de.ComparedItem(1, "midas", "q1", first, "a", second, "b", resolved, truth)

    assert item(2, 3, 2).wrong() == (False, True)
    assert item(2, 3, 3).wrong() == (True, False)
    assert item(2, 3, 5).wrong() == (True, True)
    assert item(2, 3, None).wrong() == (True, True)  # the paper has no answer
    assert item(2, 3, None, resolved=False).wrong() == (False, False)  # nobody blamed yet
    assert item(2, 2, 2).wrong() == (False, False)


def test_agreement_by_hand() -> None:
    items = [de.ComparedItem(1, "midas", i, 1, "ann", 1, "bob") for i in MIDAS.item_ids]
    items[0] = de.ComparedItem(1, "midas", "q1", 1, "ann", 7, "bob", True, 1)
    items += [de.ComparedItem(2, "fss", i, 4, "bob", 4, "cid") for i in FSS.item_ids]
    items[-1] = de.ComparedItem(2, "fss", "9", 4, "bob", 5, "cid")  # open
    rows = {(r.user, r.instrument): r for r in de.agreement(items)}
    assert [(r.user, r.instrument) for r in de.agreement(items)] == [
        ("ann", "midas"), ("ann", "all"), ("bob", "midas"), ("bob", "fss"), ("bob", "all"),
        ("cid", "fss"), ("cid", "all"), ("all", "midas"), ("all", "fss"), ("all", "all")]
    bob = rows[("bob", "all")]
    assert (bob.visits, bob.fields, bob.differences, bob.errors, bob.unresolved) == (
        2, 16, 2, 1, 1)
    assert bob.errors_per_1000 == Decimal("62.5") and bob.agreement_pct == Decimal("87.5")
    assert rows[("ann", "midas")].errors == 0
    assert rows[("all", "all")].fields == 32
    assert de.Agreement("x", "all", 0, 0, 0, 0, 0).errors_per_1000 is None


@st.composite
def compared_items(draw: st.DrawFn) -> list[de.ComparedItem]:
    users = ["ann", "bob", "cid"]
    out = []
    for visit in range(draw(st.integers(1, 4))):
        first_by, second_by = draw(st.permutations(users))[:2]
        for instrument in (MIDAS, FSS):
            for item_id in instrument.item_ids:
                first, second = draw(KEYED), draw(KEYED)
                resolved = draw(st.booleans()) and encode(first) != encode(second)
                truth = draw(st.sampled_from([first, second, draw(KEYED)])) if resolved else None
                out.append(de.ComparedItem(visit, instrument.id, item_id, first, first_by,
                                           second, second_by, resolved, truth))
    return out


@given(compared_items())
def test_agreement_counts_add_up(items: list[de.ComparedItem]) -> None:
    rows = de.agreement(items)
    by = {(r.user, r.instrument): r for r in rows}
    total = by[(de.ALL, de.ALL)]
    differing = [it for it in items if not it.agrees]
    assert total.fields == 2 * len(items)  # every item is keyed twice
    assert total.differences == 2 * len(differing)
    assert total.unresolved == 2 * sum(1 for it in differing if not it.resolved)
    assert total.errors == sum(sum(it.wrong()) for it in items)
    users = [r for r in rows if r.user != de.ALL and r.instrument == de.ALL]
    for field in ("fields", "differences", "errors", "unresolved"):
        assert sum(getattr(r, field) for r in users) == getattr(total, field)
        per_instrument = [r for r in rows if r.user == de.ALL and r.instrument != de.ALL]
        assert sum(getattr(r, field) for r in per_instrument) == getattr(total, field)
    for r in rows:
        assert 0 <= r.errors <= r.differences <= r.fields
        assert r.unresolved <= r.differences
        assert r.agreement_pct is not None and Decimal(0) <= r.agreement_pct <= Decimal(100)
    assert de.status_after(items) is (de.Status.VERIFIED if all(it.agrees or it.resolved
                                                                for it in items)
                                      else de.Status.UNRESOLVED)


def test_who_may_resolve() -> None:
    assert de.may_resolve("cid", ["ann", "bob"], clinician=False)
    assert not de.may_resolve("ann", ["ann", "bob"], clinician=False)
    assert de.may_resolve("ann", ["ann", "bob"], clinician=True)


def test_export_codes() -> None:
    assert de.export_code(None) == "single_entry"
    assert [de.export_code(s) for s in de.Status] == [
        "awaiting_second_entry", "differences_unresolved", "verified"]
    assert set(de.EXPORT_CODES) == {"single_entry", "awaiting_second_entry",
                                    "differences_unresolved", "verified"}
