"""Window sizes that fit the screen: the size a dialog would like, at most nine tenths of the
screen it opens on (1280x800 at 150 % leaves 853x533 logical pixels)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit(widget: QWidget, width: int, height: int) -> None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, int(room.width() * 0.9)), min(height, int(room.height() * 0.9)))
