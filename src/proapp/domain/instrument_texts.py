"""The words of a questionnaire in one language, read from a text file.

The instrument definitions (:mod:`proapp.domain.midas`, :mod:`proapp.domain.fss`) own what a
questionnaire *is*: its item ids, answer ranges and scoring. What it *says* (title,
instructions, item texts, answer anchors, the short names tables and charts use) is in one
file per instrument and language, ``resources/instruments/<instrument>.<language>.ini``, so a
clinic can install the licensed, validated translation it holds without touching the program
(``proapp instruments install FILE``). A file is checked against the definition before it is
used: every item of the definition with the same range, no other item, anchors only on answers
the range allows.

The format (INI, UTF-8; continuation lines of a long text are indented)::

    [header]
    format = proapp-instrument-texts 1
    instrument = fss
    language = it
    status = unvalidated        ; original | validated | unvalidated
    edition = what this text is, e.g. "Italian validated version, licence 2024-17"
    notice = shown on screen next to the questionnaire (required unless validated/original)
    source = where the text comes from (publication, licence)

    [instrument]
    title = Fatigue Severity Scale
    recall_period = the past week
    instructions = During the past week ...
    (plus the instrument's own texts, e.g. MIDAS grade.I ... grade.IV)

    [item 1]
    range = 1-7
    text = My motivation is lower when I am fatigued.
    short = Lower motivation
    anchor.1 = strongly disagree
    anchor.7 = strongly agree
"""

from __future__ import annotations

import configparser
import os
import sys
import sysconfig
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from proapp.domain.i18n import Msg, msg
from proapp.domain.language import Language

FORMAT = "proapp-instrument-texts 1"
SUFFIX = ".ini"
MAX_FILE_BYTES = 256 * 1024
MAX_TEXT = 2000
MAX_SHORT = 60


class TextStatus(StrEnum):
    ORIGINAL = "original"  # the language the instrument was published and validated in
    VALIDATED = "validated"  # a licensed, validated translation the clinic installed
    UNVALIDATED = "unvalidated"  # a working translation: never to be passed off as validated


@dataclass(frozen=True, slots=True)
class ItemTexts:
    text: str
    short: str
    anchors: Mapping[int, str] = field(default_factory=dict)
    range: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class InstrumentTexts:
    """One instrument's words in one language (see the module docstring for the file)."""

    instrument: str
    language: Language
    status: TextStatus
    edition: str
    notice: str
    source: str
    title: str
    recall_period: str
    instructions: str
    items: Mapping[str, ItemTexts]
    extra: Mapping[str, str] = field(default_factory=dict)
    content: str = ""  # the file as read, stored when a clinic installs it

    @property
    def validated(self) -> bool:
        return self.status is not TextStatus.UNVALIDATED

    def item(self, item_id: str) -> ItemTexts:
        return self.items[item_id]

    def text(self, key: str) -> str:
        """One of the instrument's own texts (``grade.III``)."""
        return self.extra[key]


class TextFileError(ValueError):
    """A texts file that cannot be used; the message says where and why."""

    def __init__(self, message: Msg):
        self.message = message
        super().__init__(message)


class _Definition(Protocol):
    """What :func:`check` needs from an instrument definition."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def text_keys(self) -> tuple[str, ...]: ...

    @property
    def item_specs(self) -> Iterable[tuple[str, str, int, int]]: ...  # id, label, min, max


def _reader() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True, empty_lines_in_values=False,
                                       comment_prefixes=("#", ";"), inline_comment_prefixes=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep "grade.III"
    return parser


def parse(content: str, origin: str = "the file") -> InstrumentTexts:
    """Read a texts file (not yet checked against a definition: see :func:`check`)."""
    if len(content.encode("utf-8")) > MAX_FILE_BYTES:
        raise TextFileError(msg("{origin} is larger than {size} KB: not an instrument texts "
                                "file", origin=origin, size=MAX_FILE_BYTES // 1024))
    parser = _reader()
    try:
        parser.read_string(content.removeprefix("\ufeff"), source=origin)
    except configparser.Error as exc:
        raise TextFileError(msg("{origin} cannot be read: {reason}", origin=origin,
                                reason=" ".join(str(exc).split()))) from None
    if not parser.has_section("header"):
        raise TextFileError(msg("{origin} has no [header] section: not an instrument texts "
                                "file", origin=origin))
    head = parser["header"]
    if head.get("format", "").strip() != FORMAT:
        raise TextFileError(msg("{origin}: [header] format must be {format!r}, not {found!r}",
                                origin=origin, format=FORMAT,
                                found=head.get("format", "")[:40]))
    try:
        language = Language(head.get("language", "").strip())
    except ValueError:
        raise TextFileError(msg("{origin}: [header] language must be one of {known}, not "
                                "{found!r}", origin=origin,
                                known=", ".join(x.value for x in Language),
                                found=head.get("language", "")[:20])) from None
    try:
        status = TextStatus(head.get("status", "").strip())
    except ValueError:
        raise TextFileError(msg("{origin}: [header] status must be one of {known}, not "
                                "{found!r}", origin=origin,
                                known=", ".join(x.value for x in TextStatus),
                                found=head.get("status", "")[:20])) from None
    if not parser.has_section("instrument"):
        raise TextFileError(msg("{origin} has no [instrument] section", origin=origin))
    main = dict(parser["instrument"])
    items: dict[str, ItemTexts] = {}
    for section in parser.sections():
        if section in ("header", "instrument"):
            continue
        kind, _, item_id = section.partition(" ")
        if kind != "item" or not item_id.strip():
            raise TextFileError(msg("{origin}: unknown section [{section}] (expected [header], "
                                    "[instrument] or [item ID])", origin=origin,
                                    section=section[:40]))
        items[item_id.strip()] = _item(origin, section, dict(parser[section]))
    extra = {k: _one_line(v) for k, v in main.items()
             if k not in ("title", "recall_period", "instructions")}
    return InstrumentTexts(
        instrument=head.get("instrument", "").strip(), language=language, status=status,
        edition=_one_line(head.get("edition", "")), notice=_one_line(head.get("notice", "")),
        source=_one_line(head.get("source", "")), title=_one_line(main.get("title", "")),
        recall_period=_one_line(main.get("recall_period", "")),
        instructions=_one_line(main.get("instructions", "")), items=items, extra=extra,
        content=content)


def _one_line(value: str) -> str:
    """A value as one paragraph: continuation lines joined by single spaces."""
    return " ".join(value.split())


def _item(origin: str, section: str, values: dict[str, str]) -> ItemTexts:
    anchors: dict[int, str] = {}
    span: tuple[int, int] | None = None
    for key, value in values.items():
        if key.startswith("anchor."):
            try:
                anchors[int(key.removeprefix("anchor."))] = _one_line(value)
            except ValueError:
                raise TextFileError(msg("{origin}: [{section}] {key}: an anchor names a whole "
                                        "answer value, e.g. anchor.7", origin=origin,
                                        section=section, key=key[:40])) from None
        elif key == "range":
            low, sep, high = value.strip().partition("-")
            try:
                span = (int(low), int(high)) if sep else None
            except ValueError:
                span = None
            if span is None:
                raise TextFileError(msg("{origin}: [{section}] range must be written as LOW-HIGH, "
                                        "e.g. 0-90", origin=origin, section=section))
        elif key not in ("text", "short"):
            raise TextFileError(msg("{origin}: [{section}] has an unknown key {key!r} (expected "
                                    "range, text, short, anchor.N)", origin=origin,
                                    section=section, key=key[:40]))
    return ItemTexts(_one_line(values.get("text", "")), _one_line(values.get("short", "")),
                     anchors, span)


def check(texts: InstrumentTexts, definition: _Definition) -> list[Msg]:
    """Every reason ``texts`` cannot be used with ``definition`` (empty: it can)."""
    problems: list[Msg] = []
    name = definition.name
    if texts.instrument != definition.id:
        problems.append(msg("the file is for instrument {found!r}, not {name}",
                            found=texts.instrument[:20], name=name))
        return problems
    if texts.status is TextStatus.ORIGINAL and texts.language is not Language.ENGLISH:
        problems.append(msg("{name} was published in English: a text in another language is a "
                            "translation (status validated or unvalidated), not the original",
                            name=name))
    if texts.status is TextStatus.UNVALIDATED and not texts.notice:
        problems.append(msg("an unvalidated translation must say so on screen: [header] notice "
                            "is empty"))
    for key, value in (("title", texts.title), ("instructions", texts.instructions),
                       ("recall_period", texts.recall_period)):
        if not value:
            problems.append(msg("[instrument] {key} is missing or empty", key=key))
    for key in definition.text_keys:
        if not texts.extra.get(key):
            problems.append(msg("[instrument] {key} is missing or empty", key=key))
    for key in texts.extra:
        if key not in definition.text_keys:
            problems.append(msg("[instrument] has an unknown key {key!r}", key=key[:40]))
    specs = {item_id: (label, low, high) for item_id, label, low, high in definition.item_specs}
    for item_id in texts.items:
        if item_id not in specs:
            problems.append(msg("[item {item}]: {name} has no item {item!r} (its items are "
                                "{items})", item=item_id[:20], name=name,
                                items=", ".join(specs)))
    for item_id, (label, low, high) in specs.items():
        it = texts.items.get(item_id)
        if it is None:
            problems.append(msg("[item {item}] is missing ({name} item {label})", item=item_id,
                                name=name, label=label))
            continue
        if it.range != (low, high):
            stated = "none" if it.range is None else f"{it.range[0]}-{it.range[1]}"
            problems.append(msg("[item {item}] range is {stated}; {name} item {label} is "
                                "answered {low}-{high}: this text is for another version of the "
                                "questionnaire", item=item_id, stated=stated, name=name,
                                label=label, low=low, high=high))
        if not it.text or not it.short:
            problems.append(msg("[item {item}] needs both text and short", item=item_id))
        if len(it.text) > MAX_TEXT:
            problems.append(msg("[item {item}] text is longer than {limit} characters",
                                item=item_id, limit=MAX_TEXT))
        if len(it.short) > MAX_SHORT:
            problems.append(msg("[item {item}] short is longer than {limit} characters",
                                item=item_id, limit=MAX_SHORT))
        for answer in it.anchors:
            if not low <= answer <= high:
                problems.append(msg("[item {item}] anchor.{value} is outside the answers "
                                    "{low}-{high}", item=item_id, value=answer, low=low,
                                    high=high))
    return problems


def load(content: str, definition: _Definition, origin: str = "the file") -> InstrumentTexts:
    """Parse and check; TextFileError lists every problem."""
    texts = parse(content, origin)
    problems = check(texts, definition)
    if problems:
        raise TextFileError(msg("{origin} cannot be used for {name}: {problems}",
                                origin=origin, name=definition.name,
                                problems=Problems(problems)))
    return texts


class Problems(Msg):
    """Several problems as one sentence each, joined by '; ' in any language."""

    def __new__(cls, problems: Iterable[Msg]) -> Problems:
        items = list(problems)
        self = super().__new__(cls, "; ".join(["{" + f"p{i}" + "}" for i in range(len(items))]),
                               {f"p{i}": p for i, p in enumerate(items)})
        return self  # type: ignore[return-value]


# ------------------------------------------------------------------ the bundled files
def bundled_dir() -> Path:
    """``resources/instruments`` inside the frozen build, where a wheel installed it, or in a
    source checkout: the same places, in the same order, as :func:`proapp.paths.resources`
    (which the domain may not import; a test checks that the two agree)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / "instruments"
    for scheme in (None, f"{os.name}_user"):
        try:
            data = sysconfig.get_path("data", scheme) if scheme else sysconfig.get_path("data")
        except KeyError:
            continue
        if data:
            candidate = Path(data) / "share" / "proapp" / "resources"
            if (candidate / "fonts").is_dir():
                return candidate / "instruments"
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "resources"
        if (candidate / "icons").is_dir() or (candidate / "fonts").is_dir():
            return candidate / "instruments"
    return here.parents[3] / "resources" / "instruments"


def bundled_path(instrument_id: str, language: Language) -> Path:
    return bundled_dir() / f"{instrument_id}.{language.value}{SUFFIX}"


@lru_cache(maxsize=16)
def read_bundled(instrument_id: str, language: Language) -> str:
    return bundled_path(instrument_id, language).read_text(encoding="utf-8")
