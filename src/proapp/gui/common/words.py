"""Words the domain keeps as codes and several screens show: a visit's state, a PTA side.

The codes stay English in the database, the files and the logs; the screens show them in
their language through these (``QT_TRANSLATE_NOOP`` marks them for ``pyside6-lupdate``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from proapp.gui.common.language import QT_TRANSLATE_NOOP

VISIT_STATES = {"done": QT_TRANSLATE_NOOP("VisitState", "done"),
                "due": QT_TRANSLATE_NOOP("VisitState", "due"),
                "overdue": QT_TRANSLATE_NOOP("VisitState", "overdue"),
                "missed": QT_TRANSLATE_NOOP("VisitState", "missed"),
                "upcoming": QT_TRANSLATE_NOOP("VisitState", "upcoming")}
PTA_SIDES = {"bilateral": QT_TRANSLATE_NOOP("PtaSide", "bilateral"),
             "left": QT_TRANSLATE_NOOP("PtaSide", "left"),
             "right": QT_TRANSLATE_NOOP("PtaSide", "right")}
ROLES = {"nurse": QT_TRANSLATE_NOOP("Role", "nurse"),
         "clinician": QT_TRANSLATE_NOOP("Role", "clinician"),
         "admin": QT_TRANSLATE_NOOP("Role", "admin")}

RECORD_STATUS = {"draft": QT_TRANSLATE_NOOP("RecordStatus", "draft"),
                 "complete": QT_TRANSLATE_NOOP("RecordStatus", "complete")}


def record_status(code: str) -> str:
    """A stored visit's status (draft, complete) as the screens say it."""
    return QCoreApplication.translate("RecordStatus", RECORD_STATUS.get(code, code))


def visit_state(code: str) -> str:
    return QCoreApplication.translate("VisitState", VISIT_STATES.get(code, code))


def pta_side(code: str) -> str:
    return QCoreApplication.translate("PtaSide", PTA_SIDES.get(code, code))


def role(code: str) -> str:
    return QCoreApplication.translate("Role", ROLES.get(code, code))
