"""Questionnaire texts per language: the bundled files, and the ones a clinic installs.

A clinic holds the licence for the validated Italian MIDAS and FSS; proapp ships only its own
working translation, marked as not validated. ``proapp instruments install FILE`` checks the
clinic's file against the instrument definition (:mod:`proapp.domain.instrument_texts`: the
same items, the same ranges) and stores it in the database, so every workstation of the
clinic shows the same words. Every screen, and each visit's stored edition, asks
:func:`texts_for`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session

from proapp.db import changelog
from proapp.db.changelog import Change
from proapp.db.engine import Database
from proapp.db.models import InstrumentText
from proapp.domain import instrument_texts
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.domain.instrument_texts import InstrumentTexts, TextFileError
from proapp.domain.instruments import Instrument
from proapp.domain.language import LANGUAGES, Language
from proapp.domain.registry import QUESTIONNAIRES
from proapp.domain.visit import VisitContent
from proapp.services import clock
from proapp.services.accounts.access import authorize
from proapp.services.errors import NotFoundError, UserError


@dataclass(frozen=True)
class TextsInfo:
    """Which texts are in use for one instrument and language, for ``instruments list``."""

    instrument: str
    language: Language
    texts: InstrumentTexts
    installed_at: datetime | None  # None: the file bundled with proapp
    installed_by: str | None

    @property
    def source(self) -> str:
        return "bundled" if self.installed_at is None else "installed"


def _installed(s: Session, instrument: Instrument, language: Language) -> InstrumentText | None:
    return s.get(InstrumentText, (instrument.id, language.value))


@lru_cache(maxsize=32)
def _load(instrument_id: str, content: str, origin: str) -> InstrumentTexts:
    return instrument_texts.load(content, QUESTIONNAIRES[instrument_id], origin=origin)


def _parse_stored(row: InstrumentText, instrument: Instrument) -> InstrumentTexts:
    """A stored file, checked again (the definition may have changed since it was installed:
    then it is not used, and the message says why). Parsed once per process and content: the
    wizard saves its draft on every change."""
    try:
        return _load(instrument.id, row.content,
                     f"installed {instrument.name} texts ({row.language})")
    except TextFileError as exc:
        raise UserError(msg("The {name} texts installed for {language} no longer fit this "
                            "version of proapp: {reason}. Install a corrected file.",
                            name=instrument.name, language=row.language,
                            reason=exc.message)) from exc


def texts_in(s: Session, instrument: Instrument, language: Language) -> InstrumentTexts:
    row = _installed(s, instrument, language)
    return instrument.texts(language) if row is None else _parse_stored(row, instrument)


def texts_for(db: Database, instrument_id: str, language: Language) -> InstrumentTexts:
    """The words to show for ``instrument_id`` in ``language``: installed, else bundled."""
    instrument = QUESTIONNAIRES[instrument_id]
    with db.read() as s:
        return texts_in(s, instrument, language)


def all_texts(db: Database, language: Language) -> dict[str, InstrumentTexts]:
    """Every questionnaire's words in ``language`` (one read), for the entry screens."""
    with db.read() as s:
        return {i.id: texts_in(s, i, language) for i in QUESTIONNAIRES.values()}


def edition_of(s: Session, language: Language, content: VisitContent) -> str:
    """``midas=<edition>; fss=<edition>`` for the questionnaires a visit holds answers for,
    stored with the visit so an answer given on an unvalidated text stays known as one."""
    parts = []
    for instrument in QUESTIONNAIRES.values():
        if content.has_data(instrument.id):
            texts = texts_in(s, instrument, language)
            flag = "" if texts.validated else " [not validated]"
            parts.append(f"{instrument.id}={texts.edition}{flag}")
    return "; ".join(parts)[:400]


def listing(db: Database) -> list[TextsInfo]:
    out = []
    with db.read() as s:
        for instrument in QUESTIONNAIRES.values():
            for language in LANGUAGES:
                row = _installed(s, instrument, language)
                if row is None:
                    out.append(TextsInfo(instrument.id, language, instrument.texts(language),
                                         None, None))
                else:
                    out.append(TextsInfo(instrument.id, language,
                                         _parse_stored(row, instrument), row.installed_at,
                                         row.installed_by))
    return out


def check_file(path: str | Path) -> InstrumentTexts:
    """Read and check a texts file without installing it (``instruments check``)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(msg("Cannot read {path}: {reason}", path=str(path),
                            reason=exc.strerror or str(exc))) from exc
    if len(raw) > instrument_texts.MAX_FILE_BYTES:
        raise UserError(msg("{path} is larger than {size} KB: not an instrument texts file",
                            path=str(path), size=instrument_texts.MAX_FILE_BYTES // 1024))
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(msg("{path} is not UTF-8 text; save it as UTF-8 and try again",
                            path=str(path))) from None
    try:
        texts = instrument_texts.parse(content, path.name)
    except TextFileError as exc:
        raise UserError(exc.message) from exc
    instrument = QUESTIONNAIRES.get(texts.instrument)
    if instrument is None:
        raise UserError(msg("{path}: [header] instrument must be one of {known}, not {found}",
                            path=path.name, known=", ".join(QUESTIONNAIRES),
                            found=repr(texts.instrument[:20])))
    try:
        return instrument_texts.load(content, instrument, path.name)
    except TextFileError as exc:
        raise UserError(exc.message) from exc


def install(db: Database, actor: Actor, path: str | Path) -> InstrumentTexts:
    """Check ``path`` against its instrument's definition and store it for every workstation
    (administrators; logged). Installing the same file again changes nothing."""
    texts = check_file(path)
    digest = hashlib.sha256(texts.content.encode("utf-8")).hexdigest()
    with db.write(actor, f"instrument texts installed from {Path(path).name}") as s:
        authorize(s, actor, Permission.SETTINGS_EDIT)
        instrument = QUESTIONNAIRES[texts.instrument]
        row = _installed(s, instrument, texts.language)
        summary = _summary(texts, digest)
        old: Mapping[str, str] | None = None
        if row is not None:
            if row.sha256 == digest:
                return texts
            old = {"status": row.status, "edition": row.edition, "sha256": row.sha256}
            row.status, row.edition, row.content, row.sha256 = (
                texts.status.value, texts.edition[:200], texts.content, digest)
            row.installed_at, row.installed_by = clock.utcnow(), actor.username
        else:
            s.add(InstrumentText(instrument=instrument.id, language=texts.language.value,
                                 status=texts.status.value, edition=texts.edition[:200],
                                 content=texts.content, sha256=digest,
                                 installed_at=clock.utcnow(), installed_by=actor.username))
        changelog.append(s, [Change("update" if old else "insert", "instrument_text", None,
                                    f"{instrument.id}.{texts.language.value}", old, summary)])
        return texts


def remove(db: Database, actor: Actor, instrument_id: str, language: Language) -> None:
    """Go back to the texts bundled with proapp for that instrument and language."""
    instrument = QUESTIONNAIRES.get(instrument_id)
    if instrument is None:
        raise UserError(msg("Unknown instrument {found}; known: {known}",
                            found=repr(instrument_id), known=", ".join(QUESTIONNAIRES)))
    with db.write(actor, "installed instrument texts removed") as s:
        authorize(s, actor, Permission.SETTINGS_EDIT)
        row = _installed(s, instrument, language)
        if row is None:
            raise NotFoundError(msg("No {name} texts are installed for {language}: the bundled "
                                    "ones are in use", name=instrument.name,
                                    language=language.value))
        old = {"status": row.status, "edition": row.edition, "sha256": row.sha256}
        s.delete(row)
        changelog.append(s, [Change("delete", "instrument_text", None,
                                    f"{instrument.id}.{language.value}", old, None)])


def _summary(texts: InstrumentTexts, digest: str) -> dict[str, str]:
    return {"status": texts.status.value, "edition": texts.edition[:200], "sha256": digest}
