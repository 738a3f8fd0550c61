from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import make_facts

from proapp.domain.patient import (
    ProcedureFacts,
    PtaSide,
    _has_control_chars,
    age_on,
    has_control_chars,
    validate_patient,
    validate_procedure,
)

TODAY = date(2026, 11, 24)


def rules(facts) -> list[tuple[str, str]]:
    return [(i.field, i.rule) for i in validate_patient(facts, TODAY) if i.is_error]


def test_valid_patient() -> None:
    assert validate_patient(make_facts(), TODAY) == []


@pytest.mark.parametrize("code", ["", " P1", "P 1", "-P1", "x" * 33, "P1;DROP", "Ünï"])
def test_bad_codes(code: str) -> None:
    assert ("patient.code", "code.format") in rules(make_facts(code))


@pytest.mark.parametrize(("field", "value", "rule"), [
    ("family_name", "", "required"), ("given_name", "   ", "required"),
    ("family_name", "x" * 101, "length"), ("given_name", "Ann\x00a", "characters"),
    ("family_name", "Ro\nssi", "characters"), ("birth_date", None, "required"),
    ("birth_date", date(2027, 1, 1), "date.future"), ("birth_date", date(1899, 12, 31),
                                                      "date.range"),
    ("diagnosis_year", 1970, "range"), ("diagnosis_year", 2027, "range"),
    ("sex", "female", "code"), ("ms_subtype", "CIS", "code"),
    ("headache_positive", 1, "boolean"), ("notes", "a\x07b", "characters"),
])
def test_field_rules(field: str, value: Any, rule: str) -> None:
    assert (f"patient.{field}", rule) in rules(make_facts(**{field: value}))


def test_unicode_names_are_fine() -> None:
    assert rules(make_facts(family_name="Dvořák-Øster", given_name="Łukasz Ñúñez")) == []


def test_young_patient_is_a_warning_only() -> None:
    issues = validate_patient(make_facts(birth_date=date(2020, 1, 1), diagnosis_year=2024), TODAY)
    assert [(i.rule, i.is_error) for i in issues] == [("age.young", False)]


def test_procedure_rules() -> None:
    birth = date(1975, 4, 12)
    assert validate_procedure(ProcedureFacts(date(2014, 3, 10)), birth, TODAY) == []
    future = validate_procedure(ProcedureFacts(date(2027, 1, 1)), birth, TODAY)
    assert [i.rule for i in future] == ["date.future"]
    before = validate_procedure(ProcedureFacts(date(1970, 1, 1)), birth, TODAY)
    assert [i.rule for i in before] == ["date.before_birth"]
    both: Any = "both"  # not a PtaSide, on purpose
    side = validate_procedure(ProcedureFacts(date(2014, 1, 1), both), birth, TODAY)
    assert [i.rule for i in side] == ["code"]
    assert PtaSide("left") is PtaSide.LEFT


@pytest.mark.parametrize(("birth", "day", "age"), [
    (date(1975, 4, 12), date(2014, 4, 11), 38), (date(1975, 4, 12), date(2014, 4, 12), 39),
    (date(2000, 2, 29), date(2021, 2, 28), 20), (date(2000, 2, 29), date(2021, 3, 1), 21),
])
def test_age_on(birth: date, day: date, age: int) -> None:
    assert age_on(birth, day) == age


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=30)
       | st.text(alphabet=st.sampled_from("ab \n\t\r\x00\x7f\u200b\u2028\u00a0\ue000é"),
                 max_size=12))
def test_the_quick_control_character_answer_equals_the_rule(text: str) -> None:
    assert has_control_chars(text) == _has_control_chars(text)
