"""One patient: key facts, the visit timeline and small trend charts.

Everything shown comes from :func:`proapp.services.patient_overview.overview` (states from the
domain schedule, values from the shared visit summaries). The charts are drawn only when the
view is visible, and again only after the data changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from proapp.db.engine import Database
from proapp.domain import schedule
from proapp.domain.actor import Actor, Permission, can
from proapp.gui.accounts.changelog_view import open_changelog
from proapp.gui.accounts.signing import sign_visit_dialog, unlock_visit_dialog
from proapp.gui.common.flow_layout import FlowLayout
from proapp.gui.common.language import QT_TRANSLATE_NOOP, in_context, shown
from proapp.gui.common.table import day_text
from proapp.gui.common.widgets import RowTableView
from proapp.gui.patients.timeline_model import TimelineModel
from proapp.services.patients.overview import PatientOverview, Series, TimelineEntry, overview

SEX_TEXT = {"F": QT_TRANSLATE_NOOP("PatientView", "female"),
            "M": QT_TRANSLATE_NOOP("PatientView", "male"),
            "X": QT_TRANSLATE_NOOP("PatientView", "other / not stated")}
FACTS = (QT_TRANSLATE_NOOP("PatientView", "Age / sex"),
         QT_TRANSLATE_NOOP("PatientView", "MS subtype"),
         QT_TRANSLATE_NOOP("PatientView", "Flags"), QT_TRANSLATE_NOOP("PatientView", "PTA"))


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("PatientView")  # this screen's texts marked with QT_TRANSLATE_NOOP
CHART_COLORS = ("#2f6f8f", "#8a5a9e", "#3f8f5f")


class TrendCharts(QWidget):
    """Three small line charts (matplotlib), drawn lazily on show."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(4, 6), layout="constrained")
        self.figure.set_facecolor("#ffffff")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("trendCanvas")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(220, 110)  # fits a 1280x800 screen at 150 %
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._series: list[Series] = []
        self._dirty = True
        self.draw_count = 0

    def set_series(self, series: list[Series]) -> None:
        self._series = series
        self._dirty = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.redraw()

    def redraw(self) -> None:
        fig = self.figure
        fig.clear()
        n = max(len(self._series), 1)
        axes = fig.subplots(n, 1, sharex=True, squeeze=False)[:, 0]
        for ax, s, color in zip(axes, self._series, CHART_COLORS, strict=False):
            ax.set_title(f"{shown(s.title)} ({shown(s.unit)})", fontsize=9, loc="left",
                         color="#1f2933")
            ax.tick_params(labelsize=8, colors="#52606d")
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.grid(True, color="#e4e7eb", linewidth=0.8)
            ax.axvline(0, color="#9aa5b1", linewidth=1, linestyle="--")
            if s.points:
                xs, ys = zip(*s.points, strict=True)
                ax.plot(xs, ys, marker="o", markersize=4, color=color, linewidth=1.6)
                ax.set_ylim(bottom=0)
            else:
                ax.text(0.5, 0.5, translate("PatientView", "no completed values yet"),
                        transform=ax.transAxes,
                        ha="center", va="center", fontsize=8, color="#7b8794")
                ax.set_yticks([])
        axes[-1].set_xlabel(translate("PatientView", "months since PTA (dashed line = PTA)"),
                            fontsize=8,
                            color="#52606d")
        self.canvas.draw_idle()
        self._dirty = False
        self.draw_count += 1


def _section(title: str, content: QWidget) -> QWidget:
    """A titled half of the patient view."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    caption = QLabel(title)
    caption.setObjectName("sectionTitle")
    layout.addWidget(caption)
    layout.addWidget(content)
    return box


class PatientView(QWidget):
    newVisitRequested = Signal(int)  # patient id
    openVisitRequested = Signal(int, int, str)  # patient id, visit id (0 = new), label
    editPatientRequested = Signal(int)
    reportRequested = Signal(int)

    def __init__(self, database: Database, actor: Actor, patient_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("patientView")
        self.database = database
        self.actor = actor
        self.patient_id = patient_id
        self.data: PatientOverview | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(16, 14, 16, 10)
        root.setSpacing(10)
        self.header = QFrame()
        self.header.setObjectName("patientHeader")
        grid = QGridLayout(self.header)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(28)
        self.title = QLabel()
        self.title.setObjectName("patientTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.title, 0, 0, 1, 4)
        self.facts: dict[str, QLabel] = {}
        for i, key in enumerate(FACTS):
            cap = QLabel(_t(key))
            cap.setObjectName("factCaption")
            val = QLabel()
            val.setObjectName("factValue")
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cap, 1, i)
            grid.addWidget(val, 2, i)
            self.facts[key] = val
        root.addWidget(self.header)

        # A visit saved as a draft and not completed (after a crash, a closed window or
        # another user's session): said here, with the one key that resumes it.
        self.draft_banner = QFrame()
        self.draft_banner.setObjectName("draftBanner")
        self.draft_banner.setStyleSheet("QFrame#draftBanner { background: #fff6dc; "
                                        "border: 1px solid #e8c872; border-radius: 4px; }")
        banner = QHBoxLayout(self.draft_banner)
        banner.setContentsMargins(10, 6, 10, 6)
        self.draft_text = QLabel()
        self.draft_text.setObjectName("draftText")
        self.draft_text.setWordWrap(True)
        self.btn_resume = QPushButton(self.tr("Resume draft"))
        self.btn_resume.setObjectName("btnResumeDraft")
        self.btn_resume.clicked.connect(self.resume_draft)
        banner.addWidget(self.draft_text, 1)
        banner.addWidget(self.btn_resume)
        self.draft_banner.hide()
        root.addWidget(self.draft_banner)

        buttons = FlowLayout()
        self.btn_new = QPushButton(self.tr("New visit"))
        self.btn_new.setObjectName("btnNewVisit")
        self.btn_new.setToolTip(self.tr("Enter a new visit (Ctrl+Shift+V)"))
        self.btn_new.clicked.connect(lambda: self.newVisitRequested.emit(self.patient_id))
        self.btn_open = QPushButton(self.tr("Open visit"))
        self.btn_open.setObjectName("btnOpenVisit")
        self.btn_open.setToolTip(self.tr("Open the selected visit, or start it (Enter)"))
        self.btn_open.clicked.connect(self.open_current)
        self.btn_edit = QPushButton(self.tr("Edit patient"))
        self.btn_edit.setObjectName("btnEditPatient")
        self.btn_edit.setToolTip(self.tr("Edit the patient's details and PTA dates (Ctrl+E)"))
        self.btn_edit.clicked.connect(lambda: self.editPatientRequested.emit(self.patient_id))
        self.btn_report = QPushButton(self.tr("Report"))
        self.btn_report.setObjectName("btnReport")
        self.btn_report.setToolTip(self.tr("Trend report for this patient (Ctrl+R)"))
        self.btn_report.clicked.connect(lambda: self.reportRequested.emit(self.patient_id))
        for b in (self.btn_new, self.btn_open, self.btn_edit, self.btn_report):
            buttons.addWidget(b)
        # Signing, unlocking and the audit trail of this patient or of the selected visit.
        self.btn_sign = QPushButton(self.tr("Sign visit…"))
        self.btn_sign.setObjectName("btnSignVisit")
        self.btn_sign.clicked.connect(self.sign_current)
        self.btn_unlock = QPushButton(self.tr("Unlock visit…"))
        self.btn_unlock.setObjectName("btnUnlockVisit")
        self.btn_unlock.clicked.connect(self.unlock_current)
        self.btn_log = QPushButton(self.tr("Change log"))
        self.btn_log.setObjectName("btnChangeLog")
        log_menu = QMenu(self.btn_log)
        self.act_patient_log = log_menu.addAction(self.tr("Everything for this &patient…"),
                                                  self.show_patient_log)
        self.act_visit_log = log_menu.addAction(self.tr("The selected &visit…"),
                                                self.show_visit_log)
        self.btn_log.setMenu(log_menu)
        for b in (self.btn_sign, self.btn_unlock, self.btn_log):
            buttons.addWidget(b)
        root.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.timeline_model = TimelineModel(self)
        self.timeline = RowTableView("timelineTable")
        self.timeline.attach(self.timeline_model)
        self.timeline.rowActivated.connect(self._activate)
        self.timeline.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.charts = TrendCharts()
        split.addWidget(_section(self.tr("Visits"), self.timeline))
        split.addWidget(_section(self.tr("Trends"), self.charts))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 420])
        root.addWidget(split, 1)
        self.setFocusProxy(self.timeline)
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.timeline.current_object()
        self.data = overview(self.database, self.patient_id)
        d = self.data
        f = d.patient.facts
        demo = ("  <span style='color:#8a5a00'>" + self.tr("(synthetic demo patient)")
                + "</span>") if d.patient.is_demo else ""
        self.title.setText(f"<span style='font-size:15pt'><b>{f.family_name}, {f.given_name}"
                           f"</b></span>&nbsp;&nbsp;<span style='color:#52606d'>{f.code}</span>"
                           f"{demo}")
        age = (self.tr("%n year(s)", "", d.age) if d.age is not None
               else self.tr("age unknown"))
        born = (" " + self.tr("(born {date})").format(date=day_text(f.birth_date))
                if f.birth_date else "")
        sex = _t(SEX_TEXT.get(f.sex.value, f.sex.value))
        self.facts[FACTS[0]].setText(f"{age}, {sex}{born}")
        dx = (", " + self.tr("diagnosed {year}").format(year=f.diagnosis_year)
              if f.diagnosis_year else "")
        self.facts[FACTS[1]].setText(f"{f.ms_subtype.value} – {shown(f.ms_subtype.title)}{dx}")
        flags = [self.tr("headache-positive")] if f.headache_positive else []
        flags += [self.tr("fatigue-positive")] if f.fatigue_positive else []
        self.facts[FACTS[2]].setText(", ".join(flags) or self.tr("none"))
        ptas = [f"{day_text(p.pta_date)} ({QCoreApplication.translate('PtaSide', p.side.value)})"
                for _i, p in d.patient.procedures]
        self.facts[FACTS[3]].setText("; ".join(ptas) or self.tr("no PTA recorded yet"))
        entries = d.timeline()
        self.timeline_model.set_rows(entries)
        row = self._row_to_select(entries, keep)
        if row is not None:
            self.timeline.setCurrentIndex(self.timeline_model.index(row, 0))
        self.charts.set_series(d.series())
        self._show_drafts(d)
        self._update_buttons()

    def _show_drafts(self, d: PatientOverview) -> None:
        drafts = d.drafts()
        self.draft_banner.setVisible(bool(drafts))
        if not drafts:
            return
        v = drafts[0]
        title = (shown(schedule.definition(v.label).title) if schedule.is_label(v.label)
                 else v.label)
        text = self.tr("The {label} visit ({title}) of {date} is a draft, entered by {who} "
                       "and not completed yet. Press Enter on it in the list, or Resume draft, "
                       "to go on where it was left.").format(
            label=v.label, title=title, date=day_text(v.visit_date),
            who=v.entered_by or self.tr("unknown"))
        if len(drafts) > 1:
            text += " " + self.tr("(%n drafts in all.)", "", len(drafts))
        self.draft_text.setText(text)

    def resume_draft(self) -> None:
        drafts = self.data.drafts() if self.data is not None else []
        if drafts:
            v = drafts[0]
            self.openVisitRequested.emit(self.patient_id, v.id, v.label)

    @staticmethod
    def _row_to_select(entries: list[TimelineEntry], keep: object) -> int | None:
        if isinstance(keep, TimelineEntry):
            for i, e in enumerate(entries):
                if e.label == keep.label and e.visit_id == keep.visit_id:
                    return i
        for i, e in enumerate(entries):  # else a draft waiting to be resumed
            if e.is_draft:
                return i
        for i, e in enumerate(entries):  # else the first that needs doing
            if e.state in ("due", "overdue"):
                return i
        return len(entries) - 1 if entries else None

    def tab_title(self) -> str:
        if self.data is None:
            return str(self.patient_id)
        f = self.data.patient.facts
        return f"{f.code} {f.family_name}"

    # -- actions -----------------------------------------------------------------------------
    def current_entry(self) -> TimelineEntry | None:
        e = self.timeline.current_object()
        return e if isinstance(e, TimelineEntry) else None

    def _update_buttons(self) -> None:
        e = self.current_entry()
        v = e.visit if e is not None else None
        may_sign = can(self.actor, Permission.VISIT_SIGN)
        self.btn_sign.setEnabled(v is not None and v.is_complete and not v.is_signed
                                 and may_sign)
        self.btn_sign.setToolTip(
            self.tr("Only a clinician may sign visits") if not may_sign else
            self.tr("Sign the selected completed visit (password re-entered); it becomes "
                    "read-only"))
        may_unlock = can(self.actor, Permission.VISIT_UNLOCK)
        self.btn_unlock.setEnabled(v is not None and v.is_signed and may_unlock)
        self.btn_unlock.setToolTip(
            self.tr("Only a clinician may unlock signed visits") if not may_unlock else
            self.tr("Unlock the selected signed visit, with a reason, so it can be corrected"))
        self.act_visit_log.setEnabled(v is not None)
        self.btn_open.setEnabled(e is not None and (e.visit is not None or e.can_start))
        self.btn_open.setText(self.tr("Open visit") if e is None or e.visit is not None
                              else self.tr("Start the {label} visit").format(label=e.label))

    def sign_current(self) -> None:
        e = self.current_entry()
        if e is not None and e.visit is not None and sign_visit_dialog(
                self, self.database, self.actor, e.visit.id):
            self.refresh()

    def unlock_current(self) -> None:
        e = self.current_entry()
        if e is not None and e.visit is not None and unlock_visit_dialog(
                self, self.database, self.actor, e.visit.id):
            self.refresh()

    def show_patient_log(self) -> None:
        open_changelog(self, self.database, self.actor, patient_id=self.patient_id)

    def show_visit_log(self) -> None:
        e = self.current_entry()
        if e is not None and e.visit is not None:
            open_changelog(self, self.database, self.actor, visit_id=e.visit.id)

    def open_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._activate(e)

    def _activate(self, e: object) -> None:
        if not isinstance(e, TimelineEntry):
            return
        if e.visit is not None:
            self.openVisitRequested.emit(self.patient_id, e.visit.id, e.label)
        elif e.can_start:
            self.openVisitRequested.emit(self.patient_id, 0, e.label)
