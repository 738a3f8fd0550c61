"""A consistent copy of the database as one SQLite file, taken with SQLite's online backup API
while the application (or another workstation) may be writing: readers and writers are not
blocked for long, and the copy is one point-in-time snapshot, checked with ``PRAGMA
integrity_check``. A server database is copied row by row from one snapshot (transfer.py)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from proapp.db.engine import Database
from proapp.db.models import Base
from proapp.db.sqlite_files import CopyCheckFailed, copy_database
from proapp.services.errors import UserError
from proapp.services.progress import Progress

PAGES_PER_STEP = 256


def backup_to(db: Database, target: Path, progress: Progress | None = None) -> None:
    """Copy ``db`` to ``target`` (a fresh file) page by page, reporting progress."""
    source_path = db.path
    if source_path is None:
        _copy_from_server(db, target, progress)
        return

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress.report(done, total, "Copying the database")

    try:
        copy_database(source_path, target, check="integrity_check", progress=step,
                      pages_per_step=PAGES_PER_STEP)
    except CopyCheckFailed as exc:
        raise UserError(f"The copy failed SQLite's integrity check: {exc.result}") from None
    strip_credentials(target)


def strip_credentials(copy: Path) -> None:
    """Credentials stay with the database: a copy never carries a password hash (the column
    is emptied, then VACUUM rewrites the file so the freed pages hold no trace of them)."""
    con = sqlite3.connect(copy, isolation_level=None)
    try:
        con.execute("UPDATE user_account SET password_hash = NULL")
        con.execute("VACUUM")
    finally:
        con.close()


def _copy_from_server(db: Database, target: Path, progress: Progress | None) -> None:
    """A server database into a new SQLite file: the same snapshot-and-compare copy as
    ``proapp db copy`` (row counts and the change log's chain checked before it is kept)."""
    from proapp.db.engine import sqlite_url
    from proapp.services.integrity.transfer import copy_database

    total = len(Base.metadata.sorted_tables)
    done: list[str] = []

    def step(table: str, _rows: int) -> None:
        if table not in done:
            done.append(table)
        if progress is not None:
            progress.report(len(done) - 1, total, "Copying the database")

    copy_database(db.url, sqlite_url(target), step)
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA journal_mode = DELETE")  # a self-contained single file
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    if result != "ok":
        raise UserError(f"The copy failed SQLite's integrity check: {result}")
    strip_credentials(target)  # as for a copy of a SQLite database: no password hash leaves


def write_schema_dictionary(db: Database, path: Path) -> None:
    """What the copy holds: each table and column with its type and whether it may be empty."""
    insp = inspect(db.engine)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(("table", "column", "type", "nullable", "primary_key", "meaning"))
        for table in Base.metadata.sorted_tables:
            if not insp.has_table(table.name):
                continue
            doc = (table.info.get("doc") or "")
            for col in table.columns:
                w.writerow((table.name, col.name, str(col.type), "yes" if col.nullable else "no",
                            "yes" if col.primary_key else "no", _meaning(table.name, col.name,
                                                                         doc)))


_MEANINGS = {
    ("flow_measurement", "flow_ml_min"): "IJV flow entered in mL/min, stored as an integer "
    "count of 0.1 mL/min (6125 = 612.5)",
    ("flow_measurement", "velocity_cm_s"): "mean velocity, stored in 0.01 cm/s units",
    ("flow_measurement", "area_cm2"): "cross-sectional area, stored in 0.001 cm2 units",
    ("answer", "value"): "the item answer; NULL with missing_reason when not answered",
    ("user_account", "password_hash"): "always empty in a copy: password hashes never leave "
    "the database",
    ("change_log", "hash"): "HMAC-SHA256 (installation key, kept outside the database) of the "
    "row chained to the previous row's MAC",
}


def _meaning(table: str, column: str, doc: str) -> str:
    return _MEANINGS.get((table, column), doc)
