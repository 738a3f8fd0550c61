"""Small widgets the wizard pages are built from: answer fields, headings, wrapped texts (the
message beside a field is :class:`proapp.gui.common.widgets.FieldMessage`).

They only show and collect text; parsing and rules belong to the domain.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget


class AnswerEdit(QLineEdit):
    """A short text field for one answer. ``optional`` fields are reached by Tab but skipped by
    Enter, which walks only the fields a typical visit needs. A ``single_digit`` field reports
    ``digitTyped`` so the page can move on after one keystroke."""

    digitTyped = Signal()

    def __init__(self, field_path: str, *, chars: int = 6, single_digit: bool = False,
                 optional: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.field_path = field_path
        self.single_digit = single_digit
        self.optional = optional
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
