"""Which installation a database belongs to, and the key that seals its logs.

A database gets its installation row and its key once, in the same transaction that creates or
first migrates it to a schema with the ``installation`` table (see
:func:`proapp.db.migrate.open_database`): from then on every change-log row is keyed. A database
written by an older proapp keeps its earlier rows with their plain SHA-256 chain; the row records
where the keyed part starts and the plain chain's head at that moment, and its own MAC covers
both, so neither can be moved by someone without the key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, text

from proapp.db import keys

log = logging.getLogger(__name__)

GENESIS = "0" * 64


def now_utc() -> str:
    """A log row's time (UTC, microseconds): here, with the chain's other basics, so the
    access log's writer (a command's sign-in) needs no change-log or ORM import."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where a keyed log stops verifying, and why."""

    row_id: int
    problem: str


@dataclass(frozen=True)
class ChainKey:
    """What writing and checking a keyed log needs."""

    installation: str
    key: bytes
    keyed_from: int
    legacy_head: str


def seal_of(key: bytes, installation: str, created_at: str, keyed_from: int,
            legacy_head: str) -> str:
    return keys.mac(key, f"installation|{installation}|{created_at}|{keyed_from}|{legacy_head}")


@dataclass(frozen=True)
class InstallationRow:
    """The ``installation`` row as stored (read in plain SQL: opening a database builds no ORM
    classes, see :mod:`proapp.db.migrate`)."""

    id: str
    created_at: str
    keyed_from: int
    legacy_head: str
    seal: str


_READ_ROW = text("SELECT id, created_at, keyed_from, legacy_head, seal FROM installation")


def read_row(conn: Connection) -> InstallationRow | None:
    rows = conn.execute(_READ_ROW).all()
    if len(rows) != 1:
        return None
    r = rows[0]  # as stored, unconverted (a tampered value must fail the seal, not crash)
    return InstallationRow(r[0], r[1], r[2], r[3], r[4])


def installation_id(conn: Connection) -> str | None:
    row = read_row(conn)
    return row.id if row is not None else None


def load(conn: Connection, database: str) -> ChainKey:
    """The chain key of the database on ``conn``; :class:`keys.KeyMissing` when this computer
    does not hold it."""
    row = read_row(conn)
    if row is None:
        raise keys.KeyMissing(f"The database {database} has no installation record, so its "
                              "change log cannot be sealed; it may have been tampered with. "
                              "Run `proapp check` and restore a backup.")
    key = keys.load_key(row.id)
    if key is None:
        raise keys.KeyMissing(
            f"The integrity key of the database {database} (installation {row.id}) is not "
            f"installed on this computer ({keys.key_dir()}). Nothing was saved. Install it "
            "from the workstation that has it: `proapp key export FILE` there, then "
            "`proapp key import FILE` here (see the README, \"Integrity key\").")
    return ChainKey(row.id, key, row.keyed_from, row.legacy_head)


def install(conn: Connection, now: str) -> ChainKey | None:
    """Create the installation row and its key, inside the caller's (migration) transaction;
    returns None when the database already has one. The key file is written before the row,
    so a process killed in between leaves at most an unused key file, never a database whose
    rows nobody can verify."""
    from sqlalchemy import func, insert, select

    from proapp.db.models import ChangeLog, Installation

    if read_row(conn) is not None:
        return None
    last = conn.execute(select(ChangeLog.id, ChangeLog.hash).order_by(ChangeLog.id.desc())
                        .limit(1)).first()
    keyed_from = (last.id + 1) if last is not None else 1
    legacy_head = last.hash if last is not None else GENESIS
    installation = keys.new_installation_id()
    key = keys.new_key()
    keys.store_key(installation, key)
    conn.execute(insert(Installation).values(
        id=installation, created_at=now, keyed_from=keyed_from, legacy_head=legacy_head,
        seal=seal_of(key, installation, now, keyed_from, legacy_head)))
    legacy = conn.scalar(select(func.count(ChangeLog.id))) or 0
    log.info("integrity key created for installation %s (%d earlier change-log rows kept "
             "with their plain chain)", installation, legacy)
    return ChainKey(installation, key, keyed_from, legacy_head)


def seal_problem(row: InstallationRow, key: bytes) -> str | None:
    """Why the installation row cannot be trusted with ``key``, or None."""
    if row.seal != seal_of(key, row.id, row.created_at, row.keyed_from, row.legacy_head):
        return ("the installation record does not match its MAC: where the keyed change log "
                "starts was changed")
    return None
