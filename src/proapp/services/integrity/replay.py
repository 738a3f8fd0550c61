"""The change log proves the data: replay it and compare the result with every stored row.

Every service writes its change to the log in the same transaction (patients, PTA procedures,
visits with every answer, skipped form, flow value and signature, accounts with role, active flag
and a fingerprint of the password hash, clinic settings). Replaying the log from the first row
therefore gives the state the tables must hold now. Anything else was written behind proapp's
back (an answer edited with a SQLite tool, a role raised, a password hash swapped, the backup
folder setting moved) and is reported with its table, key, field, stored value and the value the
log explains.

Columns the log does not describe (timestamps, version counters, who entered a visit) are not
compared; the keyed chain (:mod:`proapp.db.changelog`) makes sure the log itself is genuine.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, func, literal_column, select
from sqlalchemy.orm import Session

from proapp.db import keys
from proapp.db.changelog import to_text
from proapp.db.models import (
    Answer,
    ChangeLog,
    FlowRow,
    Patient,
    Procedure,
    Setting,
    SkippedForm,
    User,
    Visit,
)
from proapp.db.rows import plain_rows
from proapp.services.integrity.visit_texts import Unexplained

PATIENT_FIELDS = ("code", "family_name", "given_name", "birth_date", "sex", "ms_subtype",
                  "diagnosis_year", "headache_positive", "fatigue_positive", "notes", "language")
# What migration 0003_languages gave the patients it found (their log rows predate the column).
MIGRATED_LANGUAGE = "en"
PROCEDURE_FIELDS = ("pta_date", "side", "notes")
USER_FIELDS = ("username", "full_name", "role", "active")
FLOW_ATTRS = ("flow_ml_min", "velocity_cm_s", "area_cm2", "stenosis_pct")
# Values an older proapp logged for a password change (no fingerprint): nothing to compare.
LEGACY_PASSWORD = frozenset({"changed"})
_TABLES = {"patient": "patient", "procedure": "procedure", "visit": "visit",
           "user": "user_account", "setting": "setting"}


@dataclass(frozen=True)
class Discrepancy:
    table: str
    key: str
    field: str | None
    stored: str | None
    logged: str | None

    def line(self) -> str:
        if self.field is None:
            if self.logged is None:
                return f"{self.table} {self.key}: the row is not in the change log"
            return f"{self.table} {self.key}: the change log has this row, the table does not"
        return (f"{self.table} {self.key}, {self.field}: stored {_show(self.stored)}, the "
                f"change log says {_show(self.logged)}")


def _show(value: str | None) -> str:
    if value is None:
        return "(nothing)"
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _same(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    if a is None or b is None:
        return False
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return False


State = dict[tuple[str, Any], dict[str, str | None]]


def _in_ids(column: Any) -> ColumnElement[bool]:
    """``column IN`` the ids of the parameter ``ids`` (a JSON array, SQLite's json_each)."""
    inside: ColumnElement[bool] = column.in_(select(literal_column("value")).select_from(
        func.json_each(bindparam("ids"))))
    return inside


def _replay(s: Session, part: str | None = None, visits: str | None = None,
            ) -> tuple[State, dict[str, str | None], list[dict[str, Any]]]:
    """The state the log describes: entities by (entity, id), settings, and snapshots of
    procedures logged without an id (older demo cohorts), matched later by patient and date.
    ``part`` "others" replays every entity but the visits, "visits" the visits (each key's
    rows in the same order as in one pass: the parts are the same state); ``visits``, a JSON
    array of ids, only the rows of those visits and of none (the ones :mod:`.visit_texts`
    cannot explain: the others' log rows are left out)."""
    state: State = {}
    settings: dict[str, str | None] = {}
    unkeyed: list[dict[str, Any]] = []
    q = select(ChangeLog.action, ChangeLog.entity, ChangeLog.entity_id, ChangeLog.patient_id,
               ChangeLog.field, ChangeLog.new_value, ChangeLog.user_id).order_by(ChangeLog.id)
    params = None
    if part == "others":
        q = q.where(ChangeLog.entity != "visit")
    elif part == "visits":
        q = q.where(ChangeLog.entity == "visit")
    if visits is not None:
        q = q.where((ChangeLog.entity != "visit") | ChangeLog.entity_id.is_(None)
                    | _in_ids(ChangeLog.entity_id))
        params = {"ids": visits}
    for action, entity, entity_id, patient_id, field, new, user_id in plain_rows(
            s.connection(), q, params):
        if entity == "setting":
            if field is not None:
                settings[field] = new
            continue
        if entity not in _TABLES:
            continue  # restore markers and the like: no row of their own
        key = (entity, entity_id)
        if action == "insert" and field is None:
            try:
                snapshot = json.loads(new) if new else {}
            except ValueError:
                snapshot = None
            if not isinstance(snapshot, dict):  # a damaged row (the chain reports it)
                snapshot = {"(logged snapshot)": new}
            if entity_id is None and entity == "procedure":
                unkeyed.append({"patient_id": patient_id, **snapshot})
                continue
            state[key] = dict(snapshot)
        elif action == "delete" and field is None:
            state.pop(key, None)
        elif action == "sign" and field == "signed_at":
            row = state.setdefault(key, {})
            row["signed_at"], row["signed_by"] = new, to_text(user_id)
        elif action == "unlock" and field == "signed_at":
            row = state.setdefault(key, {})
            row["signed_at"], row["signed_by"] = None, None
        elif action == "update" and field is not None:
            state.setdefault(key, {})[field] = new
    return state, settings, unkeyed


def _rows(conn: Connection, model: type[Any], *names: str, visits: str | None = None,
          ) -> Iterator[Sequence[Any]]:
    """The columns ``names`` of every row of ``model``, fetched a batch at a time, with the
    values the columns' types give (what a SQLAlchemy result holds); with ``visits`` (a JSON
    array of ids), only the rows of those visits (the first name is the visit's id)."""
    q = select(*(getattr(model, n) for n in names))
    if visits is None:
        return plain_rows(conn, q)
    return plain_rows(conn, q.where(_in_ids(getattr(model, names[0]))), {"ids": visits})


def _stored(s: Session, part: str | None = None, visits: str | None = None) -> State:
    """Every stored row as the log would describe it, without the fields that hold nothing
    (None: :func:`compare` leaves them out); ``part`` and ``visits`` as :func:`_replay`'s.
    Rows of columns, not ORM objects, read with :func:`proapp.db.rows.plain_rows`: a
    10,000-patient database has over a million answers (the values are the same: the
    columns' own types convert them)."""
    conn = s.connection()
    out = _stored_others(conn) if part != "visits" else {}
    if part != "others":
        out.update(_stored_visits(conn, visits))
    return out


def _stored_others(conn: Connection) -> State:
    out: State = {}
    for p in _rows(conn, Patient, "id", *PATIENT_FIELDS):
        out[("patient", p[0])] = {f: t for f, v in zip(PATIENT_FIELDS, p[1:], strict=True)
                                  if (t := to_text(v)) is not None}
    for r in _rows(conn, Procedure, "id", "patient_id", *PROCEDURE_FIELDS):
        row: dict[str, str | None] = {f: t for f, v in zip(PROCEDURE_FIELDS, r[2:],
                                                           strict=True)
                                      if (t := to_text(v)) is not None}
        row["_patient"] = str(r[1])
        out[("procedure", r[0])] = row
    for u in _rows(conn, User, "id", *USER_FIELDS, "password_hash"):
        account: dict[str, str | None] = {f: t for f, v in zip(USER_FIELDS, u[1:-1],
                                                               strict=True)
                                          if (t := to_text(v)) is not None}
        if (password := keys.fingerprint(u[-1])) is not None:
            account["password"] = password
        out[("user", u[0])] = account
    return out


def _stored_visits(conn: Connection, only: str | None) -> State:
    """The visits, or ``only`` those of the JSON array of ids."""
    out: State = {}
    visits: dict[int, dict[str, str | None]] = {}
    for vid, label, day, status, signed_at, signed_by, language, edition in _rows(
            conn, Visit, "id", "label", "visit_date", "status", "signed_at", "signed_by_id",
            "text_language", "text_edition", visits=only):
        header = {"label": label, "visit_date": to_text(day), "status": status,
                  "signed_at": to_text(signed_at), "signed_by": to_text(signed_by),
                  "text_language": language, "text_edition": edition}
        visits[vid] = {k: v for k, v in header.items() if v is not None}
    orphans: dict[int, dict[str, str | None]] = defaultdict(dict)
    names: dict[tuple[str, str], str] = {}  # "midas.q1": one string for every visit

    def values_of(visit_id: int) -> dict[str, str | None]:
        target = visits.get(visit_id)
        return orphans[visit_id] if target is None else target

    visit_of = visits.get
    for vid, instrument, item, value, missing in _rows(
            conn, Answer, "visit_id", "instrument", "item", "value", "missing_reason",
            visits=only):
        name = names.get((instrument, item))
        if name is None:
            name = names[(instrument, item)] = f"{instrument}.{item}"
        target = visit_of(vid)
        if target is None:
            target = orphans[vid]
        kind = type(value)  # to_text's own first cases, inline (a million answers)
        target[name] = (value if kind is str else str(value) if kind is int
                        else f"missing:{missing}" if value is None else to_text(value))
    for vid, form, reason in _rows(conn, SkippedForm, "visit_id", "form", "reason",
                                   visits=only):
        if reason is None:  # nothing: and no earlier value under the same name either
            values_of(vid).pop(f"skipped.{form}", None)
        else:
            values_of(vid)[f"skipped.{form}"] = reason
    for f in _rows(conn, FlowRow, "visit_id", "posture", "side", *FLOW_ATTRS, visits=only):
        target = values_of(f[0])
        for attr, value in zip(FLOW_ATTRS, f[3:], strict=True):
            if value is not None:
                target[f"flow.{f[1]}.{f[2]}.{attr}"] = to_text(value)
    for vid, values in visits.items():
        out[("visit", vid)] = values
    return out


def _table_of(entity: str, field: str | None) -> str:
    if entity == "visit" and field is not None:
        if field.startswith(("midas.", "fss.")):
            return "answer"
        if field.startswith("skipped."):
            return "skipped_form"
        if field.startswith("flow."):
            return "flow_measurement"
    return _TABLES[entity]


def _key_text(entity: str, ident: Any, field: str | None) -> str:
    if entity == "visit" and field is not None and _table_of(entity, field) != "visit":
        return f"visit_id={ident}"
    return f"id={ident}"


def compare(s: Session,
            unexplained: Unexplained | Callable[[], Unexplained | None] | None = None, *,
            in_sql: bool = True) -> list[Discrepancy]:
    """Every stored row, field and value that the change log does not explain.

    On SQLite the visits whose stored rows are their one logged snapshot are found by SQLite
    (:func:`.visit_texts.unexplained_visits` gives the others, or ``unexplained``: found on
    another connection, or the call that waits for them, while the other entities are
    replayed here; used only if the log has not grown since) and the replay in Python covers
    those others alone; ``in_sql=False`` replays every row in Python (what the tests compare
    the two with)."""
    if not in_sql or s.get_bind().dialect.name != "sqlite":
        logged, logged_settings, unkeyed = _replay(s)
        stored = _stored(s)
    else:
        from proapp.services.integrity.visit_texts import newest_log_row, unexplained_visits

        logged, logged_settings, unkeyed = _replay(s, part="others")
        stored = _stored(s, part="others")
        conn = s.connection()
        found = unexplained() if callable(unexplained) else unexplained
        if found is None or found[0] != newest_log_row(conn):
            found = unexplained_visits(conn)
        only = None if found[1] is None else json.dumps(list(found[1]))
        logged.update(_replay(s, part="visits", visits=only)[0])
        if only != "[]":  # (every stored visit explained: none to read)
            stored.update(_stored(s, part="visits", visits=only))
    # Procedures of older demo cohorts were logged without their id: match by patient + date
    # (each snapshot takes the first stored procedure of its patient and date the log does
    # not explain yet; looked up, not searched for: 10,000 of them in a 10,000-patient demo).
    procedures: dict[tuple[Any, Any], list[tuple[str, Any]]] = defaultdict(list)
    for key, row in stored.items():
        if key[0] == "procedure":
            procedures[(row.get("_patient"), row.get("pta_date"))].append(key)
    for snap in unkeyed:
        patient = to_text(snap["patient_id"])
        try:
            candidates = procedures.get((patient, snap.get("pta_date")), [])
        except TypeError:  # a damaged snapshot (a list for a date): matches no stored row
            continue
        for key in candidates:
            if key not in logged:
                logged[key] = {f: snap.get(f) for f in PROCEDURE_FIELDS}
                break
    out: list[Discrepancy] = []
    for key in sorted(set(stored) | set(logged), key=lambda k: (k[0], str(k[1]))):
        entity, ident = key
        have, want = stored.get(key), logged.get(key)
        if have is None:
            out.append(Discrepancy(_TABLES[entity], f"id={ident}", None, None, "(row)"))
            continue
        if want is None:
            out.append(Discrepancy(_TABLES[entity], f"id={ident}", None, "(row)", None))
            continue
        if entity == "procedure":  # stored rows hold no None (see _stored)
            have = {k: v for k, v in have.items() if not k.startswith("_")}
        if None in want.values():
            want = {k: v for k, v in want.items() if v is not None}
        if have == want:  # the common case, decided in one comparison
            continue
        have, want = dict(have), dict(want)  # changed below, the state stays as it was
        if (entity == "patient" and "language" not in want
                and have.get("language") == MIGRATED_LANGUAGE):
            have.pop("language")  # logged before patients had a language
        if entity == "user" and (want.get("password") in LEGACY_PASSWORD
                                 or "password" not in want):
            have.pop("password", None)
            want.pop("password", None)
        if have == want:  # the common case, decided in one comparison
            continue
        for field in sorted(set(have) | set(want)):
            if not _same(have.get(field), want.get(field)):
                out.append(Discrepancy(_table_of(entity, field), _key_text(entity, ident, field),
                                       field, have.get(field), want.get(field)))
    stored_settings = dict(s.execute(select(Setting.key, Setting.value)).all())
    for k in sorted(set(stored_settings) | set(logged_settings)):
        have_s, want_s = stored_settings.get(k), logged_settings.get(k)
        if have_s != want_s:
            out.append(Discrepancy("setting", f"key={k}", "value", have_s, want_s))
    return out
