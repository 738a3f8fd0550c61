"""Patients: their records and PTA procedures (:mod:`.records`), the patient list and the
worklist of visits due (:mod:`.listing`), and one patient at a glance (:mod:`.overview`).

The package re-exports the record operations, so callers write ``patients.create_patient``,
each imported from :mod:`.records` when first used: the patient list is loaded at start-up
with plain table clauses, before anything needs the records' ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from proapp.lazy import lazy_names

if TYPE_CHECKING:
    from proapp.services.patients.records import (
        PATIENT_FIELDS,
        PatientRecord,
        add_procedure,
        count,
        create_patient,
        delete_procedure,
        facts_of,
        find_by_code,
        get_patient,
        record_of,
        save_patient_record,
        update_patient,
        update_procedure,
    )

__all__ = ["PATIENT_FIELDS", "PatientRecord", "add_procedure", "count", "create_patient",
           "delete_procedure", "facts_of", "find_by_code", "get_patient", "record_of",
           "save_patient_record", "update_patient", "update_procedure"]

__getattr__ = lazy_names(__name__, dict.fromkeys(__all__, "records"), globals())
