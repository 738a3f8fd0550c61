"""The access log: every sign-in, failed sign-in, lock and unlock, append-only and keyed.

Same construction as the change log (:mod:`proapp.db.changelog`): triggers refuse UPDATE and
DELETE, each row's MAC covers its fields and the previous row's MAC, made with the
installation's key; its newest row is anchored outside the database like the change log's.

Written and read in plain SQL (:mod:`proapp.db.tables`), on an ORM session or a plain
connection alike: a command's sign-in writes its row without importing the ORM.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select, text

from proapp.db import keys
from proapp.db.installation import GENESIS, ChainBreak, ChainKey, now_utc
from proapp.db.tables import access_log

# PostgreSQL: one appender at a time (the chain has one predecessor per row)
_LOCK = text("LOCK TABLE access_log IN EXCLUSIVE MODE")

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FIELDS = ("at", "user_id", "username", "event", "detail")
SIGN_IN, FAILURE, LOCKED, UNLOCKED = "sign-in", "failure", "locked", "unlocked"


def _payload(prev: str, row: Mapping[str, Any]) -> str:
    return json.dumps(["access", prev, *(row.get(f) for f in FIELDS)], ensure_ascii=False,
                      separators=(",", ":"))


def append_row(conn: Connection | Session, chain: ChainKey, *, user_id: int | None,
               username: str, event: str, detail: str | None = None) -> None:
    """Append a row in the caller's write transaction (``conn``: a plain connection or an
    ORM session), chained on the newest row and keyed with ``chain``."""
    dialect = conn.dialect if isinstance(conn, Connection) else conn.get_bind().dialect
    if dialect.name == "postgresql":
        conn.execute(_LOCK)
    prev = conn.scalar(select(access_log.c.hash).order_by(access_log.c.id.desc()).limit(1)) \
        or GENESIS
    row: dict[str, Any] = {"at": now_utc(), "user_id": user_id, "username": username[:64],
                           "event": event, "detail": detail}
    row["prev_hash"] = prev
    row["hash"] = keys.mac(chain.key, _payload(prev, row))
    conn.execute(insert(access_log).values(row))


def append(session: Session, *, user_id: int | None, username: str, event: str,
           detail: str | None = None) -> None:
    """:func:`append_row` in a :meth:`proapp.db.engine.Database.write` session (which knows
    the key and moves the anchor after the commit)."""
    from proapp.db import changelog

    append_row(session, changelog.chain_of(session), user_id=user_id, username=username,
               event=event, detail=detail)
    changelog.mark_appended(session, "access_log")


def head(conn: Connection | Session) -> tuple[int, str] | None:
    """(id, MAC) of the newest row, for the anchor."""
    row = conn.execute(select(access_log.c.id, access_log.c.hash)
                       .order_by(access_log.c.id.desc()).limit(1)).first()
    return (int(row[0]), str(row[1])) if row is not None else None


def verify(conn: Connection | Session, chain: ChainKey) -> tuple[int, ChainBreak | None]:
    prev = GENESIS
    checked = 0
    c = access_log.c
    for row_id, prev_hash, stored, *values in conn.execute(
            select(c.id, c.prev_hash, c.hash, *(c[f] for f in FIELDS)).order_by(c.id)):
        if prev_hash != prev:
            return checked, ChainBreak(row_id, "does not follow the row before it "
                                       "(a row was removed or inserted)")
        if stored != keys.mac(chain.key, _payload(prev, dict(zip(FIELDS, values,
                                                                 strict=True)))):
            return checked, ChainBreak(row_id, "its content was changed after it was "
                                       "written, or it was written without the key")
        prev = stored
        checked += 1
    return checked, None
