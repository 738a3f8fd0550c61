"""Sentences the domain (and the services) write, in English and, on request, in Italian.

A rule's message is made with :func:`msg`: it *is* the English sentence (a ``str``, so the
command line, the logs and every existing comparison see plain English), and it remembers its
template and values, so :func:`localize` can write the same sentence in the reader's language
and format: ``msg("Visit date {date} is in the future", date=d)`` reads "Visit date
2013-02-01 is in the future" on the command line and "La data della visita 01/02/2013 è nel
futuro" on an Italian screen. Templates are looked up by their English text, like Qt's
``tr()``; the Italian ones are in :mod:`proapp.domain.messages_it`, and a test checks that
every template written in the source has one with the same placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from proapp.domain.language import Language, LocaleFormat
from proapp.domain.messages_it import ITALIAN

CATALOGUES: dict[Language, Mapping[str, str]] = {Language.ENGLISH: {}, Language.ITALIAN: ITALIAN}


class Msg(str):
    """An English sentence that can be written again in another language."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None) -> Msg:
        values = dict(params or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.params = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Msg, (self.template, self.params))


def msg(template: str, /, **params: Any) -> Msg:
    """A translatable sentence; ``template`` must be a literal (the catalogue test reads it)."""
    return Msg(template, params)


def sentences(parts: Iterable[object]) -> Msg:
    """Several sentences as one text (joined by a space), each written in the reader's
    language: the problems of a form found together, said together."""
    items = list(parts)
    return Msg(" ".join(f"{{s{i}}}" for i in range(len(items))),
               {f"s{i}": part for i, part in enumerate(items)})


def translate(template: str, language: Language) -> str:
    """The template in ``language`` (the English one when there is no translation)."""
    return CATALOGUES[language].get(template, template)


def localize(text: object, fmt: LocaleFormat) -> str:
    """``text`` for a reader of ``fmt``: a :class:`Msg` in their language, its dates and
    numbers in their format; anything else (a name, a free-text reason) as it is."""
    if not isinstance(text, Msg):
        return "" if text is None else str(text)
    values = {k: _value(v, fmt) for k, v in text.params.items()}
    return translate(text.template, fmt.language).format(**values)


def _value(value: object, fmt: LocaleFormat) -> object:
    if isinstance(value, Msg):
        return localize(value, fmt)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, datetime):
        return f"{fmt.format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return fmt.format_date(value)
    if isinstance(value, Decimal | float):
        return fmt.format_number(value)
    if isinstance(value, Enum):
        return value.value
    return value
