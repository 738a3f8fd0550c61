"""Database health: schema version and objects, SQLite integrity, the keyed change and access
logs, their anchors outside the database and in the backups, and a replay of the change log
against every stored row. Read-only: ``proapp check`` opens the database with ``read_only``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from proapp.db import accesslog, changelog, installation, keys, schema, server
from proapp.db.engine import Database
from proapp.db.errors import Damaged
from proapp.db.migrate import head_revision
from proapp.db.models import (
    AccessLog,
    Answer,
    ChangeLog,
    FlowRow,
    Patient,
    Procedure,
    User,
    Visit,
)
from proapp.services.integrity import backup
from proapp.services.integrity.early import Early
from proapp.services.integrity.replay import Discrepancy, compare
from proapp.services.integrity.visit_texts import Unexplained

MAX_DISCREPANCY_LINES = 50


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
    schema_problems: list[str] = field(default_factory=list)
    key_problem: str | None = None
    access_rows_checked: int = 0
    access_break: changelog.ChainBreak | None = None
    anchor_problems: list[str] = field(default_factory=list)
    anchor_note: str | None = None
    discrepancies: list[Discrepancy] = field(default_factory=list)
    replay_problem: str | None = None  # the stored rows could not be read back

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and self.log_break is None
                and self.schema == self.schema_head and not self.schema_problems
                and self.key_problem is None and self.access_break is None
                and not self.anchor_problems and not self.discrepancies
                and self.replay_problem is None
                and (self.anchor is None or self.anchor.problem is None))

    def lines(self) -> list[str]:
        out = [f"database: {self.database}",
               f"schema version: {self.schema} (this app: {self.schema_head})",
               "integrity check: " + ("ok" if self.integrity == ["ok"]
                                      else "FAILED: " + "; ".join(self.integrity[:20]))]
        out.append("schema objects: ok" if not self.schema_problems else
                   "schema objects: TAMPERED: " + "; ".join(self.schema_problems))
        if self.key_problem is not None:
            out.append(f"integrity key: PROBLEM: {self.key_problem}")
        if self.log_break is None:
            out.append(f"change log: ok ({self.log_rows_checked} rows, "
                       + ("keyed chain intact)" if self.key_problem is None
                          else "plain chain intact, MACs not verified)"))
        else:
            out.append(f"change log: TAMPERED at row {self.log_break.row_id}: "
                       f"{self.log_break.problem}")
        if self.access_break is None:
            out.append(f"access log: ok ({self.access_rows_checked} rows)")
        else:
            out.append(f"access log: TAMPERED at row {self.access_break.row_id}: "
                       f"{self.access_break.problem}")
        if self.anchor_problems:
            out += [f"anchor: TAMPERED: {p}" for p in self.anchor_problems]
        elif self.anchor_note:
            out.append(f"anchor: {self.anchor_note}")
        if self.anchor is not None:
            out.append(f"change log against newest backup: TAMPERED: {self.anchor.problem}"
                       if self.anchor.problem else
                       f"change log against newest backup ({self.anchor.backup.name}): ok, "
                       f"row {self.anchor.last_id} present and unchanged")
        if self.replay_problem is not None:
            out.append(f"stored rows against the change log: NOT CHECKED: {self.replay_problem}")
        elif not self.discrepancies:
            out.append("stored rows against the change log: ok (every row explained)")
        else:
            out.append(f"stored rows against the change log: TAMPERED: "
                       f"{len(self.discrepancies)} difference(s) the log does not explain")
            out += [f"  {d.line()}" for d in self.discrepancies[:MAX_DISCREPANCY_LINES]]
            if len(self.discrepancies) > MAX_DISCREPANCY_LINES:
                out.append(f"  ... and {len(self.discrepancies) - MAX_DISCREPANCY_LINES} more")
        out += [f"{name}: {n}" for name, n in self.counts.items()]
        return out


def _revision(s: Session) -> str | None:
    try:
        value = s.scalar(text("SELECT version_num FROM alembic_version"))
        return None if value is None else str(value)
    except Exception:  # no such table: not a proapp database at all (refused before this)
        return None


def _head_problems(db: Database, where: str, heads: tuple[tuple[int, str], tuple[int, str]]
                   ) -> list[str]:
    """The rows a record outside the database saw must still be there, unchanged."""
    problems: list[str] = []
    with db.read() as s:
        for name, model, (anchored_id, anchored_mac) in (
                ("change log", ChangeLog, heads[0]), ("access log", AccessLog, heads[1])):
            if not anchored_id:
                continue
            stored = s.scalar(select(model.hash).where(model.id == anchored_id))
            if stored is None:
                problems.append(f"{name} row {anchored_id}, recorded by {where}, is missing: "
                                "the newest rows were removed (truncated)")
            elif stored != anchored_mac:
                problems.append(f"{name} row {anchored_id} differs from the one recorded by "
                                f"{where}: the log was rewritten or recomputed")
    return problems


def _anchor_problems(db: Database, chain: installation.ChainKey
                     ) -> tuple[list[str], str | None]:
    anchor = keys.read_anchor(chain.installation, db.display_name)
    if anchor is None:
        return [], "none on this computer yet (it is written at the next change)"
    problems = _head_problems(db, "this computer's anchor", (
        (anchor.log_id, anchor.log_mac), (anchor.access_id, anchor.access_mac)))
    return problems, (f"ok (change log row {anchor.log_id}, access log row "
                      f"{anchor.access_id} present and unchanged)")


def _metadata_problems(db: Database, chain: installation.ChainKey, newest: Path) -> list[str]:
    meta = backup.read_metadata(newest, chain)
    if meta is None:
        return []
    if meta.get("forged"):
        return [f"the metadata of backup {newest.name} does not verify with the key (forged)"]
    return _head_problems(db, f"the metadata of backup {newest.name}", (
        (int(str(meta["log_id"])), str(meta["log_mac"])),
        (int(str(meta["access_id"])), str(meta["access_mac"]))))


def _integrity(db: Database) -> list[str]:
    with db.read() as s:
        return [r[0] for r in s.execute(text("PRAGMA integrity_check"))]


def _unexplained(db: Database, half: int) -> Unexplained | None:
    """The visits of ``half`` SQLite cannot explain by their one logged snapshot (see
    :mod:`.visit_texts`), or None when the rows cannot be read (the replay says so)."""
    from proapp.services.integrity.visit_texts import unexplained_in

    try:
        with db.read() as s:
            return unexplained_in(s.connection().connection.dbapi_connection, half)
    except Damaged:
        return None


def run_check(db: Database, early: Early | None = None) -> CheckReport:
    """SQLite's integrity check and the comparison of the visits with their logged snapshots
    (:mod:`.visit_texts`) run on connections of their own in two more threads while this
    one counts the rows, compares the schema and walks the change log's chain: SQLite works
    without Python's lock, so they share both cores. ``early``: the same two, started before
    the database was opened (:mod:`.early`), used if they are on this very file."""
    integrity = ["ok"]
    pool = None
    pending: Callable[[], list[str] | None] | None = None
    unexplained = None
    if db.engine.dialect.name == "sqlite":
        if early is not None and db.path is not None and early.path == db.path.resolve():
            pending, unexplained = early.integrity, early.unexplained
        else:
            from proapp.services.integrity.visit_texts import combined

            pool = ThreadPoolExecutor(max_workers=3)
            halves = [pool.submit(_unexplained, db, 0), pool.submit(_unexplained, db, 1)]
            pending = pool.submit(_integrity, db).result

            def unexplained() -> Unexplained | None:
                return combined([h.result() for h in halves])
    schema_problems: list[str] = []
    key_problem: str | None = None
    chain: installation.ChainKey | None = None
    with db.read() as s:
        revision = _revision(s)
        if db.engine.dialect.name == "sqlite":
            if revision is not None:
                raw = s.connection().exec_driver_sql(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master").all()
                actual = frozenset(schema.SchemaObject(t, n, tb, schema._normalise(q))
                                   for t, n, tb, q in raw
                                   if not schema._SQLITE_INTERNAL.match(n))
                schema_problems = schema.compare(actual, revision).lines()
        else:  # the server checks its own storage; this checks what proapp relies on
            integrity = server.integrity(s.connection())
            schema_problems = server.schema_problems(s.connection())
        counts = {name: s.scalar(select(func.count()).select_from(model)) or 0
                  for name, model in (("patients", Patient), ("procedures", Procedure),
                                      ("visits", Visit), ("answers", Answer),
                                      ("flow measurements", FlowRow), ("users", User),
                                      ("change log rows", ChangeLog))}
        counts["complete visits"] = s.scalar(
            select(func.count()).select_from(Visit).where(Visit.status == "complete")) or 0
        has_installation_table = db.engine.dialect.has_table(s.connection(), "installation")
        row = installation.read_row(s.connection()) if has_installation_table else None
        if has_installation_table and row is None:
            key_problem = ("the installation record is missing: the change log cannot be "
                           "verified and was probably rewritten without the key")
        elif row is not None:
            key = keys.load_key(row.id)
            if key is None:
                key_problem = (f"the integrity key of installation {row.id} is not installed on "
                               f"this computer ({keys.key_dir()}); install it with `proapp key "
                               "import FILE`")
            else:
                key_problem = installation.seal_problem(row, key)
                if key_problem is None:
                    chain = installation.ChainKey(row.id, key, row.keyed_from, row.legacy_head)
        if row is not None and chain is None:
            checked, broken = 0, None  # keyed rows cannot be verified: key_problem says why
        else:
            checked, broken = changelog.verify_chain(s, chain)
        access_checked, access_broken = (
            accesslog.verify(s, chain) if chain is not None else (0, None))
    discrepancies: list[Discrepancy] = []
    replay_problem = None
    try:  # every stored row is read back: a damaged page stops it, the integrity check says where
        with db.read() as s:
            discrepancies = compare(s, unexplained)
    except Damaged:
        replay_problem = "the stored rows cannot all be read back (the file is damaged)"
    if pending is not None:
        integrity = pending() or _integrity(db)  # (early's failed: here, with its error)
    if pool is not None:
        pool.shutdown()
    report = CheckReport(db.display_name, revision, head_revision(), integrity, counts, checked,
                         broken, None, schema_problems, key_problem, access_checked,
                         access_broken, discrepancies=discrepancies,
                         replay_problem=replay_problem)
    if chain is not None:
        report.anchor_problems, report.anchor_note = _anchor_problems(db, chain)
    own = chain.installation if chain is not None else (row.id if row is not None else None)
    for other in keys.anchors_for_database(db.display_name):
        if other.installation != own:
            report.anchor_problems.append(
                f"this computer last wrote the database at this path as installation "
                f"{other.installation} (change log row {other.log_id}); the file now is "
                + (f"installation {own}" if own else "without an installation record")
                + ": it was replaced by another database")
    newest = backup.newest_backup(db)
    report.anchor = backup.compare_with_backup(db, newest) if newest is not None else None
    if newest is not None and chain is not None:
        report.anchor_problems += _metadata_problems(db, chain, newest)
    return report
