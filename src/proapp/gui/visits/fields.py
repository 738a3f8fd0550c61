"""Small widgets the wizard pages are built from: answer fields, headings, wrapped texts (the
message beside a field is :class:`proapp.gui.common.widgets.FieldMessage`).

They only show and collect text; parsing and rules belong to the domain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget

from proapp.domain.answers import MISSING_PREFIX, MissingReason

MISSING_HINT = ". d n u"  # shown while a missing code is being typed


class AnswerEdit(QLineEdit):
    """A short text field for one answer. ``optional`` fields are reached by Tab but skipped by
    Enter, which walks only the fields a typical visit needs. A ``single_digit`` field reports
    ``digitTyped`` so the page can move on after one keystroke. With ``missing_codes``, typing
    ``.`` then ``d``, ``n`` or ``u`` reports ``missingTyped(reason)`` (declined, not asked,
    unknown) instead of putting text in the field."""

    digitTyped = Signal()
    missingTyped = Signal(str)  # a MissingReason value

    def __init__(self, field_path: str, *, chars: int = 6, single_digit: bool = False,
                 optional: bool = False, missing_codes: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.field_path = field_path
        self.single_digit = single_digit
        self.optional = optional
        self.missing_codes = missing_codes
        self._code_pending = False
        self._placeholder = ""
        self.setObjectName(field_path)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaxLength(1 if single_digit else 12)
        width = self.fontMetrics().horizontalAdvance("0" * chars) + 24
        self.setFixedWidth(width)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        if self.single_digit and len(text) == 1 and text.isdigit():
            self.digitTyped.emit()

    def set_missing_text(self, text: str) -> None:
        """What the empty field says: the missing reason recorded for it, if any."""
        self._placeholder = text
        if not self._code_pending:
            self.setPlaceholderText(text)

    @property
    def code_pending(self) -> bool:
        return self._code_pending

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.missing_codes:
            typed = event.text()
            if self._code_pending:
                self._code_pending = False
                self.setPlaceholderText(self._placeholder)
                reason = MissingReason.from_key(typed) if typed else None
                if reason is not None:
                    event.accept()
                    self.missingTyped.emit(reason.value)
                    return
                if event.key() == Qt.Key.Key_Escape:
                    event.accept()  # cancels the code, stays in the field
                    return
            elif typed == MISSING_PREFIX and (not self.text()
                                              or self.selectedText() == self.text()):
                self._code_pending = True
                if self.text():
                    self.clear()
                    self.textEdited.emit("")
                self.setPlaceholderText(MISSING_HINT)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()  # typing replaces the old answer, as on a paper form's correction


def heading(text: str, size_delta: int = 3) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() + size_delta)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def wrapped(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label
