"""Page 1, the visit: label and date, pre-filled from the schedule; the forms the visit expects;
the patient's schedule."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from proapp.domain import schedule
from proapp.domain.registry import FORMS
from proapp.gui.common import language
from proapp.gui.common.language import shown
from proapp.gui.common.style import HINT_STYLE
from proapp.gui.common.table import day_text
from proapp.gui.common.widgets import FieldMessage
from proapp.gui.common.words import visit_state
from proapp.gui.visits.fields import heading, wrapped
from proapp.gui.visits.pages.base import WizardPage, form_title, scroll

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


def expected_forms_text(label: str) -> str:
    d = schedule.definition(label)
    forms = [form_title(f) for f in FORMS if d.expects(f)]
    if not forms:
        return translate("VisitPage", "{visit}: no form is expected. Tick the forms done at "
                         "this visit (Space ticks, Enter moves on): their pages follow.").format(
            visit=shown(d.title))
    return translate("VisitPage", "{visit} expects: {forms}.").format(visit=shown(d.title),
                                                                     forms=", ".join(forms))


class VisitPage(WizardPage):
    """Which visit this is: label and date, pre-filled from the schedule; the expected forms."""

    def __init__(self, patient_line: str, plan: Sequence[schedule.ScheduledVisit],
                 label: str, visit_date: date, *, extra_info: str = "",
                 parent: QWidget | None = None):
        super().__init__(translate("VisitPage", "Visit"), parent)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Visit")))
        outer.addWidget(scroll(inner), 1)
        layout.addWidget(wrapped(patient_line))
        if extra_info:
            layout.addWidget(wrapped(extra_info, HINT_STYLE))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.label_box = QComboBox()
        self.label_box.setObjectName("visit.label")
        labels = [e.label for e in plan]
        if label not in labels:
            labels.append(label)
        if schedule.UNSCHEDULED not in labels:
            labels.append(schedule.UNSCHEDULED)
        by_label = {e.label: e for e in plan}
        for lbl in labels:
            self.label_box.addItem(self._describe(lbl, by_label.get(lbl)), lbl)
        self.label_box.setCurrentIndex(labels.index(label))
        self.label_box.setMinimumContentsLength(24)
        self.label_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("visit.visit_date")
        self.date_edit.setDisplayFormat(language.qt_date_format())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate(visit_date.year, visit_date.month, visit_date.day))
        grid.addWidget(QLabel(self.tr("Visit &label")), 0, 0)
        grid.itemAtPosition(0, 0).widget().setBuddy(self.label_box)  # type: ignore[union-attr]
        grid.addWidget(self.label_box, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._register("visit.label", FieldMessage()), 1, 1)
        date_label = QLabel(self.tr("Visit &date"))
        date_label.setBuddy(self.date_edit)
        grid.addWidget(date_label, 2, 0)
        grid.addWidget(self.date_edit, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self._register("visit.visit_date", FieldMessage()), 3, 1)
        layout.addLayout(grid)
        self.expected = wrapped("")
        layout.addWidget(self.expected)
        # An unscheduled visit expects no form: the nurse says which ones were done, and
        # Enter then walks exactly those pages.
        self.forms_box = QWidget()
        self.forms_box.setObjectName("visit.forms")
        forms_row = QHBoxLayout(self.forms_box)
        forms_row.setContentsMargins(0, 0, 0, 0)
        forms_row.addWidget(QLabel(self.tr("Forms done at this visit:")))
        self.form_checks: dict[str, QCheckBox] = {}
        for n, form in enumerate(FORMS):
            check = QCheckBox(f"&{n + 1} {form_title(form)}")
            check.setObjectName(f"visit.forms.{form}")
            check.toggled.connect(lambda _on: self.changed.emit())
            forms_row.addWidget(check)
            self.form_checks[form] = check
        forms_row.addStretch(1)
        layout.addWidget(self.forms_box)
        self._register("visit.forms", FieldMessage())
        layout.addWidget(self._messages["visit.forms"])
        self._register("visit", FieldMessage())
        layout.addWidget(self._messages["visit"])
        if plan:
            layout.addSpacing(8)
            layout.addWidget(QLabel(f"<b>{self.tr('Schedule of this patient')}</b>"))
            overview = QLabel(schedule_html(plan))
            overview.setObjectName("visit.schedule")
            overview.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(overview)
        layout.addWidget(wrapped(self.tr("Enter: continue · Alt+N next · Alt+B / Esc back · "
                                         "Ctrl+S save from the review page · Ctrl+1…5 jump to "
                                         "a page"), HINT_STYLE))
        layout.addStretch(1)
        self.label_box.currentIndexChanged.connect(self._label_changed)
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._label_changed()

    @staticmethod
    def _describe(label: str, entry: schedule.ScheduledVisit | None) -> str:
        d = schedule.definition(label)
        if entry is None or entry.window_start is None or entry.window_end is None:
            return f"{label} — {shown(d.title)}"
        state = visit_state(entry.state.value) + (translate("VisitPage", ", draft")
                                                  if entry.has_draft else "")
        return translate("VisitPage",
                         "{label} — {visit} ({state}; window {start} to {end})").format(
            label=label, visit=shown(d.title), state=state, start=day_text(entry.window_start),
            end=day_text(entry.window_end))

    def _label_changed(self) -> None:
        self.expected.setText(expected_forms_text(self.label))
        self.forms_box.setVisible(self.label == schedule.UNSCHEDULED)
        self.changed.emit()

    def chosen_forms(self) -> frozenset[str]:
        """The forms ticked for an unscheduled visit (none for a scheduled one)."""
        if self.label != schedule.UNSCHEDULED:
            return frozenset()
        return frozenset(f for f, c in self.form_checks.items() if c.isChecked())

    def choose_forms(self, forms: frozenset[str]) -> None:
        for f, c in self.form_checks.items():
            c.setChecked(f in forms)

    @property
    def label(self) -> str:
        return str(self.label_box.currentData())

    @property
    def visit_date(self) -> date:
        q = self.date_edit.date()
        return date(q.year(), q.month(), q.day())

    def entry_widgets(self) -> list[QWidget]:
        return [self.label_box, self.date_edit, *self.form_checks.values()]

    def chain_next(self, widget: QWidget) -> QWidget | None:
        """Enter on the label or the date confirms the visit and moves on; an unscheduled
        visit first goes through its form boxes (Space ticks one, Enter moves on)."""
        if self.label != schedule.UNSCHEDULED:
            return None
        checks = list(self.form_checks.values())
        if widget in (self.label_box, self.date_edit):
            return checks[0]
        if widget in checks and widget is not checks[-1]:
            return checks[checks.index(widget) + 1]
        return None


def schedule_html(plan: Sequence[schedule.ScheduledVisit]) -> str:
    """The patient's scheduled visits as a small table: label, target, window, state, forms."""
    heads = (translate("VisitPage", "label"), translate("VisitPage", "visit"),
             translate("VisitPage", "target"), translate("VisitPage", "window"),
             translate("VisitPage", "state"), translate("VisitPage", "forms"))
    rows = ["<tr>" + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in heads)
            + "</tr>"]
    for e in plan:
        window = (translate("VisitPage", "{start} to {end}").format(start=day_text(e.window_start),
                                                end=day_text(e.window_end))
                  if e.window_start and e.window_end else "")
        state = visit_state(e.state.value) + (translate("VisitPage", " (draft)")
                                              if e.has_draft else "")
        forms = ", ".join(form_title(f) for f in FORMS if e.definition.expects(f))
        rows.append(f"<tr><td>{html.escape(e.label)}</td>"
                    f"<td>{html.escape(shown(e.definition.title))}</td>"
                    f"<td>{day_text(e.target)}</td>"
                    f"<td>{window}</td><td>{html.escape(state)}</td>"
                    f"<td>{html.escape(forms)}</td></tr>")
    return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"
