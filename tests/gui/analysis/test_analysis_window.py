"""The cohort analysis window on the demo cohort, driven as a user would (pytest-qt)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.timepoints import MEASURES, Measure, RepeatPta
from proapp.gui.analysis.window import TABLES, AnalysisWindow
from proapp.services import clock
from proapp.services.analysis import OUTPUT_FILES

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def window(qtbot, demo_db: Database, actor: Actor) -> AnalysisWindow:
    w = AnalysisWindow(demo_db, actor)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def compute(qtbot, w: AnalysisWindow) -> None:
    with qtbot.waitSignal(w.computed, timeout=60_000):
        qtbot.mouseClick(w.compute_button, Qt.MouseButton.LeftButton)


def choose_measure(w: AnalysisWindow, measure: Measure) -> None:
    w.measure.setCurrentIndex(list(MEASURES).index(measure))


def test_compute_shows_the_tables_and_the_figure(qtbot, qtmodeltester,
                                                 window: AnalysisWindow) -> None:
    assert window.cutoff.date() == QDate(clock.today().year, clock.today().month,
                                         clock.today().day)  # default: today
    assert window.friedman_model.rowCount() == 0 and not window.save_button.isEnabled()
    window.cutoff.setDate(QDate(2017, 12, 31))
    compute(qtbot, window)
    r = window.result
    assert r is not None and r.meta.plan.cutoff == date(2017, 12, 31)
    assert r.meta.plan.repeat_pta is RepeatPta.CENSOR
    assert [f.group_id for f in window.friedman_model.rows] == [
        "headache", "headache-rr", "headache-sp", "headache-pp"]
    assert window.save_button.isEnabled()
    assert "SYNTHETIC DEMO DATA" in window.banner.text()
    assert r.meta.snapshot_sha256 in window.rules.toPlainText()
    assert len(window.figure.axes) == 2  # box plots and trajectories
    for model in (window.friedman_model, window.posthoc_model, window.spearman_model,
                  window.descriptives_model):
        qtmodeltester.check(model)

    choose_measure(window, Measure.FLOW)
    assert window.friedman_model.rowCount() == 12
    window.group.setCurrentIndex(window.group.findData("headache-pp"))
    assert {p.group_id for p in window.posthoc_model.rows} == {"headache-pp"}
    assert window.posthoc_model.rowCount() == 3
    assert window.descriptives_model.rowCount() == 6 + 3  # all time points + tested ones
    title = window.figure.axes[1].get_title(loc="left")
    assert title.startswith("Tested (n = 9) · Friedman p = ")

    choose_measure(window, Measure.FSS)  # a Friedman row chooses the group of the figure
    window.tabs.setCurrentIndex(TABLES.index("Friedman"))
    window.friedman_view.setCurrentIndex(window.friedman_proxy.index(2, 0))
    assert window.current_group() == "fatigue-sp"
    assert "Fatigue+ SP" in window.figure.axes[0].get_title(loc="left")
    text = window.friedman_model.data(window.friedman_model.index(1, 6))
    assert text == next(f for f in r.friedman if f.group_id == "fatigue-rr"
                        and f.measure is Measure.FSS).p_value.__format__(".4g")


def test_the_groups_and_rules_are_choices(qtbot, window: AnalysisWindow) -> None:
    window.cutoff.setDate(QDate(2017, 12, 31))
    choose_measure(window, Measure.MIDAS)
    window.group_actions["headache"].trigger()  # untick "Headache+ all"
    window.group_actions["rr"].trigger()  # tick RR (all RR patients)
    window.repeat.setCurrentIndex(window.repeat.findData(RepeatPta.EXCLUDE.value))
    compute(qtbot, window)
    plan = window.result.meta.plan
    assert plan.groups[Measure.MIDAS] == ("rr", "headache-rr", "headache-sp", "headache-pp")
    assert plan.spearman_groups == plan.groups[Measure.MIDAS]
    assert plan.repeat_pta is RepeatPta.EXCLUDE
    assert [f.group_id for f in window.friedman_model.rows] == [
        "rr", "headache-rr", "headache-sp", "headache-pp"]
    choose_measure(window, Measure.FSS)
    for gid, action in window.group_actions.items():
        assert action.isChecked() == gid.startswith("fatigue")
    window.group_actions["fatigue"].trigger()
    assert "changed: Compute again" in window.groups_summary.full_text()


def test_no_group_is_said_not_hidden(qtbot, window: AnalysisWindow) -> None:
    window.set_groups(Measure.MIDAS, [])
    compute(qtbot, window)
    assert window.friedman_model.rowCount() == 0
    texts = [t.get_text() for t in window.figure.texts]
    assert any("analysed in no group" in t for t in texts)


def test_saving_writes_every_file_off_the_gui_thread(qtbot, window: AnalysisWindow,
                                                      tmp_path: Path) -> None:
    window.cutoff.setDate(QDate(2017, 12, 31))
    compute(qtbot, window)
    with qtbot.waitSignal(window.saved, timeout=60_000) as saved:
        window.save_to(tmp_path / "out")
    assert [p.name for p in saved.args[0]] == list(OUTPUT_FILES)
    assert all((tmp_path / "out" / n).stat().st_size > 0 for n in OUTPUT_FILES)
    assert "7 files written" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.saved, timeout=60_000):
        window.save_to(tmp_path / "out", force=True)


def test_the_main_window_opens_it_without_loading_scipy_at_start() -> None:
    code = ("import sys; import proapp.gui.shell.app, proapp.gui.shell.main_window, "
            "proapp.gui.shell.menus; "
            "print(sorted(m for m in ('scipy', 'matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.strip() == "[]"


def test_view_menu_entry(qtbot, demo_db: Database, actor: Actor) -> None:
    from proapp.gui.shell.main_window import MainWindow

    main = MainWindow(demo_db, actor, load=False)
    qtbot.addWidget(main)
    action = next(a for a in main.findChildren(type(main.actions()[0]))
                  if a.objectName() == "actAnalysis")
    assert action.shortcut().toString() == "Ctrl+Shift+A"
    action.trigger()
    windows = main.findChildren(AnalysisWindow)
    assert len(windows) == 1 and windows[0].isVisible()
    action.trigger()  # the same window again, not a second one
    assert len(main.findChildren(AnalysisWindow)) == 1
    windows[0].close()
