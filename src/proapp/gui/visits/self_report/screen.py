"""The patient's screen: one question at a time, large touch targets, nothing else to reach.

Built entirely from the instrument definitions through :mod:`proapp.domain.self_report`: the
screens in order, each item's text, its answer buttons (a short range such as FSS 1-7 or
MIDAS B 0-10) or numeric pad (MIDAS day counts 0-90), the anchors, the instructions and the
recall period, which stays on screen for every question of its questionnaire. Back and a
progress bar are always at the bottom.

The screen decides nothing: each answer goes to ``store`` (the self-report service, through
:class:`~proapp.gui.visits.self_report.mode.SelfReportMode`), which either keeps it or returns
the rule's message, shown in place. Sizes follow the window (touch targets of at least about
1 cm at 100 % on a 1280x800 tablet), so the same screen works from 1280x800 to 1920x1080 and
at 150 % scaling.

Everything on it is in the patient's language, which may not be the staff's: the questions,
anchors, instructions and recall period from the instrument's texts in that language (the
clinic's installed validated translation, else the bundled one, whose "not validated" notice
is shown on the first screen), and the screen's own words through a
:class:`~proapp.gui.common.language.Words` of that language (the application's translator
speaks the staff's). The rule's messages come back already written for the patient.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from proapp.domain import self_report as sr
from proapp.domain.answers import MissingReason
from proapp.domain.instrument_texts import InstrumentTexts
from proapp.domain.instruments import Instrument, Item, unit_text
from proapp.domain.item_values import Keyed
from proapp.gui.common.language import QT_TRANSLATE_NOOP, Words

# (instrument id, item id, value) -> None when stored, else the message to show
Store = Callable[[str, str, Keyed], str | None]

INK = "#1f2933"
ACCENT = "#1f5f8b"
PAPER = "#fbfaf6"
SOFT = "#e8eef3"
CONTEXT = "SelfReport"  # the translation catalogue's context of the screen's own words


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def _button(text: str, name: str, role: str = "answer") -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setProperty("role", role)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch first; the keyboard is not needed
    b.setAutoDefault(False)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return b


class _ItemPage(QWidget):
    """One question: its text, its answer widget, the rule's message, "prefer not to answer"."""

    def __init__(self, instrument: Instrument, item: Item, screen: SelfReportScreen):
        super().__init__()
        self.instrument, self.item, self.owner = instrument, item, screen
        words = screen.words
        self.words = screen.texts[instrument.id].item(item.id)
        self.unit = words.shown(unit_text(item.unit))
        self.style_kind = sr.answer_style(item)
        key = f"selfReport.{instrument.id}.{item.id}"
        self.setObjectName(key)
        self.number = _label(words.tr(QT_TRANSLATE_NOOP("SelfReport", "{name}, question {label}"))
                             .format(name=instrument.name, label=item.label), "selfReportNumber")
        self.text = _label(self.words.text, "selfReportQuestion")
        self.error = _label("", "selfReportError")
        self.error.hide()
        self.decline = _button(words.tr(QT_TRANSLATE_NOOP("SelfReport", "I prefer not to answer")),
                               f"{key}.declined", "secondary")
        self.decline.setCheckable(True)
        self.decline.clicked.connect(lambda: self.owner.answer(sr.DECLINED))
        self.decline.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.buttons: dict[int, QPushButton] = {}
        self.keys: dict[str, QPushButton] = {}
        self.typed = ""
        outer = QGridLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.number)
        left.addWidget(self.text)
        if self.style_kind is sr.AnswerStyle.BUTTONS:
            left.addSpacing(12)
            left.addLayout(self._choice_buttons(key))
            left.addWidget(self.error)
            left.addStretch(1)
            left.addWidget(self.decline, 0, Qt.AlignmentFlag.AlignLeft)
            outer.addLayout(left, 0, 0)
        else:
            left.addWidget(self.error)
            left.addStretch(1)
            left.addWidget(self.decline, 0, Qt.AlignmentFlag.AlignLeft)
            outer.addLayout(left, 0, 0)
            outer.addLayout(self._pad(key), 0, 1)
            outer.setColumnStretch(0, 3)
            outer.setColumnStretch(1, 2)
            outer.setHorizontalSpacing(32)

    def _choice_buttons(self, key: str) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        group = QButtonGroup(self)
        group.setExclusive(True)
        values = sr.choices(self.item)
        for n, value in enumerate(values):
            b = _button(str(value), f"{key}.{value}")
            b.setCheckable(True)
            b.setAccessibleName(self.owner.words.tr(QT_TRANSLATE_NOOP(
                "SelfReport", "answer {value}")).format(value=value))
            group.addButton(b)
            b.clicked.connect(lambda _c=False, v=value: self.owner.answer(v))
            grid.addWidget(b, 0, n)
            self.buttons[value] = b
            anchor = self.words.anchors.get(value)
            if anchor:
                # the label fills the columns under its button and the next one, its text
                # flush with the row's edge: a long anchor ("completamente in disaccordo")
                # wraps inside that width instead of being cut at a guessed one
                a = _label(anchor, "selfReportAnchor")
                side = (Qt.AlignmentFlag.AlignLeft if n == 0 else Qt.AlignmentFlag.AlignRight
                        if n == len(values) - 1 else Qt.AlignmentFlag.AlignHCenter)
                a.setAlignment(side | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(a, 1, max(0, n - 1), 1, 3 if 0 < n < len(values) - 1 else 2)
        return grid

    def _pad(self, key: str) -> QVBoxLayout:
        box = QVBoxLayout()
        it = self.item
        box.addWidget(_label(self.owner.words.tr(QT_TRANSLATE_NOOP(
            "SelfReport", "Your answer, from {minimum} to {maximum} {unit}:")).format(
                minimum=it.minimum, maximum=it.maximum, unit=self.unit), "selfReportAnchor"))
        self.display = _label("", "selfReportDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.display)
        box.addSpacing(10)
        grid = QGridLayout()
        grid.setSpacing(10)
        for n, digit in enumerate("123456789"):
            b = _button(digit, f"{key}.key{digit}")
            b.clicked.connect(lambda _c=False, d=digit: self.type_digit(d))
            grid.addWidget(b, n // 3, n % 3)
            self.keys[digit] = b
        clear = _button("⌫", f"{key}.keyBack", "key")
        clear.setAccessibleName(self.owner.words.tr(QT_TRANSLATE_NOOP(
            "SelfReport", "delete the last digit")))
        clear.clicked.connect(self.delete_digit)
        zero = _button("0", f"{key}.key0")
        zero.clicked.connect(lambda: self.type_digit("0"))
        self.keys["0"], self.keys["back"] = zero, clear
        grid.addWidget(clear, 3, 0)
        grid.addWidget(zero, 3, 1)
        box.addLayout(grid)
        box.addStretch(1)
        return box

    # -- the pad ------------------------------------------------------------------------------
    def type_digit(self, digit: str) -> None:
        if len(self.typed) >= sr.pad_digits(self.item):
            return
        self.typed = (self.typed + digit).lstrip("0") or "0"
        self.show_typed()

    def delete_digit(self) -> None:
        self.typed = self.typed[:-1]
        self.show_typed()

    def show_typed(self) -> None:
        self.error.hide()
        self.display.setText(f"{self.typed} {self.unit}" if self.typed else "")
        self.owner.update_navigation()

    def typed_value(self) -> int | None:
        return int(self.typed) if self.typed else None

    # -- what is stored -----------------------------------------------------------------------
    def show_value(self, value: Keyed) -> None:
        """Show the stored answer (after Back, or a resumed self-report)."""
        self.decline.setChecked(isinstance(value, MissingReason))
        if self.style_kind is sr.AnswerStyle.BUTTONS:
            for v, b in self.buttons.items():
                b.setChecked(isinstance(value, int) and v == value)
        else:
            self.typed = str(value) if isinstance(value, int) else ""
            self.display.setText(f"{self.typed} {self.unit}" if self.typed else "")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class SelfReportScreen(QWidget):
    """The full-screen window the patient answers on. ``answers`` holds what they answered
    before (a resumed self-report). Closing it only asks for a staff password
    (``leaveRequested``); the mode sets ``released`` before it really closes."""

    leaveRequested = Signal()
    reachedEnd = Signal()

    def __init__(self, instruments: Sequence[Instrument], answers: Mapping[tuple[str, str], Keyed],
                 store: Store, texts: Mapping[str, InstrumentTexts], words: Words,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.texts, self.words = texts, words
        say = words.tr
        self.setObjectName("selfReport")
        self.setWindowTitle(say(QT_TRANSLATE_NOOP("SelfReport", "Questionnaire")))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.screens = sr.screens(instruments)
        self.total = sr.item_count(self.screens)
        self.answers: dict[tuple[str, str], Keyed] = dict(answers)
        self.store = store
        self.released = False
        self.index = 0

        self.title = _label("", "selfReportTitle")
        self.staff = _button(say(QT_TRANSLATE_NOOP("SelfReport", "Staff")), "selfReport.staff",
                             "staff")
        self.staff.setToolTip(say(QT_TRANSLATE_NOOP(
            "SelfReport", "For the staff: leave the patient's questionnaire (needs a password)")))
        self.staff.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.staff.clicked.connect(self.leaveRequested.emit)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.staff, 0, Qt.AlignmentFlag.AlignTop)
        self.recall = _label("", "selfReportRecall")

        self.body = QStackedWidget()
        self.pages: list[QWidget] = []
        for screen in self.screens:
            if screen.kind is sr.ScreenKind.INTRO:
                assert screen.instrument is not None
                page = QWidget()
                lay = QVBoxLayout(page)
                lay.setContentsMargins(0, 0, 0, 0)
                words_of = texts[screen.instrument.id]
                lay.addWidget(_label(words_of.title, "selfReportQuestion"))
                lay.addWidget(_label(words_of.instructions, "selfReportInstructions"))
                lay.addStretch(1)
                if not words_of.validated:  # the clinic must see it is not the licensed text
                    lay.addWidget(_label(words_of.notice, "selfReportNotice"))
            elif screen.kind is sr.ScreenKind.ITEM:
                assert screen.instrument is not None
                assert screen.item is not None
                page = _ItemPage(screen.instrument, screen.item, self)
                page.show_value(self.answers.get((screen.instrument.id, screen.item.id)))
            else:
                page = QWidget()
                lay = QVBoxLayout(page)
                lay.setContentsMargins(0, 0, 0, 0)
                lay.addStretch(1)
                lay.addWidget(_label(say(QT_TRANSLATE_NOOP(
                    "SelfReport", "Thank you. You have answered every question.")),
                    "selfReportQuestion"))
                lay.addWidget(_label(say(QT_TRANSLATE_NOOP(
                    "SelfReport", "Please give the device back to the staff. You can still go "
                             "back and change an answer.")), "selfReportInstructions"))
                done = _button(say(QT_TRANSLATE_NOOP("SelfReport", "Give the device back to the "
                                                              "staff")), "selfReport.done",
                               "next")
                done.clicked.connect(self.leaveRequested.emit)
                lay.addSpacing(24)
                lay.addWidget(done)
                lay.addStretch(2)
            self.body.addWidget(page)
            self.pages.append(page)

        self.back = _button(say(QT_TRANSLATE_NOOP("SelfReport", "Back")), "selfReport.back", "nav")
        self.back.clicked.connect(self.go_back)
        self.next = _button(say(QT_TRANSLATE_NOOP("SelfReport", "Next")), "selfReport.next", "next")
        self.next.clicked.connect(self.go_next)
        self.progress = QProgressBar()
        self.progress.setObjectName("selfReport.progress")
        self.progress.setRange(0, self.total)
        self.progress.setFormat(say(QT_TRANSLATE_NOOP("SelfReport", "Question %v of %m")))
        self.progress.setTextVisible(True)
        foot = QHBoxLayout()
        foot.setSpacing(24)
        foot.addWidget(self.back, 1)
        foot.addWidget(self.progress, 3)
        foot.addWidget(self.next, 1)

        self.frame = QVBoxLayout(self)
        self.frame.addLayout(head)
        self.frame.addWidget(self.recall)
        self.frame.addWidget(self.body, 1)
        self.frame.addLayout(foot)
        self._k = 0.0
        # sized for the screen it will fill before it is first shown: a window laid out
        # larger than the screen would not shrink to it
        self._apply_sizes(self._scale(self.screen().geometry().size()))
        self.show_screen(0)

    # -- sizes --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self._fit(self.size())
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size())
        super().resizeEvent(event)

    def _fit(self, size: QSize) -> None:
        """Sizes from the screen the window fills (at 150 % a 1280x800 screen is 853x533
        logical pixels: everything shrinks in logical pixels so the whole screen still fits,
        and stays as large on the glass as at 100 %)."""
        if self.isFullScreen():
            size = self.screen().geometry().size()
        k = self._scale(size)
        if abs(k - self._k) > 0.01:
            self._apply_sizes(k)

    @staticmethod
    def _scale(size: QSize) -> float:
        return max(0.5, min(1.6, size.width() / 1280, size.height() / 800))

    def _apply_sizes(self, k: float) -> None:
        """Type and touch targets in proportion to the window (logical pixels, so 150 %
        scaling makes them larger on the glass, not smaller on the screen)."""
        def px(n: float) -> int:
            return round(n * k)

        self._k = k
        margin = px(28)
        self.frame.setContentsMargins(margin, px(18), margin, px(18))
        self.frame.setSpacing(px(14))
        self.setStyleSheet(f"""
QWidget#selfReport {{ background: {PAPER}; }}
QLabel {{ color: {INK}; }}
QLabel#selfReportTitle {{ font-size: {px(20)}px; font-weight: 600; color: #52606d; }}
QLabel#selfReportRecall {{ font-size: {px(24)}px; font-weight: 600; color: {ACCENT};
  background: {SOFT}; border-radius: {px(8)}px; padding: {px(10)}px {px(16)}px; }}
QLabel#selfReportNumber {{ font-size: {px(20)}px; color: #52606d; }}
QLabel#selfReportQuestion {{ font-size: {px(30)}px; font-weight: 600; }}
QLabel#selfReportInstructions {{ font-size: {px(25)}px; }}
QLabel#selfReportAnchor {{ font-size: {px(19)}px; color: #52606d; }}
QLabel#selfReportError {{ font-size: {px(22)}px; color: #b00020; font-weight: 600; }}
QLabel#selfReportDisplay {{ font-size: {px(40)}px; font-weight: 700; background: white;
  border: 2px solid #9aa5b1; border-radius: {px(8)}px; min-height: {px(70)}px; }}
QPushButton {{ font-size: {px(28)}px; min-height: {px(76)}px; border-radius: {px(10)}px;
  border: 2px solid #9aa5b1; background: white; color: {INK}; padding: 0 {px(10)}px; }}
QPushButton[role="answer"], QPushButton[role="key"] {{ min-width: {px(56)}px;
  font-weight: 600; }}
QPushButton[role="key"] {{ background: #f1f3f5; }}
QPushButton[role="answer"]:checked, QPushButton[role="secondary"]:checked {{
  background: {ACCENT}; border-color: {ACCENT}; color: white; }}
QPushButton[role="secondary"] {{ font-size: {px(22)}px; min-height: {px(60)}px;
  padding: 0 {px(22)}px; background: #f1f3f5; }}
QPushButton[role="next"] {{ background: {ACCENT}; border-color: {ACCENT}; color: white;
  font-weight: 600; }}
QPushButton[role="next"]:disabled, QPushButton[role="nav"]:disabled {{
  background: #eef1f4; border-color: #d3d9e0; color: #9aa5b1; }}
QPushButton[role="staff"] {{ font-size: {px(15)}px; min-height: {px(34)}px;
  min-width: {px(80)}px; border: 1px solid #c4ccd4; color: #52606d; background: transparent; }}
QProgressBar {{ font-size: {px(20)}px; min-height: {px(44)}px; border: 2px solid #c4ccd4;
  border-radius: {px(8)}px; background: white; text-align: center; color: {INK}; }}
QProgressBar::chunk {{ background: #b9d3e6; border-radius: {px(6)}px; }}
""")

    # -- navigation ---------------------------------------------------------------------------
    def current(self) -> sr.Screen:
        return self.screens[self.index]

    def current_page(self) -> QWidget:
        return self.pages[self.index]

    def show_screen(self, index: int) -> None:
        self.index = index
        screen = self.screens[index]
        self.body.setCurrentIndex(index)
        if screen.instrument is not None:
            i, words_of = screen.instrument, self.texts[screen.instrument.id]
            self.title.setText(f"{i.name}: {words_of.title}")
            self.recall.setText(self.words.tr(QT_TRANSLATE_NOOP(
                "SelfReport", "Time period: {period}")).format(period=words_of.recall_period))
            self.recall.show()
        else:
            self.title.setText("")
            self.recall.hide()
        before = sum(1 for s in self.screens[:index + 1] if s.kind is sr.ScreenKind.ITEM)
        self.progress.setValue(before if screen.kind is not sr.ScreenKind.END else self.total)
        item_screen = screen.kind is sr.ScreenKind.ITEM
        self.progress.setFormat(self.words.tr(
            QT_TRANSLATE_NOOP("SelfReport", "Question %v of %m") if item_screen
            else QT_TRANSLATE_NOOP("SelfReport", "%v of %m questions answered")))
        self.update_navigation()
        if screen.kind is sr.ScreenKind.END:
            self.reachedEnd.emit()

    def update_navigation(self) -> None:
        screen = self.current()
        self.back.setEnabled(self.index > 0)
        self.next.setVisible(screen.kind is not sr.ScreenKind.END)
        self.next.setText(self.words.tr(QT_TRANSLATE_NOOP("SelfReport", "Start"))
                          if screen.kind is sr.ScreenKind.INTRO
                          else self.words.tr(QT_TRANSLATE_NOOP("SelfReport", "Next")))
        if screen.kind is sr.ScreenKind.ITEM:
            page = self.current_page()
            assert isinstance(page, _ItemPage)
            answered = self._key() in self.answers and self.answers[self._key()] is not None
            typed = page.style_kind is sr.AnswerStyle.NUMBER_PAD and page.typed != ""
            self.next.setEnabled(answered or typed)
        else:
            self.next.setEnabled(True)

    def _key(self) -> tuple[str, str]:
        screen = self.current()
        assert screen.instrument is not None
        assert screen.item is not None
        return (screen.instrument.id, screen.item.id)

    def go_back(self) -> None:
        if self.index > 0:
            page = self.current_page()
            if isinstance(page, _ItemPage):  # a typed but unconfirmed number is dropped
                page.show_value(self.answers.get(self._key()))
                page.error.hide()
            self.show_screen(self.index - 1)

    def go_next(self) -> None:
        screen = self.current()
        if screen.kind is sr.ScreenKind.ITEM:
            page = self.current_page()
            assert isinstance(page, _ItemPage)
            if page.style_kind is sr.AnswerStyle.NUMBER_PAD and page.typed:
                value = page.typed_value()
                if value != self.answers.get(self._key()):
                    self.answer(value)
                    return
            if self.answers.get(self._key()) is None:
                return
        if self.index < len(self.screens) - 1:
            self.show_screen(self.index + 1)

    def answer(self, value: Keyed) -> None:
        """The patient chose ``value`` for the current question: store it, then move on (or
        stay with the rule's message)."""
        page = self.current_page()
        assert isinstance(page, _ItemPage)
        instrument_id, item_id = self._key()
        problem = self.store(instrument_id, item_id, value)
        if problem is not None:
            page.show_value(self.answers.get((instrument_id, item_id)))
            if page.style_kind is sr.AnswerStyle.NUMBER_PAD and isinstance(value, int):
                page.typed = str(value)  # keep what was typed, so it can be corrected
                page.display.setText(f"{value} {page.unit}")
            page.show_error(problem)
            self.update_navigation()
            return
        self.answers[(instrument_id, item_id)] = value
        page.error.hide()
        page.show_value(value)
        self.show_screen(self.index + 1)

    # -- keys and closing ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A keyboard, if there is one, types on the pad; nothing else is reachable."""
        page = self.current_page()
        if isinstance(page, _ItemPage) and page.style_kind is sr.AnswerStyle.NUMBER_PAD:
            text = event.text()
            if text.isdigit() and text.isascii():
                page.type_digit(text)
                return
            if event.key() == Qt.Key.Key_Backspace:
                page.delete_digit()
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next.isEnabled() \
                and self.next.isVisible():
            self.go_next()
            return
        event.accept()  # Escape and everything else: nothing happens

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.released:
            event.accept()
            return
        event.ignore()  # Alt+F4, the window manager: only a staff password leaves
        self.leaveRequested.emit()
