"""The offer at start-up of the visit drafts kept on this computer while the database could
not be reached: listed for their author, restored through the visit service (a visit changed
meanwhile is shown as not restored, with its values, and stays kept), or discarded after a
confirmation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from proapp.db.engine import Database
from proapp.domain.actor import Actor
from proapp.domain.visit import VisitContent
from proapp.gui.visits.kept_drafts import KeptDraftsDialog, offer_kept_drafts
from proapp.services import visits
from proapp.services.visits import local_drafts

pytestmark = [pytest.mark.gui]
M3 = date(2014, 6, 10)


def keep(db: Database, actor: Actor, patient_id: int, content: VisitContent,
         draft_id: str, **kw: object) -> None:
    local_drafts.keep(db, actor, visits.VisitDraft(patient_id, "m3", M3, content, **kw),  # type: ignore[arg-type]
                      draft_id=draft_id, patient_code="P001")


def click_in_next_box(text: str) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
        button.click()

    QTimer.singleShot(0, click)


_OPEN: list[KeptDraftsDialog] = []
_WINDOWS: list[QWidget] = []  # the dialogs' parents, held until the test's end


@pytest.fixture(autouse=True)
def close_dialogs() -> Iterator[None]:
    """A shown modal dialog without a parent is closed before it is freed (as a parent
    would): freeing it visible leaves the window system a dangling modal window."""
    yield
    while _OPEN:
        dialog = _OPEN.pop()
        if shiboken6.isValid(dialog):  # else already freed with its window
            dialog.close()
    _WINDOWS.clear()  # frees each window, and its dialog with it


def offered(qtbot, db: Database, actor: Actor) -> KeptDraftsDialog:
    """The offer as the start-up makes it: over a window (its parent), which frees it with
    itself. A parentless modal dialog freed by Python is the known Qt crash these tests hit
    once in a while (a segmentation fault in the next dialog's constructor)."""
    window = QWidget()
    _WINDOWS.append(window)
    dialog = offer_kept_drafts(window, db, actor)
    assert dialog is not None
    _OPEN.append(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_nothing_kept_offers_nothing(qtbot, db: Database, actor: Actor) -> None:
    assert offer_kept_drafts(None, db, actor) is None


def test_restore_saves_the_kept_drafts(qtbot, db: Database, actor: Actor,
                                       patient_id: int) -> None:
    keep(db, actor, patient_id, VisitContent({"midas": {"q1": 17, "q2": 3}}), "aa11")
    dialog = offered(qtbot, db, actor)
    assert "1 visit draft was kept on this computer" in dialog.heading.text()
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("P001 · m3")
    saved: list[int] = []
    dialog.restored.connect(saved.append)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert saved == [patient_id]
    assert ": restored" in dialog.summary.text()
    [stored] = visits.drafts_of(db, patient_id)
    assert stored.content.answers("midas")["q1"] == 17
    assert dialog.list.count() == 0 and dialog.later_button.text() == "Close"
    assert not local_drafts.pending(db, actor)


def test_a_conflict_is_shown_and_nothing_is_overwritten(qtbot, db: Database, actor: Actor,
                                                        patient_id: int) -> None:
    first = visits.save_visit(db, actor, visits.VisitDraft(
        patient_id, "m3", M3, VisitContent({"midas": {"q1": 1}})))
    keep(db, actor, patient_id, VisitContent({"midas": {"q1": 17}}), "bb22",
         visit_id=first.id, expected_version=first.version)
    visits.save_visit(db, actor, visits.VisitDraft(
        patient_id, "m3", M3, VisitContent({"midas": {"q1": 2}}), first.id, first.version))
    dialog = offered(qtbot, db, actor)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    text = dialog.summary.text()
    assert "not restored" in text and "changed by someone else" in text
    assert visits.get_visit(db, first.id).content.answers("midas")["q1"] == 2
    assert dialog.details_button.isVisible()
    assert "midas.q1 = 17" in dialog.details
    assert dialog.list.count() == 1  # still kept, to be entered again and discarded


def test_discard_asks_then_removes_them(qtbot, db: Database, actor: Actor,
                                        patient_id: int) -> None:
    keep(db, actor, patient_id, VisitContent({"midas": {"q1": 17}}), "cc33")
    (local_drafts.folder() / "dd44.draft").write_text("{}")  # an unusable file, listed too
    dialog = offered(qtbot, db, actor)
    assert "Not usable: dd44.draft" in dialog.problems.text()
    click_in_next_box("Keep them")
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert len(list(local_drafts.folder().iterdir())) == 2
    click_in_next_box("Discard")
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert list(local_drafts.folder().iterdir()) == []
    assert "2 kept drafts discarded" in dialog.summary.text()
    assert visits.drafts_of(db, patient_id) == []


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_the_offer_speaks_italian_and_its_texts_fit(qtbot, db: Database, actor: Actor,
                                                    patient_id: int, italian: None) -> None:
    from tests.gui.test_texts_fit import overflowing

    keep(db, actor, patient_id, VisitContent({"midas": {"q1": 17}}), "ee55")
    (local_drafts.folder() / "ff66.draft").write_text("{}")
    dialog = offered(qtbot, db, actor)
    assert dialog.windowTitle() == "Bozze di visita conservate su questo computer"
    assert "1 bozza di visita è stata conservata" in dialog.heading.text()
    assert "bozza, conservata il" in dialog.list.item(0).text()
    assert "Non utilizzabile: ff66.draft non è una bozza di visita" in dialog.problems.text()
    assert [b.text() for b in (dialog.restore_button, dialog.discard_button,
                               dialog.later_button)] == ["Ripristina", "Scarta…", "Più tardi"]
    assert overflowing(dialog) == []
