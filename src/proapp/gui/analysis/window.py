"""The cohort analysis window: pickers, the result tables and the figure for one group.

The window only collects choices (cut-off, repeat-PTA rule, the groups of each measure) into a
:class:`~proapp.domain.cohort.Plan` and shows what :mod:`proapp.services.analysis` returns: it
computes nothing itself. The analysis and the writing of the files run off the GUI thread
(:func:`proapp.gui.common.tasks.run_with_progress`); the figure is drawn by the same code as
the PDF's (:mod:`proapp.reports.analysis.charts`) onto a Qt canvas.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from proapp import APP_NAME
from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.cohort import DEFAULT_GROUPS, GROUPS, Plan
from proapp.domain.timepoints import MEASURES, Measure, RepeatPta
from proapp.gui.analysis.models import (
    DescriptivesModel,
    FriedmanModel,
    PosthocModel,
    SpearmanModel,
)
from proapp.gui.common.errors import show_error
from proapp.gui.common.language import (
    QT_TRANSLATE_NOOP,
    in_context,
    qt_date_format,
    screen_format,
    shown,
)
from proapp.gui.common.table import RowFilterProxy, RowTableModel
from proapp.gui.common.tasks import Task, run_with_progress
from proapp.gui.common.widgets import ElidedLabel, RowTableView
from proapp.reports.analysis import charts
from proapp.reports.analysis.model import AnalysisResult, FriedmanRow, group_title
from proapp.services import clock
from proapp.services.analysis import OUTPUT_FILES, run_analysis, write_outputs
from proapp.services.exchange import safe_write
from proapp.services.progress import Progress

log = logging.getLogger(__name__)

TABLES = ("Friedman", "Post-hoc", "Spearman", "Descriptives", "Rules")
TABLE_TITLES = (QT_TRANSLATE_NOOP("Analysis", "Friedman"),
                QT_TRANSLATE_NOOP("Analysis", "Post-hoc"),
                QT_TRANSLATE_NOOP("Analysis", "Spearman"),
                QT_TRANSLATE_NOOP("Analysis", "Descriptives"),
                QT_TRANSLATE_NOOP("Analysis", "Rules"))
REPEAT_TEXTS = {RepeatPta.CENSOR: QT_TRANSLATE_NOOP("Analysis", "Repeat PTA: use visits before it"),
                RepeatPta.FIRST: QT_TRANSLATE_NOOP("Analysis", "Repeat PTA: use every visit"),
                RepeatPta.EXCLUDE: QT_TRANSLATE_NOOP("Analysis",
                                                     "Repeat PTA: leave the patient out")}
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


_t = in_context("Analysis")  # this screen's texts marked with QT_TRANSLATE_NOOP


class AnalysisWindow(QMainWindow):
    """``AnalysisWindow(database, actor)``: one per main window, opened from *View*."""

    computed = Signal(object)  # the AnalysisResult, each time a computation finishes
    saved = Signal(list)  # the paths written
    failed = Signal(str)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.result: AnalysisResult | None = None
        self._tasks: set[Task] = set()
        self._groups: dict[Measure, set[str]] = {m: set(DEFAULT_GROUPS[m]) for m in MEASURES}
        self.setObjectName("analysisWindow")
        self.setWindowTitle(self.tr("Cohort analysis – {name} – {database}").format(
            name=APP_NAME, database=database.display_name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(1240, 760)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(self._build_plan_bar())
        layout.addLayout(self._build_view_bar())
        self.banner = QLabel()
        self.banner.setObjectName("analysisBanner")
        self.banner.setWordWrap(True)
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.banner)
        # Tables above (the Friedman table needs the full width), the figure below.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("analysisSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_tables())
        self.splitter.addWidget(self._build_chart())
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Choose the cut-off and the groups, then Compute "
                                             "(Ctrl+Enter)."))
        self._refresh_group_picker()
        self._show_result()

    # -- layout ------------------------------------------------------------------------------
    def _build_plan_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.cutoff = QDateEdit()
        self.cutoff.setObjectName("analysisCutoff")
        self.cutoff.setDisplayFormat(qt_date_format())
        self.cutoff.setCalendarPopup(True)
        today = clock.today()
        self.cutoff.setDate(QDate(today.year, today.month, today.day))
        self.cutoff.setToolTip(self.tr("Only visits on or before this date count (default: "
                                       "today)"))
        cut_label = QLabel(self.tr("C&ut-off:"))
        cut_label.setBuddy(self.cutoff)
        self.repeat = QComboBox()
        self.repeat.setObjectName("analysisRepeatPta")
        for rule, text in REPEAT_TEXTS.items():
            self.repeat.addItem(_t(text), rule.value)
            self.repeat.setItemData(self.repeat.count() - 1, shown(rule.rule),
                                    Qt.ItemDataRole.ToolTipRole)
        self.compute_button = QPushButton(self.tr("&Compute"))
        self.compute_button.setObjectName("analysisCompute")
        self.compute_button.setDefault(True)
        self.compute_button.setToolTip(self.tr("Run the analysis with these choices (Ctrl+Enter)"))
        self.compute_button.clicked.connect(self.compute)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Refresh):
            QShortcut(QKeySequence(keys), self, self.compute)
        self.save_button = QPushButton(self.tr("&Save files…"))
        self.save_button.setObjectName("analysisSave")
        self.save_button.setToolTip(self.tr("Write the CSV files and analysis.pdf into a folder "
                                            "(Ctrl+S)"))
        self.save_button.clicked.connect(self.ask_save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        bar.addWidget(cut_label)
        bar.addWidget(self.cutoff)
        bar.addSpacing(8)
        bar.addWidget(self.repeat)
        bar.addStretch(1)
        bar.addWidget(self.compute_button)
        bar.addWidget(self.save_button)
        return bar

    def _build_view_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.measure = QComboBox()
        self.measure.setObjectName("analysisMeasure")
        for m in MEASURES:
            self.measure.addItem(f"{shown(m.title)} ({shown(m.unit)})", m.value)
        self.measure.currentIndexChanged.connect(self._measure_changed)
        m_label = QLabel(self.tr("&Measure:"))
        m_label.setBuddy(self.measure)
        self.group = QComboBox()
        self.group.setObjectName("analysisGroup")
        self.group.setMinimumContentsLength(14)
        self.group.currentIndexChanged.connect(self._group_changed)
        g_label = QLabel(self.tr("&Group:"))
        g_label.setBuddy(self.group)
        self.groups_button = QToolButton()
        self.groups_button.setObjectName("analysisGroupsAnalysed")
        self.groups_button.setText(self.tr("Groups analysed…"))
        self.groups_button.setToolTip(self.tr("Which groups this measure is analysed in (the "
                                              "study: MIDAS in headache+, FSS in fatigue+, flow "
                                              "in all)"))
        self.groups_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.groups_button.setMinimumWidth(
            self.groups_button.fontMetrics().horizontalAdvance(self.groups_button.text()) + 34)
        self.groups_menu = QMenu(self.groups_button)
        self.group_actions: dict[str, QAction] = {}
        for g in GROUPS:
            a = QAction(shown(g.title), self.groups_menu)
            a.setCheckable(True)
            a.setObjectName(f"group:{g.id}")
            a.toggled.connect(lambda on, gid=g.id: self._toggle_group(gid, on))
            self.groups_menu.addAction(a)
            self.group_actions[g.id] = a
        self.groups_menu.addSeparator()
        self.groups_menu.addAction(self.tr("Study defaults"), self._default_groups)
        self.groups_button.setMenu(self.groups_menu)
        # Long lists of groups must never widen the window: cut with "…", the full text is
        # the tooltip.
        self.groups_summary = ElidedLabel()
        self.groups_summary.setObjectName("analysisGroupsSummary")
        self.groups_summary.setStyleSheet("color: #52606d;")
        bar.addWidget(m_label)
        bar.addWidget(self.measure, 1)
        bar.addSpacing(8)
        bar.addWidget(g_label)
        bar.addWidget(self.group, 1)
        bar.addWidget(self.groups_button)
        bar.addWidget(self.groups_summary, 2)
        return bar

    def _table(self, name: str,
               model: RowTableModel[Any]) -> tuple[RowTableView, RowFilterProxy]:
        proxy = RowFilterProxy(self)
        proxy.setSourceModel(model)
        view = RowTableView()
        view.setObjectName(name)
        view.setModel(proxy)
        view.fit_columns(model)
        view.setSortingEnabled(False)  # the result's own order: measure, group, time point
        view.set_placeholder(self.tr("Compute the analysis to see the results."))
        return view, proxy

    def _build_tables(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analysisTables")
        self.friedman_model = FriedmanModel(self)
        self.posthoc_model = PosthocModel(self)
        self.spearman_model = SpearmanModel(self)
        self.descriptives_model = DescriptivesModel(self)
        self.friedman_view, self.friedman_proxy = self._table("friedmanTable",
                                                              self.friedman_model)
        self.posthoc_view, self.posthoc_proxy = self._table("posthocTable", self.posthoc_model)
        self.spearman_view, self.spearman_proxy = self._table("spearmanTable",
                                                              self.spearman_model)
        self.descriptives_view, self.descriptives_proxy = self._table(
            "descriptivesTable", self.descriptives_model)
        self.rules = QPlainTextEdit()
        self.rules.setObjectName("analysisRules")
        self.rules.setReadOnly(True)
        for view, title in ((self.friedman_view, TABLE_TITLES[0]),
                            (self.posthoc_view, TABLE_TITLES[1]),
                            (self.spearman_view, TABLE_TITLES[2]),
                            (self.descriptives_view, TABLE_TITLES[3]),
                            (self.rules, TABLE_TITLES[4])):
            self.tabs.addTab(view, _t(title))
        self.friedman_view.selectionModel().currentRowChanged.connect(self._friedman_row)
        return self.tabs

    def _build_chart(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.figure = Figure(figsize=(6.4, 3.6), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("analysisChart")
        self.canvas.setMinimumSize(320, 160)
        self.canvas.setAccessibleName(self.tr("Box plots per time point and individual "
                                              "trajectories"))
        layout.addWidget(self.canvas, 1)
        self.chart_note = QLabel()
        self.chart_note.setObjectName("analysisChartNote")
        self.chart_note.setWordWrap(True)
        self.chart_note.setStyleSheet("color: #52606d;")
        layout.addWidget(self.chart_note)
        return box

    # -- choices -----------------------------------------------------------------------------
    def current_measure(self) -> Measure:
        return Measure(self.measure.currentData())  # Qt keeps the enum's plain text

    def current_group(self) -> str | None:
        g = self.group.currentData()
        return g if isinstance(g, str) else None

    def plan(self) -> Plan:
        """What the pickers say, as the services take it."""
        d = self.cutoff.date()
        groups = {m: tuple(self._groups[m]) for m in MEASURES}
        rule = RepeatPta(self.repeat.currentData())
        return Plan(date(d.year(), d.month(), d.day()), groups, groups[Measure.MIDAS], rule)

    def set_groups(self, measure: Measure, group_ids: list[str] | tuple[str, ...]) -> None:
        self._groups[measure] = set(group_ids)
        if measure is self.current_measure():
            self._refresh_group_picker()

    def _toggle_group(self, group_id: str, on: bool) -> None:
        chosen = self._groups[self.current_measure()]
        if on:
            chosen.add(group_id)
        else:
            chosen.discard(group_id)
        self._refresh_summary()

    def _default_groups(self) -> None:
        self.set_groups(self.current_measure(), DEFAULT_GROUPS[self.current_measure()])

    def _refresh_group_picker(self) -> None:
        chosen = self._groups[self.current_measure()]
        for gid, a in self.group_actions.items():
            a.blockSignals(True)
            a.setChecked(gid in chosen)
            a.blockSignals(False)
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        m = self.current_measure()
        chosen = [shown(g.title) for g in GROUPS if g.id in self._groups[m]]
        text = (self.tr("%n group(s): {names}", "", len(chosen)).format(names=", ".join(chosen))
                if chosen else self.tr("no group"))
        if m is Measure.MIDAS:
            text += " · " + self.tr("also used for MIDAS vs flow")
        stale = self.result is not None and self.plan() != self.result.meta.plan
        self.groups_summary.setText(text + (" · " + self.tr("changed: Compute again") if stale
                                            else ""))
        self.groups_summary.setToolTip(text)

    def _measure_changed(self, _index: int) -> None:
        self._refresh_group_picker()
        self._show_result()

    def _group_changed(self, _index: int) -> None:
        """Post-hoc tests and descriptives of the chosen group (the Friedman table lists every
        group of the measure), and its figure."""
        r, g, m = self.result, self.current_group(), self.current_measure()
        if r is not None:
            self.posthoc_model.set_rows([p for p in r.posthoc if p.measure is m
                                         and p.group_id == g])
            self.descriptives_model.set_rows([d for d in r.descriptives if d.measure is m
                                              and d.group_id == g])
        self._draw()

    def _friedman_row(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row = self.friedman_proxy.row_object(current.row())
        if isinstance(row, FriedmanRow):
            i = self.group.findData(row.group_id)
            if i >= 0:
                self.group.setCurrentIndex(i)

    # -- computing ---------------------------------------------------------------------------
    def compute(self) -> None:
        if self._tasks:
            return
        plan = self.plan()
        self.compute_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Computing…"))

        def work(progress: Progress) -> AnalysisResult:
            return run_analysis(self.database, self.actor, plan, progress)

        doing = self.tr("compute the analysis")
        task = run_with_progress(self, self.tr("Cohort analysis"), work,
                                 on_done=lambda r: self._computed(task, r),
                                 on_error=lambda e: self._failed(task, e, doing),
                                 on_cancel=lambda: self._cancelled(task))
        self._tasks.add(task)

    def _computed(self, task: Task, result: AnalysisResult) -> None:
        self._tasks.discard(task)
        self.compute_button.setEnabled(True)
        self.result = result
        m = result.meta
        self.statusBar().showMessage(self.tr(
            "{patients} patients · cut-off {cutoff} · data {data} · computed {time} UTC").format(
            patients=m.patients, cutoff=screen_format().format_date(m.plan.cutoff),
            data=m.snapshot_sha256[:12], time=f"{m.generated_at:%H:%M:%S}"), 0)
        self._show_result()
        self.computed.emit(result)

    def _failed(self, task: Task, exc: BaseException, doing: str) -> None:
        self._tasks.discard(task)
        self.compute_button.setEnabled(True)
        self.save_button.setEnabled(self.result is not None)
        self.statusBar().showMessage(self.tr("Could not {doing}: {why}").format(doing=doing,
                                                                             why=exc))
        self.failed.emit(str(exc))
        show_error(self, exc, doing)

    def _cancelled(self, task: Task) -> None:
        self._tasks.discard(task)
        self.compute_button.setEnabled(True)
        self.save_button.setEnabled(self.result is not None)
        self.statusBar().showMessage(self.tr("Cancelled; nothing was changed."))

    # -- showing -----------------------------------------------------------------------------
    def _show_result(self) -> None:
        r = self.result
        m = self.current_measure()
        self.save_button.setEnabled(r is not None and not self._tasks)
        if r is None:
            self.banner.setText("")
            self.banner.setVisible(False)
            self.rules.setPlainText("")
            for model in (self.friedman_model, self.posthoc_model, self.spearman_model,
                          self.descriptives_model):
                model.set_rows([])
            self._fill_group_combo([])
            self._draw()
            return
        demo = r.meta.is_demo
        self.banner.setVisible(True)
        self.banner.setStyleSheet("color: #D55E00; font-weight: bold;" if demo
                                  else "color: #52606d;")
        self.banner.setText(
            (self.tr("SYNTHETIC DEMO DATA (no real person)") + " · " if demo else "")
            + self.tr("cut-off {cutoff} · {patients} patients · data {data}").format(
                cutoff=screen_format().format_date(r.meta.plan.cutoff),
                patients=r.meta.patients, data=r.meta.snapshot_sha256[:12]))
        self.banner.setToolTip(self.tr("Data snapshot: SHA-256 {sha}").format(
            sha=r.meta.snapshot_sha256))
        self.friedman_model.set_rows([f for f in r.friedman if f.measure is m])
        self.spearman_model.set_rows(list(r.spearman))
        self.tabs.setTabEnabled(TABLES.index("Spearman"), bool(r.spearman))
        lines = [self.tr("Cut-off: {date}").format(
                     date=screen_format().format_date(r.meta.plan.cutoff)),
                 self.tr("Database: {name}").format(name=r.meta.database),
                 self.tr("Data snapshot: SHA-256 {sha}").format(sha=r.meta.snapshot_sha256),
                 self.tr("Software: {versions}").format(
                     versions=", ".join(f"{a} {b}" for a, b in r.meta.versions)), ""]
        lines += [f"• {shown(x)}" for x in r.meta.rules]
        self.rules.setPlainText("\n".join(lines))
        self._fill_group_combo([g.id for g in r.meta.plan.groups_of(m)])
        self._refresh_summary()
        self._group_changed(self.group.currentIndex())

    def _fill_group_combo(self, group_ids: list[str]) -> None:
        keep = self.current_group()
        self.group.blockSignals(True)
        self.group.clear()
        for gid in group_ids:
            self.group.addItem(shown(group_title(gid)), gid)
        i = self.group.findData(keep) if keep else -1
        self.group.setCurrentIndex(i if i >= 0 else 0)
        self.group.blockSignals(False)
        self.group.setEnabled(bool(group_ids))

    def _draw(self) -> None:
        r, g = self.result, self.current_group()
        m = self.current_measure()
        if r is None or g is None:
            self.figure.clear()
            self.figure.text(0.5, 0.5, self.tr("No result yet") if r is None else
                             self.tr("{measure} is analysed in no group: choose some under "
                                     "'Groups analysed…' and Compute.").format(
                                 measure=shown(m.title)), ha="center", va="center",
                             color="#6b6b6b", fontsize=9, wrap=True)
            self.chart_note.setText("")
        else:
            charts.draw(self.figure, r, m, g)
            f = r.friedman_of(m, g)
            self.chart_note.setText(
                self.tr("Left: all values (box: quartiles). Right: the tested patients, median "
                        "bold.")
                + (f" {f.note}." if f is not None and f.note else ""))
        self.canvas.draw_idle()

    # -- saving ------------------------------------------------------------------------------
    def ask_save(self) -> None:
        if self.result is None or self._tasks:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the analysis files"))
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path, *, force: bool | None = None) -> None:
        """Write the files into ``folder`` in the background (asks before replacing)."""
        result = self.result
        if result is None or self._tasks:
            return
        clash = safe_write.existing(folder / n for n in OUTPUT_FILES)
        if force is None:
            force = False
            if clash:
                answer = QMessageBox.question(
                    self, self.tr("Replace the files?"),
                    self.tr("{folder} already holds {names}. Replace them with this "
                            "analysis?").format(folder=folder,
                                                names=", ".join(p.name for p in clash)))
                if answer != QMessageBox.StandardButton.Yes:
                    return
                force = True
        self.save_button.setEnabled(False)

        def work(progress: Progress) -> list[Path]:
            return write_outputs(result, self.actor, folder, force=force, progress=progress)

        doing = self.tr("save the analysis")
        task = run_with_progress(self, self.tr("Saving the analysis"), work,
                                 on_done=lambda paths: self._saved(task, paths),
                                 on_error=lambda e: self._failed(task, e, doing),
                                 on_cancel=lambda: self._cancelled(task))
        self._tasks.add(task)

    def _saved(self, task: Task, paths: list[Path]) -> None:
        self._tasks.discard(task)
        self.save_button.setEnabled(True)
        self.statusBar().showMessage(self.tr("%n file(s) written to {folder}", "",
                                             len(paths)).format(folder=paths[0].parent), 0)
        self.saved.emit(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        for task in list(self._tasks):
            task.cancel()
        super().closeEvent(event)


_open: dict[int, AnalysisWindow] = {}


def open_analysis_window(parent: QWidget, database: Database, actor: Actor) -> AnalysisWindow:
    """Show the parent's analysis window (one per main window), creating it the first time."""
    key = id(parent)
    window = _open.get(key)
    if window is None:
        window = AnalysisWindow(database, actor, parent)
        window.setWindowFlag(Qt.WindowType.Window, True)
        _open[key] = window
        window.destroyed.connect(lambda *_: _open.pop(key, None))
    window.show()
    window.raise_()
    window.activateWindow()
    return window
