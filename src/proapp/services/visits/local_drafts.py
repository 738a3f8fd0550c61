"""Visit drafts kept on this computer while the database cannot be reached.

When a save fails because the server (or the network share of a SQLite file) is gone, the
input would otherwise live only in the open window: closing it, quitting or a crash during
the outage would lose it. So the draft is also written here, one file per open visit entry,
and removed again as soon as the database holds it. At the next start on the same database
the signed-in user is offered the drafts they kept, and restoring one saves it through the
ordinary visit service, with the version check: a visit changed elsewhere in the meantime is
reported as a conflict, never overwritten.

**Where and how.** ``<data folder>/kept-drafts/<id>.draft`` (folder 0700, files 0600), each
written whole or not at all (:mod:`proapp.atomic`: temporary file, fsync, rename). The file
holds a small header in clear (format, draft id, the database: its installation id and its
address without user or password, the author's user name, when it was kept), and the draft
itself (patient id and code, visit id and version, label, date, answers, reasons, flows, the
questionnaires' language) encrypted with AES-256-GCM under a key derived from the
installation's integrity key (:mod:`proapp.db.keys`), with the header as associated data: a
copy of the file tells nothing about the patient without that key, and a changed header or
body is refused (the seal does not verify) with a plain message, never restored. Nothing about
a patient goes to the log: only draft ids and user names.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url

from proapp import atomic, paths
from proapp.db import keys
from proapp.db.engine import Database
from proapp.db.errors import StorageError
from proapp.domain.actor import Actor
from proapp.domain.answers import MissingReason
from proapp.domain.flow import FlowMeasurement, Posture, Side
from proapp.domain.i18n import Msg, msg
from proapp.domain.language import Language
from proapp.domain.validation import ValidationError
from proapp.domain.visit import VisitContent, VisitRecord, flatten
from proapp.services import clock
from proapp.services.errors import UserError, plain_error
from proapp.services.visits.records import (
    VisitDraft,
    entry_visit_id,
    get_visit,
    save_visit,
)

log = logging.getLogger(__name__)

FORMAT = "proapp-kept-draft/1"
SUFFIX = ".draft"
_KEY_PURPOSE = b"proapp kept visit drafts/1"
_HEADER_FIELDS = ("format", "draft", "installation", "database", "author", "kept_at")


class KeptDraftError(UserError):
    """The draft could not be kept on this computer (no key, the folder not writable)."""


def folder() -> Path:
    """The private folder of the kept drafts (created 0700)."""
    return paths.ensure_private_dir(paths.kept_drafts_dir())


def new_draft_id() -> str:
    """A name for one visit entry's kept draft: every later failure of the same entry
    replaces the same file. It is also the entry's key on the visit it creates
    (``VisitDraft.entry_key``): 128 random bits, unique among the visits."""
    return secrets.token_hex(16)


def database_address(db: Database) -> str:
    """The database as the kept drafts name it: a SQLite file's path, or the server's URL
    without user, password or options (every workstation user reaches the same database)."""
    path = db.path
    if path is not None:
        return str(path.resolve())
    u = make_url(db.url)  # (URL.set() cannot remove a part: a new URL of the parts kept)
    return URL.create(u.drivername, host=u.host, port=u.port, database=u.database
                      ).render_as_string(hide_password=False)


@dataclass(frozen=True)
class KeptDraft:
    """A draft kept here, decrypted and checked."""

    draft_id: str
    path: Path
    author: str
    kept_at: str  # UTC, ISO
    patient_code: str
    draft: VisitDraft
    reason: str | None  # a completed visit's correction needs its reason again
    confirmed: bool = False  # its warnings were confirmed when it was saved


@dataclass(frozen=True)
class RefusedFile:
    """A kept-draft file that cannot be used; ``why`` says so in plain words."""

    path: Path
    why: Msg


@dataclass(frozen=True)
class Pending:
    """What this computer keeps for one database and user."""

    kept: tuple[KeptDraft, ...]
    refused: tuple[RefusedFile, ...]
    others: int  # kept here for this database by other users (offered to them)

    def __bool__(self) -> bool:
        return bool(self.kept or self.refused)


class Outcome(StrEnum):
    RESTORED = "restored"
    ALREADY_SAVED = "already saved"  # the database holds exactly this draft already
    NOT_RESTORED = "not restored"  # a conflict, a refusal or the database still gone


@dataclass(frozen=True)
class Restored:
    kept: KeptDraft
    outcome: Outcome
    record: VisitRecord | None = None
    message: str = ""


# --- the seal ----------------------------------------------------------------------------------


def _cipher(installation: str) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = keys.load_key(installation)
    if key is None:
        raise keys.KeyMissing(
            f"The integrity key of this database (installation {installation}) is not "
            f"installed on this computer ({keys.key_dir()}), so no draft can be kept or read "
            "here. Install it: `proapp key export FILE` on the workstation that has it, then "
            "`proapp key import FILE` here.")
    # A key of its own for this purpose, derived from the installation's: the change log's
    # MACs and these files never share one.
    return AESGCM(hmac.digest(key, _KEY_PURPOSE, "sha256"))


def _associated(header: dict[str, Any]) -> bytes:
    return json.dumps({k: header[k] for k in _HEADER_FIELDS}, sort_keys=True,
                      separators=(",", ":")).encode()


def _content_doc(content: VisitContent) -> dict[str, Any]:
    return {
        "responses": {i: dict(items) for i, items in content.responses.items()},
        "missing": {i: {k: MissingReason(r).value for k, r in items.items()}
                    for i, items in content.missing.items()},
        "skipped": dict(content.skipped),
        "flows": [{"side": m.side.value, "posture": m.posture.value,
                   "flow_ml_min": _dec(m.flow_ml_min), "velocity_cm_s": _dec(m.velocity_cm_s),
                   "area_cm2": _dec(m.area_cm2), "stenosis_pct": m.stenosis_pct}
                  for m in content.flows],
    }


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _content_of(doc: dict[str, Any]) -> VisitContent:
    return VisitContent(
        {str(i): {str(k): (None if v is None else int(v)) for k, v in items.items()}
         for i, items in doc["responses"].items()},
        {str(i): {str(k): MissingReason(v) for k, v in items.items()}
         for i, items in doc["missing"].items()},
        {str(f): str(r) for f, r in doc["skipped"].items()},
        tuple(FlowMeasurement(Side(m["side"]), Posture(m["posture"]),
                              _undec(m["flow_ml_min"]), _undec(m["velocity_cm_s"]),
                              _undec(m["area_cm2"]),
                              None if m["stenosis_pct"] is None else int(m["stenosis_pct"]))
              for m in doc["flows"]))


def _body(draft: VisitDraft, patient_code: str, reason: str | None, confirmed: bool) -> bytes:
    return json.dumps({
        "patient_id": draft.patient_id, "patient_code": patient_code, "label": draft.label,
        "visit_date": draft.visit_date.isoformat(), "visit_id": draft.visit_id,
        "expected_version": draft.expected_version, "entry_key": draft.entry_key,
        "text_language": draft.text_language.value if draft.text_language else None,
        "content": _content_doc(draft.content), "reason": reason, "confirmed": confirmed,
    }, sort_keys=True).encode()


# --- keeping and forgetting --------------------------------------------------------------------


def path_of(draft_id: str) -> Path:
    if not draft_id.isalnum():
        raise ValueError("a kept draft's id is letters and digits")
    return folder() / f"{draft_id}{SUFFIX}"


def keep(db: Database, actor: Actor, draft: VisitDraft, *, draft_id: str, patient_code: str,
         reason: str | None = None, confirmed: bool = False) -> Path:
    """Write ``draft`` as the kept draft ``draft_id`` (replacing its earlier version). Needs
    nothing from the database itself: its installation id is known from opening it.
    ``reason`` and ``confirmed``: a completed visit's correction, saved again with them."""
    try:
        installation = db.installation_id()
        cipher = _cipher(installation)
        header = {"format": FORMAT, "draft": draft_id, "installation": installation,
                  "database": database_address(db), "author": actor.username,
                  "kept_at": clock.utcnow().isoformat(timespec="seconds")}
        nonce = secrets.token_bytes(12)
        sealed = cipher.encrypt(nonce, _body(draft, patient_code, reason, confirmed),
                                _associated(header))
        document = {**header, "nonce": nonce.hex(),
                    "sealed": base64.b64encode(sealed).decode("ascii")}
        target = path_of(draft_id)
        atomic.write_bytes(target, (json.dumps(document, indent=1) + "\n").encode())
    except StorageError as exc:
        raise KeptDraftError(f"The draft could not be kept on this computer either: {exc}"
                             ) from exc
    except OSError as exc:
        raise KeptDraftError(f"The draft could not be kept on this computer either ({folder()}:"
                             f" {exc.strerror}).") from exc
    log.info("visit draft %s kept on this computer for %s (database unreachable)", draft_id,
             actor.username)
    return target


def forget(draft_id: str) -> bool:
    """Remove the kept draft ``draft_id`` once the database holds it; True if there was one."""
    try:
        path_of(draft_id).unlink()
    except FileNotFoundError:
        return False
    atomic.fsync_dir(folder())
    log.info("kept visit draft %s removed: the database holds it", draft_id)
    return True


# --- reading -----------------------------------------------------------------------------------


def _tampered(name: str) -> Msg:
    return msg("{name} was changed outside proapp (its seal does not verify with this "
               "database's key), so it is not restored. Discard it, or ask IT to look at it.",
               name=name)


def _read(path: Path, address: str, installation: str
          ) -> tuple[str, KeptDraft | RefusedFile | None]:
    """(author, the draft) for a file of this database; (\"\", None) for another database's."""
    name = path.name
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("format")
        header = {k: str(doc[k]) for k in _HEADER_FIELDS}
        nonce, sealed = bytes.fromhex(doc["nonce"]), base64.b64decode(doc["sealed"],
                                                                      validate=True)
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "", RefusedFile(path, msg("{name} is not a visit draft proapp kept (it cannot "
                                         "be read as one), so it is not restored. Discard it, "
                                         "or ask IT to look at it.", name=name))
    if header["installation"] != installation or header["database"] != address:
        return "", None
    from cryptography.exceptions import InvalidTag

    try:
        plain = _cipher(installation).decrypt(nonce, sealed, _associated(header))
    except (InvalidTag, ValueError):
        return header["author"], RefusedFile(path, _tampered(name))
    except StorageError as exc:
        return header["author"], RefusedFile(path, msg("{name} cannot be opened: {why}",
                                                       name=name, why=str(exc)))
    try:
        body = json.loads(plain)
        draft = VisitDraft(int(body["patient_id"]), str(body["label"]),
                           date.fromisoformat(body["visit_date"]), _content_of(body["content"]),
                           None if body["visit_id"] is None else int(body["visit_id"]),
                           None if body["expected_version"] is None
                           else int(body["expected_version"]),
                           Language(body["text_language"]) if body["text_language"] else None,
                           _entry_key(body.get("entry_key")))  # files of 0005 and later
        reason = None if body.get("reason") is None else str(body["reason"])
        kept = KeptDraft(header["draft"], path, header["author"], header["kept_at"],
                         str(body["patient_code"]), draft, reason,
                         bool(body.get("confirmed", False)))
    except (ValueError, KeyError, TypeError, AttributeError):
        return header["author"], RefusedFile(path, _tampered(name))
    if path.name != f"{kept.draft_id}{SUFFIX}":  # a file copied over another one's name
        return header["author"], RefusedFile(path, _tampered(name))
    return header["author"], kept


def _entry_key(value: object) -> str | None:
    if value is None:
        return None
    if not (isinstance(value, str) and value.isalnum() and value.isascii()
            and len(value) <= 32):
        raise ValueError("an entry key is up to 32 letters and digits")
    return value


def pending(db: Database, actor: Actor) -> Pending:
    """The drafts this computer keeps for ``db`` that ``actor`` typed (oldest first), the
    files that cannot be used, and how many other users' drafts there are."""
    address, installation = database_address(db), db.installation_id()
    kept: list[KeptDraft] = []
    refused: list[RefusedFile] = []
    others = 0
    base = paths.kept_drafts_dir()
    if not base.is_dir():
        return Pending((), (), 0)
    for path in sorted(base.glob(f"*{SUFFIX}")):
        author, found = _read(path, address, installation)
        if found is None:
            continue
        if author and author != actor.username:
            others += 1
        elif isinstance(found, KeptDraft):
            kept.append(found)
        else:
            refused.append(found)
    kept.sort(key=lambda k: k.kept_at)
    return Pending(tuple(kept), tuple(refused), others)


# --- restoring and discarding ------------------------------------------------------------------


def _already_stored(db: Database, kept: KeptDraft) -> int | None:
    """The id of the visit that already holds exactly this draft (saved after the file was
    written, e.g. just before a crash, or a first save whose answer was lost: found by its
    entry key), else None."""
    d = kept.draft
    visit_id = d.visit_id
    if visit_id is None and d.entry_key is not None:
        visit_id = entry_visit_id(db, d.patient_id, d.entry_key)
    if visit_id is None:
        return None
    try:
        stored = get_visit(db, visit_id)
    except UserError:
        return None
    same = (stored.patient_id, stored.label, stored.visit_date, flatten(stored.content)) == (
        d.patient_id, d.label, d.visit_date, flatten(d.content))
    return visit_id if same else None


def restore(db: Database, actor: Actor, kept: KeptDraft) -> Restored:
    """Save ``kept`` through :func:`save_visit` as ``actor`` (a draft stays a draft; a
    completed visit's correction keeps its reason), with the version it was opened at: a
    visit changed since is a conflict and nothing is overwritten. Restored (or found already
    saved): the file is removed. Not restored: the file stays, the message says why."""
    try:
        stored = _already_stored(db, kept)
        if stored is not None:
            forget(kept.draft_id)
            return Restored(kept, Outcome.ALREADY_SAVED, get_visit(db, stored))
        record = save_visit(db, actor, kept.draft, complete=False, reason=kept.reason,
                            confirm_warnings=kept.confirmed, today=clock.today())
    except (UserError, ValidationError, StorageError) as exc:
        plain = plain_error(exc)
        message = plain.message if plain is not None else str(exc)
        log.info("kept visit draft %s not restored (%s)", kept.draft_id, type(exc).__name__)
        return Restored(kept, Outcome.NOT_RESTORED, message=message)
    forget(kept.draft_id)
    log.info("kept visit draft %s restored by %s as visit %s", kept.draft_id, actor.username,
             record.id)
    return Restored(kept, Outcome.RESTORED, record)


def discard(actor: Actor, item: KeptDraft | RefusedFile) -> None:
    """Delete a kept draft (or an unusable file) for good; the log says who and which."""
    path = item.path
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    atomic.fsync_dir(path.parent)
    if isinstance(item, KeptDraft):
        log.warning("kept visit draft %s (kept %s by %s) discarded by %s", item.draft_id,
                    item.kept_at, item.author, actor.username)
    else:
        log.warning("unusable kept-draft file %s discarded by %s", path.name, actor.username)
