"""Shared helpers for the exchange tests: a nurse actor, table digests, CSV writing."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import text

from proapp.db.engine import Database
from proapp.domain.actor import Actor

NURSE = Actor("nurse.exchange", role="nurse")
# A whole-database (sqlite) copy is for administrators (it carries the accounts).
ADMIN = Actor("admin.exchange", role="admin")
TABLES = ("patient", "procedure", "visit", "answer", "skipped_form", "flow_measurement",
          "change_log", "user_account", "setting")


def digest(db: Database) -> str:
    """A digest of every row of every table (change log included)."""
    h = hashlib.sha256()
    with db.engine.connect() as conn:
        for table in TABLES:
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                h.update(json.dumps([str(v) for v in row], ensure_ascii=False).encode())
    return h.hexdigest()


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
