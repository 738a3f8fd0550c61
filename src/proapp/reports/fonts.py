"""DejaVu Sans for every glyph of a report, embedded in the PDF.

The 14 standard PDF fonts cover Latin-1 only, so names such as Dvořák or Łukasz would lose
letters; DejaVu Sans (bundled in ``resources/fonts``) covers them and is embedded as a
TrueType subset, so the PDF looks the same on every computer and printer. Charts are drawn
with the same registered fonts, so chart and page text match and stay selectable.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from proapp import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
BOLD_OBLIQUE = "DejaVuSans-BoldOblique"
FAMILY = REGULAR

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the four faces once per process (safe from worker threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name in (REGULAR, BOLD, OBLIQUE, BOLD_OBLIQUE):
            path = paths.resource("fonts", f"{name}.ttf")
            if not path.is_file():
                raise FileNotFoundError(f"report font missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, OBLIQUE)
        addMapping(FAMILY, 1, 1, BOLD_OBLIQUE)
        _registered = True


def face(bold: bool = False, italic: bool = False) -> str:
    return {(False, False): REGULAR, (True, False): BOLD, (False, True): OBLIQUE,
            (True, True): BOLD_OBLIQUE}[(bold, italic)]


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def vertical_metrics(font: str) -> tuple[float, float]:
    """(ascent, descent) per 1 pt of font size; descent is negative."""
    return pdfmetrics.getAscentDescent(font, 1)
