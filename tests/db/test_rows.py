"""``plain_rows`` (what ``proapp check`` reads every stored row with) gives exactly the values
a SQLAlchemy result gives: the same tuples, converted by the same column types, also for the
odd values someone with write access to the file can store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from tests.support.staff import PASSWORD

from proapp.db.migrate import open_database
from proapp.db.models import Answer, ChangeLog, FlowRow, Patient, Procedure, User, Visit
from proapp.db.rows import plain_rows
from proapp.services import accounts


def test_every_table_check_reads_comes_back_as_sqlalchemy_reads_it(
        demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    path.write_bytes(demo_template.read_bytes())
    db = open_database(path)
    accounts.create_first_admin(db, "boss", PASSWORD)
    db.dispose()
    con = sqlite3.connect(path)
    with con:  # values SQLite keeps as given in these columns: text, big numbers, 2 for True
        con.execute("UPDATE patient SET headache_positive = 2, diagnosis_year = 'n/a', "
                    "notes = 12 WHERE id = 1")
        con.execute("UPDATE visit SET signed_at = '2015-03-04 05:06:07.000008', "
                    "signed_by_id = 1 WHERE id = 1")
        con.execute("UPDATE visit SET signed_at = '2015-03-04 05:06:07.000000' WHERE id = 2")
        con.execute("UPDATE flow_measurement SET flow_ml_min = -7, area_cm2 = 123456789012 "
                    "WHERE id = 1")
        con.execute("UPDATE answer SET value = '4x' WHERE id = 1")
        con.execute("UPDATE user_account SET active = 1, password_changed_at = NULL")
    con.close()
    db = open_database(path, migrate=False, create=False, read_only=True,
                       verify_schema=False)
    try:
        with db.read() as s:
            conn = s.connection()
            for model in (Patient, Procedure, Visit, Answer, FlowRow, User, ChangeLog):
                stmt = select(*model.__table__.columns)
                expected = [tuple(r) for r in conn.execute(stmt)]
                got = [tuple(r) for r in plain_rows(conn, stmt)]
                assert got == expected, model.__tablename__
                assert [tuple(map(type, r)) for r in got] == [
                    tuple(map(type, r)) for r in expected], model.__tablename__
                assert got, model.__tablename__
    finally:
        db.dispose()


def test_bound_parameters_take_their_values_from_params(demo_template: Path,
                                                        tmp_path: Path) -> None:
    """``replay`` narrows its reads to some visits with a parameter (a JSON array)."""
    from sqlalchemy import bindparam, func, literal_column

    path = tmp_path / "demo.db"
    path.write_bytes(demo_template.read_bytes())
    db = open_database(path, migrate=False, create=False, read_only=True,
                       verify_schema=False)
    try:
        with db.read() as s:
            ids: Any = select(literal_column("value")).select_from(
                func.json_each(bindparam("ids")))
            stmt = select(Visit.id, Visit.visit_date).where(Visit.id.in_(ids),
                                                            Visit.label != "none")
            got = list(plain_rows(s.connection(), stmt, {"ids": "[3, 1, 2]"}))
            assert got == [tuple(r) for r in s.execute(stmt, {"ids": "[3, 1, 2]"})]
            assert sorted(r[0] for r in got) == [1, 2, 3]
            with pytest.raises(InvalidRequestError, match="value is required"):
                list(plain_rows(s.connection(), stmt))
    finally:
        db.dispose()
