"""Findings produced by validation: hard errors block saving, warnings need confirmation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding, precise enough to show next to the field and in an import report.

    ``field`` is a dotted path such as ``midas.q1`` or ``flow.supine.left``; ``rule`` is a
    stable machine id (``range``, ``integer``, ``midas.work_days`` ...) so callers can test for
    it, ``message`` is the sentence a nurse reads.
    """

    severity: Severity
    field: str
    rule: str
    message: str
    value: object = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.field}: {self.message}"


def error(field: str, rule: str, message: str, value: object = None) -> Issue:
    return Issue(Severity.ERROR, field, rule, message, value)


def warning(field: str, rule: str, message: str, value: object = None) -> Issue:
    return Issue(Severity.WARNING, field, rule, message, value)


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.ERROR]


def warnings(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity is Severity.WARNING]


class ValidationError(ValueError):
    """Raised by services when hard errors (or unconfirmed warnings) stop a write."""

    def __init__(self, issues: Iterable[Issue]):
        self.issues = list(issues)
        super().__init__("; ".join(str(i) for i in self.issues) or "invalid input")
