"""The patient's language: stored, changed (and logged) like every patient fact, exported and
imported after the CSV contract columns, described in the data dictionary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.conftest import make_facts
from tests.services.exchange.helpers import NURSE, read_csv, write_csv
from tests.services.exchange.test_import import P_HEADER, patient_row

from proapp.db.engine import Database
from proapp.domain.language import Language
from proapp.domain.validation import ValidationError
from proapp.services import patients
from proapp.services.exchange.columns import PATIENT_CONTRACT
from proapp.services.exchange.export import run_export
from proapp.services.exchange.importer import import_folder


def test_language_is_a_patient_fact_with_english_by_default(db: Database) -> None:
    pid = patients.create_patient(db, NURSE, make_facts())
    rec = patients.get_patient(db, pid)
    assert rec.facts.language is Language.ENGLISH
    patients.update_patient(db, NURSE, pid, replace(rec.facts, language=Language.ITALIAN))
    assert patients.get_patient(db, pid).facts.language is Language.ITALIAN
    with db.engine.connect() as conn:
        logged = conn.exec_driver_sql(
            "SELECT field, old_value, new_value FROM change_log WHERE action = 'update'").all()
    assert list(logged) == [("language", "en", "it")]


def test_a_language_proapp_does_not_speak_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="Language must be one of en, it"):
        patients.create_patient(db, NURSE, make_facts(language="de"))


def test_exported_after_the_contract_and_described(db: Database, tmp_path: Path) -> None:
    patients.create_patient(db, NURSE, make_facts("A-1", language=Language.ITALIAN))
    patients.create_patient(db, NURSE, make_facts("B-1"))
    run_export(db, NURSE, "csv", tmp_path / "out")
    rows = read_csv(tmp_path / "out" / "patients.csv")
    header = list(rows[0])
    assert header[:len(PATIENT_CONTRACT)] == list(PATIENT_CONTRACT)
    assert header.index("language") >= len(PATIENT_CONTRACT)
    assert [(r["patient_code"], r["language"]) for r in rows] == [("A-1", "it"), ("B-1", "en")]
    dictionary = {r["column"]: r for r in read_csv(tmp_path / "out" / "data_dictionary.csv")
                  if r["file"] == "patients.csv"}
    assert "it = Italiano" in dictionary["language"]["codes"]


def _folder(tmp_path: Path, rows: list[list[object]], languages: list[str] | None) -> Path:
    header = [*P_HEADER, "language"] if languages is not None else P_HEADER
    if languages is not None:
        rows = [[*r, lang] for r, lang in zip(rows, languages, strict=True)]
    d = tmp_path / "in"
    write_csv(d / "patients.csv", header, rows)
    return d


def test_imported_language_blank_means_english_for_a_new_patient(db: Database,
                                                                 tmp_path: Path) -> None:
    d = _folder(tmp_path, [patient_row("N-1"), patient_row("N-2")], ["it", ""])
    assert import_folder(db, NURSE, d).applied
    assert patients.find_by_code(db, "N-1").facts.language is Language.ITALIAN
    assert patients.find_by_code(db, "N-2").facts.language is Language.ENGLISH


def test_a_file_without_the_column_leaves_an_existing_patients_language(
        db: Database, tmp_path: Path) -> None:
    assert import_folder(db, NURSE, _folder(tmp_path, [patient_row("N-1")], ["it"])).applied
    report = import_folder(db, NURSE, _folder(tmp_path, [patient_row("N-1")], None))
    assert report.ok and report.patients_unchanged == 1
    assert patients.find_by_code(db, "N-1").facts.language is Language.ITALIAN


def test_a_changed_language_needs_update_and_a_bad_code_is_an_error(db: Database,
                                                                  tmp_path: Path) -> None:
    assert import_folder(db, NURSE, _folder(tmp_path, [patient_row("N-1")], ["it"])).applied
    report = import_folder(db, NURSE, _folder(tmp_path, [patient_row("N-1")], ["en"]))
    assert not report.ok and any(f.column == "language" and f.rule == "patient.differs"
                                 for f in report.errors)
    assert import_folder(db, NURSE, _folder(tmp_path, [patient_row("N-1")], ["en"]),
                         update=True).applied
    assert patients.find_by_code(db, "N-1").facts.language is Language.ENGLISH
    report = import_folder(db, NURSE, _folder(tmp_path, [patient_row("N-2")], ["de"]))
    assert not report.ok and any(f.column == "language" for f in report.errors)


def test_the_questionnaire_language_of_a_visit_survives_export_and_import(
        db: Database, tmp_path: Path) -> None:
    from datetime import date

    from proapp.db.migrate import open_database
    from proapp.domain.patient import ProcedureFacts
    from proapp.domain.visit import VisitContent
    from proapp.services import visits

    pid = patients.create_patient(db, NURSE, make_facts("Q-1"),
                                  [ProcedureFacts(date(2014, 3, 10))])
    content = VisitContent({"fss": {str(n): 4 for n in range(1, 10)}},
                           skipped={"midas": "not today", "flow": "no ultrasound"})
    visits.save_visit(db, NURSE, visits.VisitDraft(pid, "baseline", date(2014, 3, 1), content,
                                                   text_language=Language.ITALIAN),
                      complete=True)
    run_export(db, NURSE, "csv", tmp_path / "out")
    (row,) = read_csv(tmp_path / "out" / "visits.csv")
    assert row["questionnaire_language"] == "it"
    fresh = open_database(tmp_path / "fresh.db")
    try:
        assert import_folder(fresh, NURSE, tmp_path / "out").applied
        (v,) = visits.visits_of(fresh, patients.find_by_code(fresh, "Q-1").id)
        assert v.text_language is Language.ITALIAN
    finally:
        fresh.dispose()


def test_the_log_proves_the_language_and_patients_logged_before_it_have_english(
        db: Database) -> None:
    """The integrity check replays the change log: a language changed behind proapp's back
    is reported; a patient whose insert was logged before patients had a language (the
    migration gave them English) is not."""
    from tests.support import sql

    from proapp.services.integrity.replay import compare

    pid = patients.create_patient(db, NURSE, make_facts())
    with db.read() as s:
        assert compare(s) == []
    sql.drop_log_triggers(db)
    with db.engine.begin() as conn:  # the insert as an older proapp logged it
        snapshot = conn.exec_driver_sql(
            "SELECT id, new_value FROM change_log WHERE entity = 'patient'").one()
        older = snapshot[1].replace(', "language": "en"', "")
        assert older != snapshot[1] and "language" not in older
        conn.execute(text("UPDATE change_log SET new_value = :value WHERE id = :id"),
                     {"value": older, "id": snapshot[0]})  # bound the same on both back-ends
    with db.read() as s:
        assert compare(s) == []
    sql.execute(db, f"UPDATE patient SET language = 'it' WHERE id = {pid}")
    with db.read() as s:
        found = compare(s)
    assert [(d.table, d.field, d.stored, d.logged) for d in found] == [
        ("patient", "language", "it", None)]
