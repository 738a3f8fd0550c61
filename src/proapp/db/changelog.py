"""The append-only, keyed-chained change log.

Each row's ``hash`` is an HMAC-SHA256, made with the installation's key (kept outside the
database, :mod:`proapp.db.keys`), over its own fields and the previous row's MAC. Editing,
inserting, deleting or recomputing a row anywhere but at the very end breaks the chain at that
row, and without the key nobody can make a row that verifies; ``verify_chain`` names the row.
The very end is guarded by the anchor files and the backups' metadata. Rows written by an older
proapp (before the installation row's ``keyed_from``) keep their plain SHA-256 chain. Appends
happen inside the caller's write transaction (BEGIN IMMEDIATE on SQLite, an advisory lock on
server databases), so two writers can never chain onto the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from proapp.db import keys
from proapp.db.installation import GENESIS as GENESIS
from proapp.db.installation import ChainBreak as ChainBreak
from proapp.db.installation import ChainKey
from proapp.db.installation import now_utc as now_utc
from proapp.db.models import ChangeLog
from proapp.domain.actor import Actor

_LAST_HASH = "proapp_last_log_hash"
CHAIN = "proapp_chain"  # session.info: a callable returning the database's ChainKey
APPENDED = "proapp_appended"  # session.info: the set of logs appended to in this transaction
HASHED_FIELDS = ("at", "user_id", "username", "action", "entity", "entity_id", "patient_id",
                 "visit_id", "field", "old_value", "new_value", "reason")


# The two JSON texts every log row is made of, with encoders built once: ``json.dumps`` with
# options builds a new encoder on each call, a fifth of a bulk log's time. The texts are
# exactly ``json.dumps``'s with the same options (the chain's MACs are over them).
_SNAPSHOT = json.JSONEncoder(sort_keys=True, ensure_ascii=False)
_CHAINED = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _one_shot(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """``encoder.encode`` without the C encoder object that each of its calls builds (a
    tenth of a bulk log's time): the same C encoder, made once, with the same options. No
    circular-reference check (a snapshot and a payload are flat), which changes no text."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None or encoder.indent is not None:
        return encoder.encode
    strings = (json.encoder.encode_basestring_ascii if encoder.ensure_ascii
               else json.encoder.encode_basestring)
    chunks = make(None, encoder.default, strings, None, encoder.key_separator,
                  encoder.item_separator, encoder.sort_keys, encoder.skipkeys,
                  encoder.allow_nan)
    join = "".join

    def encode(value: Any) -> str:
        return join(chunks(value, 0))

    return encode


_snapshot_text, _chained_text = _one_shot(_SNAPSHOT), _one_shot(_CHAINED)


def to_text(value: Any) -> str | None:
    """Canonical text for a logged value: exact decimals, ISO dates, 0/1 for booleans."""
    if value is None:
        return None
    kind = type(value)
    if kind is str:  # the common cases first, by exact type (a bulk import logs millions)
        return value  # type: ignore[no-any-return]
    if kind is int:
        return str(value)
    if kind is Decimal:
        return format(value, "f")
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Mapping):  # a snapshot: mostly texts and whole numbers
        return _snapshot_text({k: v if (t := type(v)) is str else str(v) if t is int
                               else to_text(v) for k, v in value.items()})
    return str(value)


def snapshot_text(texts: Mapping[str, str]) -> str:
    """What :func:`to_text` makes of a snapshot whose values are its canonical texts already
    (a bulk writer that has them at hand: the demo), without converting them again."""
    return _snapshot_text(texts)


_quote = json.encoder.encode_basestring  # the snapshot encoder's own writer of a text
_ORDERS: dict[tuple[str, ...], Callable[[list[str]], Sequence[str]]] = {}


def fragment(field: str, text: str) -> str:
    """One field of a snapshot as :func:`snapshot_text` writes it (``"field": "text"``): a
    bulk writer remembers it with the cell it came from and makes the snapshot with
    :func:`snapshot_of` (sorting and encoding 30 fields per visit was a twentieth of an import)."""
    return f"{_quote(field)}: {_quote(text)}"


def snapshot_of(fragments: Mapping[str, str]) -> str:
    """``snapshot_text(texts)`` from ``{field: fragment(field, texts[field])}``: the same
    text, the fragments put in the order of their fields (the encoder sorts the keys). The
    order of each distinct sequence of fields is found once: a bulk import repeats a few."""
    if len(fragments) < 2:
        return "{" + "".join(fragments.values()) + "}"
    fields = tuple(fragments)
    order = _ORDERS.get(fields)
    if order is None:
        if len(_ORDERS) >= 4096:
            _ORDERS.clear()
        order = _ORDERS[fields] = itemgetter(*sorted(range(len(fields)),
                                                     key=fields.__getitem__))
    return "{" + ", ".join(order(list(fragments.values()))) + "}"


def _payload(prev_hash: str, row: Mapping[str, Any]) -> str:
    return _chained_text([prev_hash, *(row.get(f) for f in HASHED_FIELDS)])


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """The plain SHA-256 chain of rows written before the installation was keyed."""
    return hashlib.sha256(_payload(prev_hash, row).encode("utf-8")).hexdigest()


def row_mac(key: bytes, prev_hash: str, row: Mapping[str, Any]) -> str:
    return keys.mac(key, _payload(prev_hash, row))


def chain_of(session: Session) -> ChainKey:
    loader = session.info.get(CHAIN)
    if loader is None:
        raise RuntimeError("a change log entry needs Database.write (it knows the key)")
    chain: ChainKey = loader()
    return chain


def mark_appended(session: Session, log: str) -> None:
    session.info.setdefault(APPENDED, set()).add(log)


class Change(NamedTuple):
    """One logged fact: ``field`` None means the whole entity (insert/delete snapshot). A
    named tuple: a bulk write makes one per row (100,000 for a 10,000-patient import), and
    a frozen dataclass's ``__init__`` took four times as long."""

    action: str  # insert | update | delete | sign | unlock | login ...
    entity: str
    entity_id: int | None
    field: str | None = None
    old: Any = None
    new: Any = None
    patient_id: int | None = None
    visit_id: int | None = None


# append unpacks each change by position (faster than eight attribute reads per row): a
# field moved or added above must move there too, and this check says so at import
# (a raise, not an assert, so that python -O keeps it).
if Change._fields != ("action", "entity", "entity_id", "field", "old", "new", "patient_id",
                      "visit_id"):
    raise ImportError("changelog.append unpacks Change by position: update its loop")


def _last_hash(session: Session) -> str:
    cached: str | None = session.info.get(_LAST_HASH)
    if cached is not None:
        return cached
    if session.get_bind().dialect.name == "postgresql":
        # Serialise appends (Database.write already holds this lock; a session of its own
        # takes it here). An advisory lock needs no UPDATE/DELETE grant on the log, unlike
        # LOCK TABLE ... EXCLUSIVE, so the workstations' role may be INSERT-only.
        from proapp.db.server import lock_for_writing

        lock_for_writing(session.connection())
    last = session.scalar(select(ChangeLog.hash).order_by(ChangeLog.id.desc()).limit(1))
    return last or GENESIS


def append(session: Session, changes: Iterable[Change], *, actor: Actor | None = None,
           reason: str | None = None, at: str | None = None) -> int:
    """Append changes in the session's transaction; returns how many rows were written."""
    actor = actor or session.info.get("actor")
    if actor is None:
        raise RuntimeError("a change log entry needs an actor (use Database.write(actor))")
    reason = reason if reason is not None else session.info.get("reason")
    at = at or now_utc()
    chain = chain_of(session)
    prev = _last_hash(session)
    # Each row as a tuple: its HASHED_FIELDS, then prev_hash and hash (the insert's columns).
    # The MAC is row_mac's, over _payload's text, without a dict per row, from a keyed state
    # made once per append (keys.mac sets the key up again for each row: half its time).
    encode, mac, text = _chained_text, _state_mac(chain.key), to_text
    user_id, username = actor.user_id, actor.username
    rows: list[tuple[Any, ...]] = []
    add = rows.append
    for action, entity, entity_id, field, old, new, patient_id, visit_id in changes:
        values = (at, user_id, username, action, entity, entity_id, patient_id, visit_id,
                  field, text(old), text(new), reason)
        hashed = mac(encode([prev, *values]).encode("utf-8"))
        add((*values, prev, hashed))
        prev = hashed
    if rows:
        conn = session.connection()
        if conn.dialect.paramstyle == "qmark":  # SQLite: straight to executemany (bulk logs)
            conn.exec_driver_sql(_insert_sql(conn.dialect), rows)
        else:
            session.execute(insert(ChangeLog), [dict(zip(_COLUMNS, r, strict=True))
                                                for r in rows])
        session.info[_LAST_HASH] = prev
        mark_appended(session, "change_log")
    return len(rows)


_COLUMNS = (*HASHED_FIELDS, "prev_hash", "hash")
_SQL: dict[str, str] = {}


def _insert_sql(dialect: Any) -> str:
    """The change log's INSERT in the driver's own form, compiled once per dialect."""
    sql = _SQL.get(dialect.name)
    if sql is None:
        # The compiled statement names the columns in the table's order: the tuples' order.
        ordered = tuple(c.name for c in ChangeLog.__table__.columns if c.name in _COLUMNS)
        if ordered != _COLUMNS:
            raise RuntimeError(f"change_log's columns {ordered} are not in {_COLUMNS} order")
        sql = _SQL[dialect.name] = str(insert(ChangeLog).compile(
            dialect=dialect, column_keys=list(_COLUMNS)))
    return sql


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    """Fields whose canonical text differs, in a stable order."""
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if to_text(a) != to_text(b):
            yield key, a, b


def head(session: Session, model: Any = ChangeLog) -> tuple[int, str] | None:
    """(id, MAC) of the newest row of a keyed log, for the anchor."""
    row = session.execute(select(model.id, model.hash).order_by(model.id.desc()).limit(1)).first()
    return (int(row.id), str(row.hash)) if row is not None else None


_FROM_DATABASE: Any = object()


def chain_in(session: Session) -> ChainKey | None:
    """The chain key of the session's database: None for a database of an older proapp
    (no installation row yet); :class:`proapp.db.keys.KeyMissing` when the key is not here."""
    from proapp.db import installation

    conn = session.connection()
    if not conn.dialect.has_table(conn, "installation"):
        return None
    return installation.load(conn, "this database")


def verify_chain(session: Session, chain: ChainKey | None = _FROM_DATABASE,
                 batch: int = 5000) -> tuple[int, ChainBreak | None]:
    """Walk the log in id order; returns (rows checked, first break or None).

    With ``chain``, rows from ``chain.keyed_from`` on must carry the keyed MAC, and the plain
    rows before them must end where the installation row says they ended; without it every
    row is taken as a plain SHA-256 row (a database of an older proapp). By default the key is
    the one of the session's own database."""
    if chain is _FROM_DATABASE:
        chain = chain_in(session)
    cols = [ChangeLog.id, ChangeLog.prev_hash, ChangeLog.hash,
            *(getattr(ChangeLog, f) for f in HASHED_FIELDS)]

    if session.get_bind().dialect.name == "sqlite":
        import sqlite3

        from proapp.db.rows import plain_rows

        conn = session.connection()
        try:
            return _walk_payloads(conn, chain)
        except sqlite3.Error:  # a value JSON cannot hold (a BLOB): every row the plain way
            pass
        return _walk(plain_rows(conn, select(*cols).order_by(ChangeLog.id)), chain)

    def batches() -> Iterator[tuple[Any, ...]]:
        last_id = 0
        while True:
            rows = session.execute(select(*cols).where(ChangeLog.id > last_id)
                                   .order_by(ChangeLog.id).limit(batch)).all()
            if not rows:
                return
            yield from rows  # plain tuples: 100,000 rows
            last_id = rows[-1][0]

    return _walk(batches(), chain)


def verify_rows(rows: Iterable[Mapping[str, Any]], chain: ChainKey | None,
                ) -> tuple[int, ChainBreak | None]:
    """:func:`verify_chain`'s rules for rows read from elsewhere than a live database (a
    ``pg_dump`` archive), in id order: the keyed MACs from ``chain.keyed_from`` on, the plain
    SHA-256 chain before, which must end on ``chain.legacy_head``."""
    return _walk(((int(r["id"]), r["prev_hash"], r["hash"], *(r.get(f) for f in HASHED_FIELDS))
                  for r in rows), chain)


# The text each row's MAC is over, made by SQLite itself: ``json_array`` writes the same
# compact JSON as ``_CHAINED`` for the texts, whole numbers and NULLs the log holds, as bytes
# (a BLOB: no decoding to str and encoding back, 34 MB at 10,000 patients). A row whose text
# differs from Python's (an escape SQLite writes otherwise) is checked again with Python's
# own text, so the verdict is always that of _walk; a REAL, which only tampering puts in a
# column, is written by SQLite with a decimal point where proapp wrote a whole number, so it
# cannot pass for the row that was MAC'd either.
_PAYLOAD_SQL = ("SELECT id, prev_hash, hash, CAST(json_array(prev_hash, "
                + ", ".join(HASHED_FIELDS) + ") AS BLOB) FROM change_log ORDER BY id")


_BEFORE_KEY = "the rows before it are not the ones that were there when the key was installed"
_NOT_LINKED = "does not follow the row before it (a row was removed or inserted)"


def _changed(row_id: int, keyed: bool) -> ChainBreak:
    """A row whose stored hash is not its content's (both walks say it in these words)."""
    return ChainBreak(row_id, "its content was changed after it was written"
                      + (", or it was written without the integrity key" if keyed else ""))


def _linked(row_id: int, prev_hash: str | None, prev: str, keyed: bool,
            transition_seen: bool, chain: ChainKey | None) -> tuple[bool, ChainBreak | None]:
    """A row's place in the chain, by the same rules in both walks: the first keyed row
    follows the unkeyed rows as they ended when the key was installed, and every row names
    the one before it. Returns whether a keyed row has now been seen, and the break."""
    if keyed and not transition_seen:
        transition_seen = True
        if chain is not None and prev != chain.legacy_head:
            return transition_seen, ChainBreak(row_id, _BEFORE_KEY)
    if prev_hash != prev:
        return transition_seen, ChainBreak(row_id, _NOT_LINKED)
    return transition_seen, None


def _tail(transition_seen: bool, chain: ChainKey | None, prev: str, last_id: int
          ) -> ChainBreak | None:
    """The end of a walk that never reached a keyed row: the unkeyed rows must still end
    where they ended when the key was installed."""
    if not transition_seen and chain is not None and prev != chain.legacy_head:
        return ChainBreak(last_id + 1, "the rows written before the key was installed "
                          "were changed or removed")
    return None


def _walk_payloads(conn: Any, chain: ChainKey | None) -> tuple[int, ChainBreak | None]:
    """:func:`_walk` over the payload texts SQLite writes (see ``_PAYLOAD_SQL``): Python
    touches four values per row instead of fifteen and builds no JSON; each row whose MAC
    does not match its SQLite text is read again column by column and judged by
    :func:`_walk`'s own rule, on Python's text."""
    from itertools import chain as chained

    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(_PAYLOAD_SQL)
        batches = iter(lambda: cursor.fetchmany(5000), [])  # bounded memory
        return _judge_payloads(conn, chained.from_iterable(batches), chain)
    finally:
        cursor.close()


def _judge_payloads(conn: Any, rows: Iterable[Sequence[Any]], chain: ChainKey | None,
                    ) -> tuple[int, ChainBreak | None]:
    mac = _state_mac(chain.key) if chain is not None else None
    sha256 = hashlib.sha256
    prev = GENESIS
    checked = 0
    last_id = 0
    transition_seen = chain is None
    keyed_from = chain.keyed_from if chain is not None else 0
    for row_id, prev_hash, stored, payload in rows:
        keyed = mac is not None and row_id >= keyed_from
        transition_seen, broken = _linked(row_id, prev_hash, prev, keyed, transition_seen,
                                          chain)
        if broken is not None:
            return checked, broken
        if payload is None or stored != (mac(payload) if keyed and mac is not None
                                         else sha256(payload).hexdigest()):
            # Python's own text of the row (see _PAYLOAD_SQL), judged as _walk judges it
            values = conn.exec_driver_sql(
                "SELECT " + ", ".join(HASHED_FIELDS) + " FROM change_log WHERE id = ?",
                (row_id,)).one()
            text = _CHAINED.encode([prev, *values]).encode("utf-8")
            if stored != (mac(text) if keyed and mac is not None
                          else sha256(text).hexdigest()):
                return checked, _changed(row_id, keyed)
        prev = str(stored)
        checked += 1
        last_id = row_id
    return checked, _tail(transition_seen, chain, prev, last_id)


def _state_mac(key: bytes) -> Callable[[bytes], str]:
    """HMAC-SHA256 with ``key`` (RFC 2104, what :func:`proapp.db.keys.mac` computes) from the
    inner and outer SHA-256 states keyed once and copied per row: no HMAC object per row."""
    block = 64
    padded = (hashlib.sha256(key).digest() if len(key) > block else key).ljust(block, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def mac(payload: bytes) -> str:
        i = inner.copy()
        i.update(payload)
        o = outer.copy()
        o.update(i.digest())
        return o.hexdigest()

    return mac


def _walk(rows: Iterable[Sequence[Any]], chain: ChainKey | None,
          ) -> tuple[int, ChainBreak | None]:
    """The chain's rules over ``(id, prev_hash, hash, *HASHED_FIELDS)`` rows in id order."""
    prev = GENESIS
    checked = 0
    last_id = 0
    transition_seen = chain is None
    encode, sha256 = _CHAINED.encode, hashlib.sha256
    # keys.mac's HMAC-SHA256, from keyed states made once and copied per row (faster than a
    # one-shot HMAC, which sets the key up again for each of 100,000 rows)
    mac = _state_mac(chain.key) if chain is not None else None
    for row_id, prev_hash, stored, *values in rows:
        keyed = chain is not None and row_id >= chain.keyed_from
        transition_seen, broken = _linked(row_id, prev_hash, prev, keyed, transition_seen,
                                          chain)
        if broken is not None:
            return checked, broken
        payload = encode([prev, *values])  # _payload's text, without a dict per row
        if keyed and mac is not None:
            if stored != mac(payload.encode("utf-8")):
                return checked, _changed(row_id, True)
        elif stored != sha256(payload.encode("utf-8")).hexdigest():
            return checked, _changed(row_id, False)
        prev = str(stored)
        checked += 1
        last_id = row_id
    return checked, _tail(transition_seen, chain, prev, last_id)
