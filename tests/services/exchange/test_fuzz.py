"""Hypothesis: hostile cell values never crash the import and never store invalid data."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.services.exchange.helpers import NURSE, digest, write_csv

from proapp.db.engine import Database
from proapp.domain.answers import ParseError
from proapp.domain.patient import validate_patient
from proapp.domain.validation import errors
from proapp.domain.visit import validate_visit
from proapp.services import patients, visits
from proapp.services.exchange import cells
from proapp.services.exchange.columns import PATIENT_COLUMNS, VISIT_COLUMNS, Kind
from proapp.services.exchange.importer import import_folder

HOSTILE = st.one_of(
    st.sampled_from([
        "NaN", "nan", "sNaN", "inf", "-Infinity", "1e400", "1E-400", "-0", "+7", " 7 ", "7.0",
        "0x1F", "1_000", "'; DROP TABLE patient; --", "1; DELETE FROM visit", "=1+1",
        "=HYPERLINK(\"http://evil\")", "@SUM(A1)", "\x00", "\r\n", "\u202e12", "٣", "７",
        "½", "ⅷ", "2014-02-29", "9999-12-31", "0000-01-01", "2014-1-1", "", " ", "'",
        "9" * 50, "1" * 41, "3000.05", "2999.95", "-0.0", "0.1e1", "1,5", "1.000,5",
    ]),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=40),
    st.integers(min_value=100, max_value=200_000).map(lambda n: "x" * n),
)
P_NAMES = [c.name for c in PATIENT_COLUMNS]
V_NAMES = [c.name for c in VISIT_COLUMNS]


@settings(max_examples=400, deadline=None)
@given(column=st.sampled_from([*PATIENT_COLUMNS, *VISIT_COLUMNS]), raw=HOSTILE)
def test_cell_parsing_only_accepts_clean_values(column, raw: str) -> None:
    try:
        value = cells.parse(column, raw)
    except ParseError:
        return
    if value is None:
        return
    if column.kind is Kind.INTEGER:
        assert type(value) is int
    elif column.kind is Kind.DECIMAL:
        assert isinstance(value, Decimal)
        assert value.is_finite()
        assert value == value.quantize(Decimal(1).scaleb(-column.places))
    elif column.kind is Kind.DATE:
        assert isinstance(value, date)
    elif column.kind is Kind.BOOLEAN:
        assert value in (True, False)
    else:
        assert isinstance(value, str)


def _value_of(kind: Kind) -> st.SearchStrategy[object]:
    """Values the export holds for a column of this kind (what dataset rows carry)."""
    return {
        Kind.INTEGER: st.integers(-10**12, 10**12),
        Kind.DECIMAL: st.decimals(min_value=-10**6, max_value=10**6, places=4),
        Kind.DATE: st.dates(),
        Kind.BOOLEAN: st.booleans(),
    }.get(kind, st.one_of(st.text(max_size=12), st.sampled_from(["=1+1", "'x", "-3", "@a"])))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_remembered_cell_texts_are_the_texts_of_the_values(data: st.DataObject) -> None:
    """The export's per-column formatters remember texts by value: whatever the order and
    repetitions (also past the memo's bound), each cell is ``to_text`` of its value."""
    column = data.draw(st.sampled_from([*PATIENT_COLUMNS, *VISIT_COLUMNS]))
    values = data.draw(st.lists(st.one_of(st.none(), _value_of(column.kind)), max_size=40))
    fmt = cells.formatter(column)
    for v in values + values[::-1]:
        assert fmt(v) == cells.to_text(column, v), (column.name, v)


def test_the_remembered_texts_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cells._Texts, "LIMIT", 50)
    column = next(c for c in VISIT_COLUMNS if c.kind is Kind.DECIMAL)
    fmt = cells.formatter(column)
    memo = fmt.__self__  # type: ignore[attr-defined]
    for n in range(500):
        assert fmt(Decimal(n)) == cells.to_text(column, Decimal(n))
        assert len(memo) <= 52
    assert fmt(None) == ""


_codes = itertools.count(1)


def _row(names: list[str], values: Mapping[str, object], column: str, raw: str) -> list[object]:
    row = [values.get(n, "") for n in names]
    if column in names:
        row[names.index(column)] = raw
    return row


@pytest.mark.slow
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(column=st.sampled_from(sorted(set(P_NAMES + V_NAMES))), raw=HOSTILE)
def test_hostile_cells_never_crash_or_store_invalid_data(db: Database, tmp_path: Path,
                                                         column: str, raw: str) -> None:
    code = f"F{next(_codes)}"
    folder = tmp_path / code
    p = {"patient_code": code, "family_name": "Test", "given_name": "Fuzz",
         "birth_date": "1970-01-01", "sex": "F", "ms_subtype": "RR", "diagnosis_year": "1990",
         "headache_positive": "1", "fatigue_positive": "1", "pta_date": "2014-03-10"}
    v = {"patient_code": code, "visit_date": "2014-03-10", "visit_label": "pta",
         "flow_supine_left_ml_min": "300.0", "flow_supine_right_ml_min": "250.5"}
    write_csv(folder / "patients.csv", P_NAMES, [_row(P_NAMES, p, column, raw)])
    write_csv(folder / "visits.csv", V_NAMES, [_row(V_NAMES, v, column, raw)])
    before = digest(db)
    report = import_folder(db, NURSE, folder)
    if not report.applied:
        assert report.errors
        assert digest(db) == before
        return
    # whatever was stored passes every domain rule
    for code_ in {code, str(raw).strip()} - {""}:
        try:
            record = patients.find_by_code(db, code_)
        except Exception:
            continue
        assert not errors(validate_patient(record.facts, date.today()))
        for visit in visits.visits_of(db, record.id):
            assert visit.is_complete
            assert not errors(validate_visit(
                visit.label, visit.visit_date, visit.content, today=date.today(),
                birth_date=record.facts.birth_date, pta_date=record.first_pta,
                completing=True))
