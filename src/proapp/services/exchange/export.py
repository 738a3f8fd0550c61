"""Running an export: permission check, loading the rows once, writing the chosen format
through the safe writer (temporary names, atomic renames, no overwrite without ``force``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from proapp.db.engine import Database
from proapp.domain.actor import Actor, Permission
from proapp.domain.i18n import msg
from proapp.services.accounts.access import check, require
from proapp.services.bulk import no_collection_pauses
from proapp.services.errors import UserError
from proapp.services.exchange import (
    csv_export,
    fhir,
    odm,
    redcap,
    safe_write,
    sqlite_backup,
)
from proapp.services.exchange.dataset import Dataset, ExportOptions, opened
from proapp.services.exchange.dictionary import entries
from proapp.services.integrity.guard import refuse_protected
from proapp.services.progress import Progress


class Format(StrEnum):
    CSV = "csv"
    WIDE = "wide"
    XLSX = "xlsx"
    REDCAP = "redcap"
    FHIR = "fhir"
    ODM = "odm"
    SQLITE = "sqlite"

    @property
    def description(self) -> str:
        return {
            "csv": msg("Interchange CSV: patients.csv + visits.csv (folder)"),
            "wide": msg("Wide CSV: one row per patient, columns per visit (folder)"),
            "xlsx": msg("Excel workbook: patients, visits, wide, data dictionary (file)"),
            "redcap": msg("REDCap: data dictionary, events, mapping and data CSVs (folder)"),
            "fhir": msg("FHIR R4 JSON bundle (folder)"),
            "odm": msg("CDISC ODM 1.3.2 XML: metadata, clinical data, audit trail (folder)"),
            "sqlite": msg("SQLite database copy (file)"),
        }[self.value]

    @property
    def writes_folder(self) -> bool:
        return self not in (Format.XLSX, Format.SQLITE)


FOLDER_FILES: dict[Format, tuple[str, ...]] = {
    Format.CSV: (csv_export.PATIENTS_FILE, csv_export.PROCEDURES_FILE, csv_export.VISITS_FILE,
                 csv_export.DICTIONARY_FILE),
    Format.WIDE: (csv_export.WIDE_FILE, csv_export.DICTIONARY_FILE),
    Format.REDCAP: redcap.FILES,
    Format.FHIR: (fhir.BUNDLE_FILE, csv_export.DICTIONARY_FILE),
    Format.ODM: (odm.ODM_FILE, csv_export.DICTIONARY_FILE),
}


@dataclass(frozen=True)
class ExportResult:
    format: Format
    paths: tuple[Path, ...]
    patients: int
    visits: int


def targets(fmt: Format, out: Path) -> list[Path]:
    """Every file the export would create or replace (for the overwrite question)."""
    out = Path(out)
    if fmt in FOLDER_FILES:
        return [out / n for n in FOLDER_FILES[fmt]]
    if fmt is Format.SQLITE:
        return [out, dictionary_path(out)]
    return [out]


def dictionary_path(db_copy: Path) -> Path:
    return db_copy.with_name(db_copy.stem + "-dictionary.csv")


def run_export(db: Database, actor: Actor, fmt: Format | str, out: Path | str,
               options: ExportOptions | None = None, *, force: bool = False,
               progress: Progress | None = None) -> ExportResult:
    fmt, out = Format(fmt), Path(out)
    options = options or ExportOptions()
    require(actor, Permission.EXPORT)
    refuse_protected(db, [out, *targets(fmt, out)], what="export")
    if fmt is Format.SQLITE:
        # A whole-database copy carries the accounts: administrators only (and even then
        # without the password hashes, see sqlite_backup.backup_to).
        check(db, actor, Permission.EXPORT_ACCOUNTS)
        return _sqlite(db, out, options, force, progress)
    clash = safe_write.existing(targets(fmt, out))
    if clash and not force:
        raise safe_write.OutputExists(clash)
    with no_collection_pauses(), opened(db, actor, options, progress) as data:
        if fmt is Format.XLSX:
            from proapp.services.exchange import xlsx  # imported when needed

            with safe_write.staged_file(out, force=force) as tmp:
                xlsx.write_workbook(data, tmp, progress)
            return ExportResult(fmt, (out,), len(data.patients), data.visits_seen)
        writer: Callable[[Dataset, Path], None] = {
            Format.CSV: lambda d, f: csv_export.write_interchange(d, f, progress),
            Format.WIDE: lambda d, f: csv_export.write_wide(d, f, progress),
            Format.REDCAP: redcap.write_redcap,
            Format.FHIR: lambda d, f: _fhir(d, f, progress),
            Format.ODM: lambda d, f: _odm(d, f, progress),
        }[fmt]
        with safe_write.staged_folder(out, FOLDER_FILES[fmt], force=force) as tmp:
            writer(data, tmp)
            if progress is not None:
                progress.check()
        return ExportResult(fmt, tuple(out / n for n in FOLDER_FILES[fmt]), len(data.patients),
                            data.visits_seen)


def _write_dictionary(data: Dataset, folder: Path) -> None:
    """data_dictionary.csv beside a FHIR or ODM file: every column of the three CSV files."""
    csv_export.write_dictionary(folder / csv_export.DICTIONARY_FILE,
                                entries(csv_export.PATIENTS_FILE, data.patient_columns)
                                + entries(csv_export.PROCEDURES_FILE, data.procedure_columns)
                                + entries(csv_export.VISITS_FILE, data.visit_columns))


def _fhir(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    fhir.write_fhir(data, folder, progress)
    _write_dictionary(data, folder)


def _odm(data: Dataset, folder: Path, progress: Progress | None = None) -> None:
    odm.write_odm(data, folder, progress)
    _write_dictionary(data, folder)


def _sqlite(db: Database, out: Path, options: ExportOptions, force: bool,
            progress: Progress | None) -> ExportResult:
    if options.deidentify or options.subtypes or options.date_from or options.date_to:
        raise UserError(msg("A SQLite copy is the complete database (names, birth dates and the "
                            "change log included): it cannot be filtered or de-identified. Use "
                            "csv, wide, xlsx, redcap or fhir for a selection or de-identified "
                            "data."))
    clash = safe_write.existing(targets(Format.SQLITE, out))
    if clash and not force:
        raise safe_write.OutputExists(clash)
    with safe_write.staged_file(out, force=force) as tmp:
        tmp.unlink()  # sqlite creates it
        sqlite_backup.backup_to(db, tmp, progress)
        with safe_write.staged_file(dictionary_path(out), force=force) as dtmp:
            sqlite_backup.write_schema_dictionary(db, dtmp)
    return ExportResult(Format.SQLITE, (out, dictionary_path(out)), 0, 0)
