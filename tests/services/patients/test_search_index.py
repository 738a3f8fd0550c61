"""The patient search: every term starts a word of the code, the family or the given name;
the index answers the same as a plain pass over the rows, also while typing on."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from proapp.domain.patient import MsSubtype, Sex
from proapp.services.patients.listing import (
    PatientRow,
    SearchIndex,
    fold,
    search_terms,
    search_words,
)


def row(pid: int, code: str, family: str, given_name: str) -> PatientRow:
    return PatientRow(pid, code, family, given_name, date(1970, 1, 1), Sex.FEMALE,
                      MsSubtype.RR, False, False, False, None, None, None, (), (), 0,
                      fold(f"{code} {family} {given_name}"),
                      search_words(code, family, given_name))


ROWS = [row(1, "P001", "Rossi", "Anna"), row(2, "P002", "Rossi", "Stefano"),
        row(3, "DEMO-0999", "Müller", "Hans-Peter"), row(4, "P004", "Rossi-Bianchi", "Lia"),
        row(5, "P005", "Grossman", "Dan")]


def found(text: str) -> set[int]:
    ids = SearchIndex(ROWS).find(search_terms(text))
    return {r.id for r in ROWS} if ids is None else set(ids)


def test_terms_match_word_starts_of_code_and_names() -> None:
    assert found("ross an") == {1}  # not Rossi Stefano ("an" is inside stefano)
    assert found("ross") == {1, 2, 4}  # not Grossman: "ross" is inside the word
    assert found("muller") == {3}
    assert found("0999") == found("demo-0999") == found("DEMO") == {3}
    assert found("peter") == {3}
    assert found("bianchi lia") == {4}
    assert found("") == {1, 2, 3, 4, 5}
    assert found("zzz") == set()


words = st.text(alphabet="abcdeéüo-1 ", min_size=1, max_size=8)


@settings(max_examples=200)
@given(st.lists(st.tuples(words, words, words), min_size=1, max_size=30),
       st.lists(st.text(alphabet="abcdeo-1", min_size=1, max_size=4), min_size=1,
                max_size=5))
def test_the_index_answers_as_a_pass_over_the_rows(people, typed) -> None:
    rows = [row(i, *p) for i, p in enumerate(people)]
    index = SearchIndex(rows)
    text = ""
    for piece in typed:  # typing on, sometimes a new term
        text = f"{text}{piece}" if len(text) % 2 else f"{text} {piece}"
        terms = search_terms(text)
        assert index.find(terms) == frozenset(r.id for r in rows if r.matches(terms))


@settings(max_examples=200)
@given(st.lists(st.tuples(words, words, words), min_size=1, max_size=20),
       st.lists(st.tuples(st.integers(0, 25), words, words), min_size=1, max_size=10),
       st.text(alphabet="abcdeo-1 ", min_size=1, max_size=6))
def test_rows_changed_after_a_save_are_found_by_their_new_words_only(people, saves,
                                                                     typed) -> None:
    rows = {i: row(i, *p) for i, p in enumerate(people)}
    index = SearchIndex(rows.values())
    entries = len(index)
    for pid, family, given_name in saves:  # a rename, or a new patient (unknown id)
        old = rows.get(pid)
        new = row(pid, old.code if old else f"N{pid}", family, given_name)
        index.update(old, new)
        entries += len(new.words) - (len(old.words) if old else 0)
        rows[pid] = new
    assert len(index) == entries  # every old word removed, every new one added
    terms = search_terms(typed)
    expected = frozenset(r.id for r in rows.values() if r.matches(terms))
    assert index.find(terms) == (expected if terms else None)


names = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=300)
@given(names, names, names)
def test_the_list_folds_each_name_once_and_gets_the_same_key_and_words(
        code: str, family: str, given_name: str) -> None:
    """The list folds code, family and given name once for the search key and the words;
    the same as folding the joined text and splitting every word at its non-word characters
    (what search_words did before it shared the folded parts)."""
    import re

    parts = (fold(code), fold(family), fold(given_name))
    assert " ".join(parts) == fold(f"{code} {family} {given_name}")
    expected: dict[str, None] = {}
    for whole in " ".join(parts).split():
        expected[whole] = None
        expected.update((p, None) for p in re.split(r"[^\w]+", whole) if p)
    assert search_words(code, family, given_name) == tuple(expected)


@settings(max_examples=200)
@given(st.lists(st.tuples(words, words, words), min_size=0, max_size=40))
def test_the_index_holds_every_word_of_every_row_in_word_order(people) -> None:
    """Grouped by word and laid out in word order (no sort of the pairs): the same entries as
    sorting every (word, row) pair, so the binary searches see a sorted list."""
    rows = [row(i, *p) for i, p in enumerate(people)]
    index = SearchIndex(rows)
    pairs = sorted((w, r.id) for r in rows for w in r.words)
    assert index._words == [w for w, _ in pairs]
    assert sorted(zip(index._words, index._ids, strict=True)) == pairs
