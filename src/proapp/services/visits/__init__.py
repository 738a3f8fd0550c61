"""Visits: drafts, completion, edits and deletion (:mod:`.records`), and signing
(:mod:`.signing`).

The package re-exports the record operations, so callers write ``visits.save_visit``; the
field vocabulary the change log stores (``flatten``, ``FLOW_ATTRS``) is the domain's
(:mod:`proapp.domain.fields`).
"""

from proapp.domain.fields import FLOW_ATTRS
from proapp.domain.visit import VisitRecord, flatten
from proapp.services.visits.records import (
    VisitDraft,
    check_visit,
    content_of,
    delete_visit,
    discard_draft,
    drafts_of,
    get_visit,
    load_records,
    record_of,
    recorded,
    replace_content,
    save_in,
    save_visit,
    visits_of,
)

__all__ = ["FLOW_ATTRS", "VisitDraft", "VisitRecord", "check_visit", "content_of", "delete_visit",
           "discard_draft", "drafts_of", "flatten", "get_visit", "load_records", "record_of",
           "recorded", "replace_content", "save_in", "save_visit", "visits_of"]
