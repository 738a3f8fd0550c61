"""The agreement report: how well each person keys, per questionnaire, and the totals.

The figures come from :func:`proapp.services.visits.double_entry.agreement_report` (the same
as ``proapp double-entry report``): fields keyed, differences, errors (a difference settled
against the person's value), unresolved differences, errors per 1,000 fields and agreement.
"Save as CSV…" writes the same file as the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain import double_entry as de
from proapp.domain.actor import Actor
from proapp.domain.registry import QUESTIONNAIRES
from proapp.gui.common.errors import show_error
from proapp.gui.common.language import QT_TRANSLATE_NOOP
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.table import MUTED, CellStyle, Column, RowTableModel
from proapp.gui.common.widgets import RowTableView
from proapp.gui.visits.double_entry.sizing import fit
from proapp.gui.visits.fields import heading, wrapped
from proapp.services.visits import double_entry

TOTAL = CellStyle(bold=True)
# The column headers, translated by Column.title() (marked here for pyside6-lupdate).
HEADERS = (QT_TRANSLATE_NOOP("Column", "User"),
           QT_TRANSLATE_NOOP("Column", "Questionnaire"),
           QT_TRANSLATE_NOOP("Column", "Visits"),
           QT_TRANSLATE_NOOP("Column", "Fields keyed"),
           QT_TRANSLATE_NOOP("Column", "Differences"),
           QT_TRANSLATE_NOOP("Column", "Errors"),
           QT_TRANSLATE_NOOP("Column", "Unresolved"),
           QT_TRANSLATE_NOOP("Column", "Errors per 1,000"),
           QT_TRANSLATE_NOOP("Column", "Agreement %"))
EVERYONE = QT_TRANSLATE_NOOP("AgreementDialog", "everyone")
ALL_FORMS = QT_TRANSLATE_NOOP("AgreementDialog", "all")


def _name(value: str, everyone: str) -> str:
    if value == de.ALL:
        return QCoreApplication.translate("AgreementDialog", everyone)
    return QUESTIONNAIRES[value].name if value in QUESTIONNAIRES else value


def _rate(value: object) -> str:
    return "—" if value is None else str(value)


def _style(r: de.Agreement) -> CellStyle | None:
    return TOTAL if de.ALL in (r.user, r.instrument) else None


class AgreementModel(RowTableModel[de.Agreement]):
    columns = (
        Column("User", lambda r: _name(r.user, EVERYONE), width_hint="everyone",
               style=_style),
        Column("Questionnaire", lambda r: _name(r.instrument, ALL_FORMS), width_hint="MIDAS",
               style=_style),
        Column("Visits", lambda r: str(r.visits), key=lambda r: r.visits, align_right=True,
               width_hint="00000"),
        Column("Fields keyed", lambda r: str(r.fields), key=lambda r: r.fields,
               align_right=True, width_hint="000000"),
        Column("Differences", lambda r: str(r.differences), key=lambda r: r.differences,
               align_right=True, width_hint="00000"),
        Column("Errors", lambda r: str(r.errors), key=lambda r: r.errors, align_right=True,
               width_hint="00000"),
        Column("Unresolved", lambda r: str(r.unresolved), key=lambda r: r.unresolved,
               align_right=True, width_hint="00000",
               style=lambda r: MUTED if r.unresolved == 0 else None),
        Column("Errors per 1,000", lambda r: _rate(r.errors_per_1000),
               key=lambda r: r.errors_per_1000 or 0, align_right=True, width_hint="000.0"),
        Column("Agreement %", lambda r: _rate(r.agreement_pct),
               key=lambda r: r.agreement_pct or 0, align_right=True, width_hint="100.0"),
    )


class AgreementDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.setObjectName("agreementDialog")
        self.setWindowTitle(self.tr("Double entry: agreement report"))
        fit(self, 1100, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Keying agreement")))
        layout.addWidget(wrapped(self.tr(
            "Every visit keyed twice, per person and questionnaire. A field is one item keyed "
            "once; an error is a difference resolved against that person's value (when the "
            "true value is neither entry, both count an error). Unresolved differences are "
            "counted but blame nobody yet. The totals count every keying."), HINT_STYLE))
        self.model = AgreementModel(self)
        self.model.set_rows(double_entry.agreement_report(database, actor))
        self.table = RowTableView("agreement.table")
        self.table.attach(self.model)
        self.table.set_placeholder(self.tr("No visit has been keyed twice yet."))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save as &CSV…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("agreement.save")
        self.save_button.clicked.connect(self.save_csv)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save_csv(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the agreement report"), "agreement.csv", "CSV (*.csv)")
            if not name:
                return None
            path = Path(name)
        try:  # the file dialog has asked before replacing a file
            double_entry.write_agreement_report(self.database, self.actor, path, force=True)
        except Exception as exc:
            show_error(self, exc, self.tr("save the agreement report"))
            return None
        return path
