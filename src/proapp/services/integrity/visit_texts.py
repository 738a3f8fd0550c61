"""The visits the change log explains at a glance, decided by SQLite without Python per row.

A 10,000-patient database holds 78,000 visits with 940,000 answers and 180,000 flow rows;
replaying them in Python (one tuple per answer, one dict per visit) was most of ``proapp
check``. Most visits were logged once, by one ``insert`` row whose ``new_value`` is the
visit's snapshot: :func:`proapp.db.changelog.to_text`'s JSON of exactly the fields that
:func:`proapp.services.integrity.replay._stored` reads back. For each visit this module has
SQLite write the same JSON text from the stored rows (header, answers, flow values, skipped
forms, keys sorted, ``json_quote`` for every text) and compare it with the logged one; the
visits whose texts are equal are left out of the replay in Python, and SQLite returns the
ids of the others, which alone that replay reads (none, in a database proapp wrote itself).

Why equal texts prove what the replay would prove: the text SQLite writes is valid JSON whose
values are exactly the texts ``_stored`` gives (the same conversions, written out below next
to each column); every stored row adds one key, and a value it cannot write the way Python
reads it (a BLOB, a REAL where a whole number belongs, a date SQLite and Python read
differently, a name that could collide with another's) makes the visit's whole text NULL, so
that visit is replayed in Python as before. A difference in formatting (an escape written
otherwise, keys in another order) only makes the texts differ, with the same effect. So a
visit is left out only when its stored fields and the logged snapshot are the same mapping,
which is when the replay finds nothing to report for it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from proapp.domain.flow import AREA_PLACES, FLOW_PLACES, VELOCITY_PLACES

if TYPE_CHECKING:  # no SQLAlchemy here: ``proapp check`` runs this before importing it
    from sqlalchemy import Connection

# The flow columns and the places of each (the ScaledDecimal columns of
# proapp.db.models.FlowRow; 0: a whole number; tests/services/integrity keeps them equal).
FLOW_PLACES_OF = {"flow_ml_min": FLOW_PLACES, "velocity_cm_s": VELOCITY_PLACES,
                  "area_cm2": AREA_PLACES, "stenosis_pct": 0}

# A value proapp never writes makes the query fail (``json`` refuses this text) and every
# visit is replayed in Python: cheaper per row than marking the one visit, and only a raw
# edit of the file puts such a value there.
_REFUSE = "json('not a value proapp writes')"
# Names a key is made of that need no JSON escape and hold no dot (so that no two rows of a
# visit can make the same key, and keys sort like the columns they are made of).
_PLAIN = "NOT GLOB '*[^0-9A-Za-z_]*'"
_HEADER = ("label", "status", "text_edition", "text_language")  # String columns, as stored


def _quoted(key: str) -> str:
    """A JSON key with its colon, as ``to_text``'s encoder writes it, as a SQL literal."""
    text = json.dumps(key, ensure_ascii=False) + ": "
    return "'" + text.replace("'", "''") + "'"


def _header_text(column: str) -> str:
    """A String column: Python keeps the stored text (None: no key). Text affinity leaves
    only TEXT, NULL or BLOB in it; ``json_quote`` refuses a BLOB."""
    return (f"CASE WHEN v.{column} IS NULL THEN '' ELSE "
            f"{_quoted(column)} || json_quote(v.{column}) || ', ' END")


def _visit_date() -> str:
    """A Date column: Python parses the stored text and writes it ISO again; a text that is
    already its own ISO date (``date(x) IS x``, a year from 1) reads back unchanged."""
    return ("CASE WHEN typeof(v.visit_date) = 'text' AND date(v.visit_date) IS v.visit_date "
            "AND v.visit_date >= '0001' THEN "
            f"'\"visit_date\": \"' || v.visit_date || '\", ' ELSE {_REFUSE} END")


def _flow_value(attr: str, places: int) -> str:
    """A flow column's key and value: a ScaledDecimal (an INTEGER count of the smallest unit)
    as ``format(Decimal(n).scaleb(-places), 'f')`` (whole part, point, ``places`` digits), a
    whole number as its digits, no key for NULL. proapp stores no negative measurement: one
    is refused here (and replayed in Python)."""
    column = f"f.{attr}"
    key = f'"flow.%s.%s.{attr}": '
    if places == 0:
        text = f"printf('{key}\"%d\", ', f.posture, f.side, {column})"
    else:
        unit = 10 ** places
        text = (f"printf('{key}\"%d.%0{places}d\", ', f.posture, f.side, "
                f"{column} / {unit}, {column} % {unit})")
    return (f"CASE WHEN {column} IS NULL THEN '' WHEN typeof({column}) = 'integer' AND "
            f"{column} >= 0 THEN {text} ELSE {_REFUSE} END")


def _flow_row() -> str:
    """One flow row's keys, in sorted attribute order (NULL values make no key, as in
    ``_stored``); its posture and side must be plain lower-case words."""
    parts = [_flow_value(attr, FLOW_PLACES_OF[attr]) for attr in sorted(FLOW_PLACES_OF)]
    return ("CASE WHEN typeof(f.posture) = 'text' AND typeof(f.side) = 'text' "
            "AND f.posture NOT GLOB '*[^a-z]*' AND f.side NOT GLOB '*[^a-z]*' THEN "
            + " || ".join(parts) + f" ELSE {_REFUSE} END")


def _answers(instrument: str) -> str:
    """The keys of one visit's answers of ``instrument``, as _stored writes them: a whole
    number as its digits, no value as "missing:" and the reason. The key's first part comes
    with group_concat's separator (fewer strings made per answer than a printf of each)."""
    prefix = json.dumps(instrument + ".", ensure_ascii=False)[:-1].replace("'", "''")
    item = f"typeof(a.item) = 'text' AND a.item {_PLAIN}"
    literal = instrument.replace("'", "''")
    element = (f"CASE WHEN typeof(a.value) = 'integer' AND {item} THEN "
               "a.item || '\": \"' || a.value || '\"' "
               f"WHEN typeof(a.value) = 'null' AND {item} AND typeof(a.missing_reason) = "
               "'text' THEN a.item || '\": ' || json_quote('missing:' || a.missing_reason) "
               f"ELSE {_REFUSE} END")
    return (f"(SELECT coalesce('{prefix}' || group_concat({element}, ', {prefix}') || ', ', '') "
            f"FROM answer a WHERE a.visit_id = v.id AND a.instrument = '{literal}')")


def _segment(elements: str, source: str) -> str:
    """The keys of one visit from one table, each ending ", ", in the order of the index
    that finds them (sorted by the columns the keys are made of: in another order the text
    only differs), "" when the table has none."""
    return f"(SELECT coalesce(group_concat({elements}, ''), '') FROM {source})"


def visit_text_sql(instruments: Sequence[str]) -> str:
    """The query of (visit id, the JSON text of its stored fields) for every visit; the
    answers' instruments are ``instruments`` (all those in the table: their keys are made
    here, in sorted place among the other keys)."""
    segments: list[tuple[str, str]] = [(name, _header_text(name)) for name in _HEADER]
    segments.append(("visit_date", _visit_date()))
    # signed_at, signed_by: a signed visit is logged by more rows than its insert anyway,
    # so a NULL text (no visit's) leaves it to the replay in Python
    segments.append(("signed_at", "CASE WHEN v.signed_at IS NULL AND v.signed_by_id IS NULL "
                     "THEN '' END"))
    segments.append(("flow.", _segment(_flow_row(), "flow_measurement f WHERE f.visit_id = "
                                       "v.id")))
    segments.append(("skipped.", _segment(
        f"CASE WHEN typeof(s.form) = 'text' AND s.form {_PLAIN} AND typeof(s.reason) = "
        "'text' THEN '\"skipped.' || s.form || '\": ' || json_quote(s.reason) || ', ' "
        f"ELSE {_REFUSE} END", "skipped_form s WHERE s.visit_id = v.id")))
    segments += [(name + ".", _answers(name)) for name in instruments]
    body = " || ".join(sql for _key, sql in sorted(segments))
    return (f"SELECT v.id, '{{' || rtrim(rtrim({body}, ' '), ',') || '}}' AS text "
            "FROM visit v")


def _instruments(conn: Any) -> list[str] | None:
    """The answers' instruments, or None when one of them cannot be made into keys here
    (not a plain name, or one whose keys could be taken for a flow or skipped form's)."""
    names = [r[0] for r in conn.execute("SELECT DISTINCT instrument FROM answer")]
    if any(not isinstance(n, str) or not n or not n.replace("_", "a").isalnum()
           or not n.isascii() or n in ("flow", "skipped") for n in names):
        return None
    return sorted(names)


def newest_log_row(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM change_log").scalar_one())


# (the change log's newest row id then, the visits left to the replay in Python: None for
# every one)
Unexplained = tuple[int, frozenset[Any] | None]


def unexplained_visits(conn: Connection) -> Unexplained:
    """(the change log's newest row id, the ids of the visits not explained at a glance: in
    the visit table or the change log, but not logged by exactly one insert row whose
    snapshot text is the text of their stored fields), in ``conn``'s transaction. The ids
    are those of either table as stored (a raw edit can put a text in the log's column).
    SQLite only."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    return unexplained_in(raw)


def unexplained_in(raw: Any, half: int | None = None) -> Unexplained:
    """:func:`unexplained_visits` on a DB-API connection of the standard library's sqlite3
    (in one read transaction of its own when none is open); ``half`` 0 or 1: only the
    visits with the lower or the higher ids (two threads share the work: :func:`combined`)."""
    cursor = raw.cursor()
    own = not raw.in_transaction
    try:
        if own:
            cursor.execute("BEGIN")
        newest = cursor.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
        instruments = _instruments(cursor)
        if instruments is None:
            return newest, None
        try:
            return newest, frozenset(_unexplained(cursor, instruments, half))
        except sqlite3.OperationalError:  # a value proapp does not write (_REFUSE, a BLOB for
            return newest, None  # json_quote or json_group_array, abs(-2**63)): every visit
    finally:
        if own:
            cursor.execute("COMMIT")
        cursor.close()


def _unexplained(cursor: Any, instruments: Sequence[str], half: int | None) -> list[Any]:
    """The ids of the visits of ``half`` (None: all) the replay in Python must see: each
    visit whose match with its one logged insert is not certain (``IS NOT 1``: a NULL on
    either side leaves it to Python), and each visit the log names that the table does not
    hold (deleted, or removed behind proapp's back). Every value but NULL lies in exactly one
    half (SQLite orders a text or BLOB after every number); NULL ids are the replay's own."""
    visits, logged, deleted, args = "", "", "", []
    if half is not None:  # split at half the largest id: the pages each reads are its own
        middle = (cursor.execute("SELECT coalesce(max(id), 0) FROM visit").fetchone()[0]
                  // 2)
        side = "<=" if half == 0 else ">"
        visits, logged, deleted = (f" WHERE v.id {side} ?", f" AND entity_id {side} ?",
                                   f" AND entity_id {side} ?")
        args = [middle, middle, middle]
    # One row, the ids as one JSON text: a row at a time, each step of the query would wait
    # for Python's lock, which the main thread holds while it imports and walks the log (a
    # thread asking for it waits up to the 5 ms switch interval; 39,000 rows took minutes
    # against a busy thread)
    cursor.execute(
        "SELECT json_group_array(id) FROM (SELECT t.id AS id FROM ("
        + visit_text_sql(instruments) + visits + ") t LEFT JOIN ("
        "SELECT entity_id, count(*) AS n, max(new_value) AS snapshot, "
        "min(action = 'insert' AND field IS NULL) AS inserted FROM change_log "
        "WHERE entity = 'visit'" + logged + " GROUP BY entity_id) l "
        "ON l.entity_id = t.id WHERE (l.n = 1 AND l.inserted AND l.snapshot = t.text) IS NOT 1 "
        "UNION SELECT entity_id FROM change_log WHERE entity = 'visit' AND entity_id NOT IN "
        "(SELECT id FROM visit)" + deleted + ")", args)
    ids: list[Any] = json.loads(cursor.fetchone()[0])
    return ids


def combined(halves: Sequence[Unexplained | None]) -> Unexplained | None:
    """The halves of :func:`unexplained_in` as one result; None when one failed or they saw
    different logs (a change in between: the caller finds them again itself)."""
    if any(h is None for h in halves) or len({h[0] for h in halves if h}) != 1:
        return None
    found = [h for h in halves if h is not None]
    if any(h[1] is None for h in found):
        return found[0][0], None
    return found[0][0], frozenset().union(*(h[1] for h in found if h[1] is not None))
