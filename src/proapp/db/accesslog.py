"""The access log: every sign-in, failed sign-in, lock and unlock, append-only and keyed.

Same construction as the change log (:mod:`proapp.db.changelog`): triggers refuse UPDATE and
DELETE, each row's MAC covers its fields and the previous row's MAC, made with the
installation's key; its newest row is anchored outside the database like the change log's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from proapp.db import changelog, keys
from proapp.db.installation import GENESIS, ChainKey
from proapp.db.models import AccessLog

FIELDS = ("at", "user_id", "username", "event", "detail")
SIGN_IN, FAILURE, LOCKED, UNLOCKED = "sign-in", "failure", "locked", "unlocked"


def _payload(prev: str, row: Mapping[str, Any]) -> str:
    return json.dumps(["access", prev, *(row.get(f) for f in FIELDS)], ensure_ascii=False,
                      separators=(",", ":"))


def append(session: Session, *, user_id: int | None, username: str, event: str,
           detail: str | None = None) -> None:
    chain = changelog.chain_of(session)
    if session.get_bind().dialect.name == "postgresql":
        session.connection().exec_driver_sql("LOCK TABLE access_log IN EXCLUSIVE MODE")
    prev = session.scalar(select(AccessLog.hash).order_by(AccessLog.id.desc()).limit(1)) \
        or GENESIS
    row: dict[str, Any] = {"at": changelog.now_utc(), "user_id": user_id,
                           "username": username[:64], "event": event, "detail": detail}
    row["prev_hash"] = prev
    row["hash"] = keys.mac(chain.key, _payload(prev, row))
    session.execute(insert(AccessLog), [row])
    changelog.mark_appended(session, "access_log")


def verify(session: Session, chain: ChainKey) -> tuple[int, changelog.ChainBreak | None]:
    prev = GENESIS
    checked = 0
    for r in session.execute(select(AccessLog).order_by(AccessLog.id)).scalars():
        values = {f: getattr(r, f) for f in FIELDS}
        if r.prev_hash != prev:
            return checked, changelog.ChainBreak(r.id, "does not follow the row before it "
                                                 "(a row was removed or inserted)")
        if r.hash != keys.mac(chain.key, _payload(prev, values)):
            return checked, changelog.ChainBreak(r.id, "its content was changed after it was "
                                                 "written, or it was written without the key")
        prev = r.hash
        checked += 1
    return checked, None
