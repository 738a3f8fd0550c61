"""Patient and PTA procedure facts, and the rules they must satisfy before being stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from proapp.domain.i18n import Msg, msg
from proapp.domain.language import DEFAULT_LANGUAGE, Language
from proapp.domain.validation import Issue, error, warning

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
NAME_MAX = 100
NOTES_MAX = 4000
EARLIEST_DATE = date(1900, 1, 1)


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    OTHER = "X"  # other / not stated, as on many national forms


class MsSubtype(StrEnum):
    RR = "RR"
    SP = "SP"
    PP = "PP"

    @property
    def title(self) -> Msg:  # type: ignore[override]  # the subtype's name, not str.title()
        return {"RR": msg("relapsing-remitting"), "SP": msg("secondary progressive"),
                "PP": msg("primary progressive")}[self.value]


class PtaSide(StrEnum):
    BILATERAL = "bilateral"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class PatientFacts:
    code: str
    family_name: str
    given_name: str
    birth_date: date | None
    sex: Sex
    ms_subtype: MsSubtype
    diagnosis_year: int | None = None
    headache_positive: bool = False
    fatigue_positive: bool = False
    notes: str = ""
    language: Language = DEFAULT_LANGUAGE  # the patient's reports, and their questionnaires


@dataclass(frozen=True, slots=True)
class ProcedureFacts:
    pta_date: date
    side: PtaSide = PtaSide.BILATERAL
    notes: str = ""


def has_control_chars(text: str) -> bool:
    """Whether ``text`` has a character of Unicode's "Other" categories (control, format,
    surrogate, private use, unassigned) besides a newline or a tab."""
    if text.isprintable():  # no "Other" (nor separator) character at all: the common case
        return False
    return _has_control_chars(text)


def _has_control_chars(text: str) -> bool:
    """The rule itself, character by character (a test holds the quick answer above equal to
    it for any text)."""
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") and c not in "\n\t"
               for c in text)


def _text(field: str, label: Msg, value: str, limit: int, required: bool,
          multiline: bool = False) -> list[Issue]:
    if not isinstance(value, str):
        return [error(field, "text", msg("{label} must be text", label=label), value)]
    if required and not value.strip():
        return [error(field, "required", msg("{label} is required", label=label), value)]
    if len(value) > limit:
        return [error(field, "length", msg("{label} is longer than {limit} characters",
                                           label=label, limit=limit), len(value))]
    if has_control_chars(value) or (not multiline and ("\n" in value or "\t" in value)):
        return [error(field, "characters", msg("{label} contains control characters",
                                               label=label), value)]
    return []


def validate_patient(p: PatientFacts, today: date) -> list[Issue]:
    issues: list[Issue] = []
    if not isinstance(p.code, str) or not CODE_PATTERN.match(p.code):
        issues.append(error("patient.code", "code.format",
                            msg("Patient code must be 1-32 letters, digits, '.', '_' or '-', "
                                "starting with a letter or digit"), p.code))
    issues += _text("patient.family_name", msg("Family name"), p.family_name, NAME_MAX, True)
    issues += _text("patient.given_name", msg("Given name"), p.given_name, NAME_MAX, True)
    issues += _text("patient.notes", msg("Notes"), p.notes, NOTES_MAX, False, multiline=True)
    if p.birth_date is None:
        issues.append(error("patient.birth_date", "required", msg("Birth date is required")))
    elif p.birth_date > today:
        issues.append(error("patient.birth_date", "date.future",
                            msg("Birth date {date} is in the future", date=p.birth_date),
                            p.birth_date))
    elif p.birth_date < EARLIEST_DATE:
        issues.append(error("patient.birth_date", "date.range",
                            msg("Birth date {date} is before 1900", date=p.birth_date),
                            p.birth_date))
    elif (today.year - p.birth_date.year) < 12:
        issues.append(warning("patient.birth_date", "age.young",
                              msg("The patient is younger than 12: check the birth date"),
                              p.birth_date))
    if not isinstance(p.sex, Sex):
        issues.append(error("patient.sex", "code", msg("Sex must be F, M or X"), p.sex))
    if not isinstance(p.ms_subtype, MsSubtype):
        issues.append(error("patient.ms_subtype", "code",
                            msg("MS subtype must be RR, SP or PP"), p.ms_subtype))
    y = p.diagnosis_year
    if y is not None:
        low = p.birth_date.year if p.birth_date else EARLIEST_DATE.year
        if isinstance(y, bool) or not isinstance(y, int) or not low <= y <= today.year:
            issues.append(error("patient.diagnosis_year", "range",
                                msg("Diagnosis year must be between {low} and {high}", low=low,
                                    high=today.year), y))
    for name in ("headache_positive", "fatigue_positive"):
        if not isinstance(getattr(p, name), bool):
            issues.append(error(f"patient.{name}", "boolean",
                                msg("{name} must be yes or no", name=name), getattr(p, name)))
    if not isinstance(p.language, Language):
        issues.append(error("patient.language", "code",
                            msg("Language must be one of {codes}",
                                codes=", ".join(x.value for x in Language)), p.language))
    return issues


def validate_procedure(proc: ProcedureFacts, birth_date: date | None, today: date) -> list[Issue]:
    issues: list[Issue] = []
    if proc.pta_date > today:
        issues.append(error("procedure.pta_date", "date.future",
                            msg("PTA date {date} is in the future", date=proc.pta_date),
                            proc.pta_date))
    if birth_date is not None and proc.pta_date < birth_date:
        issues.append(error("procedure.pta_date", "date.before_birth",
                            msg("PTA date is before the birth date"), proc.pta_date))
    if not isinstance(proc.side, PtaSide):
        issues.append(error("procedure.side", "code",
                            msg("Side must be bilateral, left or right"), proc.side))
    issues += _text("procedure.notes", msg("Notes"), proc.notes, NOTES_MAX, False,
                    multiline=True)
    return issues


def age_on(birth_date: date, day: date) -> int:
    """Completed years on ``day``."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
