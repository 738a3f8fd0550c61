"""The clinic settings, declared once: key, default, label, what values each takes.

Pure Python, so ``proapp --help`` can list them without a database library; stored and
changed by :mod:`proapp.services.settings`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from proapp.domain.clinic import format_weekdays, parse_weekdays
from proapp.domain.i18n import msg
from proapp.domain.validation import ValidationError, error


class Kind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    FOLDER = "folder"  # a path; blank means the default folder
    CHOICE = "choice"
    WEEKDAYS = "weekdays"  # e.g. "mon tue thu"


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: str
    label: str  # what the dialog shows beside the field
    description: str  # one sentence: what it changes
    kind: Kind = Kind.TEXT
    minimum: int = 0
    maximum: int = 0
    max_length: int = 200
    choices: Mapping[str, str] = field(default_factory=dict)  # value -> shown text

    def parse(self, raw: str) -> str:
        """The value to store for what was typed; ValidationError names the setting."""
        text = raw.strip()
        where = f"setting.{self.key}"
        if self.kind is Kind.INTEGER:
            if not (text.isascii() and text.lstrip("-").isdigit()):
                raise ValidationError([error(where, "integer",
                                             msg("{label}: {raw} is not a whole number",
                                                 label=self.label, raw=repr(raw)), raw)])
            value = int(text)
            if not self.minimum <= value <= self.maximum:
                raise ValidationError([error(where, "range",
                                             msg("{label} must be between {minimum} and "
                                                 "{maximum}; got {value}", label=self.label,
                                                 minimum=self.minimum, maximum=self.maximum,
                                                 value=value), value)])
            return str(value)
        if self.kind is Kind.CHOICE:
            low = text.lower()
            if low not in self.choices:
                raise ValidationError([error(where, "choice",
                                             msg("{label} must be one of {choices}; got "
                                                 "{raw}", label=self.label,
                                                 choices=", ".join(self.choices),
                                                 raw=repr(raw)), raw)])
            return low
        if self.kind is Kind.WEEKDAYS:
            try:
                return format_weekdays(parse_weekdays(text))
            except ValueError as exc:
                raise ValidationError([error(where, "weekdays", msg(
                    "{label}: {problem}", label=self.label, problem=exc.args[0]), raw)]) from None
        if len(text) > self.max_length:
            raise ValidationError([error(where, "length",
                                         msg("{label} is longer than {length} characters",
                                             label=self.label, length=self.max_length),
                                         len(text))])
        if "\n" in text or "\r" in text:
            raise ValidationError([error(where, "line", msg("{label} must be one line",
                                                            label=self.label), raw)])
        return text


DEFINITIONS: dict[str, SettingDef] = {d.key: d for d in (
    SettingDef("clinic_name", "", msg("Clinic name"), msg("Printed at the top of every report")),
    SettingDef("idle_lock_minutes", "10", msg("Lock after idle minutes"),
               msg("Lock the window after this many minutes without a key press or mouse "
                   "movement; 0 turns the lock off (for computers the system already locks)"),
               Kind.INTEGER, 0, 24 * 60),
    SettingDef("backup_dir", "", msg("Backup folder"),
               msg("Folder for the automatic daily backups; blank: 'backups' in the data "
                   "folder"),
               Kind.FOLDER, max_length=1000),
    SettingDef("backup_keep_daily", "7", msg("Keep daily backups"),
               msg("Days for which the newest backup of the day is kept"), Kind.INTEGER, 1, 366),
    SettingDef("backup_keep_weekly", "4", msg("Keep weekly backups"),
               msg("Weeks for which the newest backup of the week is kept"), Kind.INTEGER, 0,
               520),
    SettingDef("backup_keep_monthly", "12", msg("Keep monthly backups"),
               msg("Months for which the newest backup of the month is kept"), Kind.INTEGER, 0,
               1200),
    SettingDef("report_page_size", "a4", msg("Report paper size"),
               msg("Paper size of new reports (each report can still choose)"), Kind.CHOICE,
               choices={"a4": "A4", "letter": msg("US Letter")}),
    SettingDef("clinic_days", "mon tue wed thu fri", msg("Clinic days"),
               msg("Weekdays the clinic sees patients: the worklist shows the visits due on the "
                   "next clinic day, counting the days since the previous one"),
               Kind.WEEKDAYS),
    SettingDef("double_entry", "off", msg("Double data entry"),
               msg("Paper questionnaires keyed twice: 'on' asks for a blind second entry of "
                   "each completed visit entered from a paper form, 'off' does not"),
               Kind.CHOICE, choices={"off": msg("off"), "on": msg("on")}),
)}


def definition(key: str) -> SettingDef:
    try:
        return DEFINITIONS[key]
    except KeyError:
        raise ValidationError([error("setting", "unknown",
                                     f"There is no setting {key!r}; the settings are "
                                     f"{', '.join(DEFINITIONS)}", key)]) from None
