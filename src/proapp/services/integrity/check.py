"""Database health: schema version, SQLite integrity, change-log chain, row counts."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from proapp.db import changelog, server
from proapp.db.engine import Database
from proapp.db.migrate import current_revision, head_revision
from proapp.db.models import (
    Answer,
    ChangeLog,
    FlowRow,
    Patient,
    Procedure,
    User,
    Visit,
)
from proapp.services.integrity import backup


@dataclass
class CheckReport:
    database: str
    schema: str | None
    schema_head: str
    integrity: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    log_rows_checked: int = 0
    log_break: changelog.ChainBreak | None = None
    anchor: backup.LogAnchor | None = None

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and self.log_break is None
                and self.schema == self.schema_head
                and (self.anchor is None or self.anchor.problem is None))

    def lines(self) -> list[str]:
        out = [f"database: {self.database}",
               f"schema version: {self.schema} (this app: {self.schema_head})",
               "integrity check: " + ("ok" if self.integrity == ["ok"]
                                      else "FAILED: " + "; ".join(self.integrity[:20]))]
        if self.log_break is None:
            out.append(f"change log: ok ({self.log_rows_checked} rows, hash chain intact)")
        else:
            out.append(f"change log: TAMPERED at row {self.log_break.row_id}: "
                       f"{self.log_break.problem}")
        if self.anchor is not None:
            out.append(f"change log against newest backup: TAMPERED: {self.anchor.problem}"
                       if self.anchor.problem else
                       f"change log against newest backup ({self.anchor.backup.name}): ok, "
                       f"row {self.anchor.last_id} present and unchanged")
        out += [f"{name}: {n}" for name, n in self.counts.items()]
        return out


def _integrity(db: Database) -> list[str]:
    with db.read() as s:
        return [r[0] for r in s.execute(text("PRAGMA integrity_check"))]


def run_check(db: Database) -> CheckReport:
    """SQLite's integrity check runs on its own connection in a second thread while this one
    counts the rows and walks the change log's hash chain: SQLite works without Python's
    lock, so the two use both cores and the whole check takes about as long as the longer."""
    integrity = ["ok"]
    pool = None
    pending = None
    if db.engine.dialect.name == "sqlite":
        pool = ThreadPoolExecutor(max_workers=1)
        pending = pool.submit(_integrity, db)
    with db.read() as s:
        if db.engine.dialect.name != "sqlite":  # the server checks its own storage; this
            integrity = server.integrity(s.connection())  # checks what proapp relies on
        counts = {name: s.scalar(select(func.count()).select_from(model)) or 0
                  for name, model in (("patients", Patient), ("procedures", Procedure),
                                      ("visits", Visit), ("answers", Answer),
                                      ("flow measurements", FlowRow), ("users", User),
                                      ("change log rows", ChangeLog))}
        counts["complete visits"] = s.scalar(
            select(func.count()).select_from(Visit).where(Visit.status == "complete")) or 0
        checked, broken = changelog.verify_chain(s)
    if pending is not None and pool is not None:
        integrity = pending.result()
        pool.shutdown()
    newest = backup.newest_backup(db)
    anchor = backup.compare_with_backup(db, newest) if newest is not None else None
    return CheckReport(db.display_name, current_revision(db), head_revision(), integrity,
                       counts, checked, broken, anchor)
