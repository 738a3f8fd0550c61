"""Every script a name can be written in, embedded in the PDF, in the right order.

The 14 standard PDF fonts cover Latin-1 only and are not embedded, so a report uses bundled
TrueType fonts only (``resources/fonts``), each embedded as a subset:

- DejaVu Sans (four faces): Latin, Greek, Cyrillic, Hebrew and every symbol the report uses;
- Noto Sans Arabic (regular, bold): Arabic, including its presentation forms;
- Droid Sans Fallback (regular only, 3.4 MB): Chinese, Japanese kana and Korean Hangul;
  registered the first time a CJK character is drawn, so a report without one never loads it.

A string is cut into *runs*, each drawn in the first font that has its characters ("chosen per
run"). Right-to-left text goes through the Unicode bidirectional algorithm (python-bidi's
reference implementation, for the embedding levels) and Arabic through arabic-reshaper (the
joined initial/medial/final forms), then each right-to-left run is written in visual order.
Where a line holds right-to-left text it is wrapped in a PDF ``/ActualText`` span with the
original logical text, so copying or extracting the text gives back the name as it was typed
(poppler, PDFium, Acrobat). pypdf ignores ``/ActualText`` but reverses right-to-left runs
itself, which also gives logical order (in presentation forms: NFKC turns them back).

Paragraph text for the fixed report texts (:mod:`proapp.reports.texts`) is DejaVu Sans; text
that came from a person (names, clinic name, reasons) goes through :func:`draw` and
:class:`TextBlock`, which measure and draw run by run.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from proapp import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
BOLD_OBLIQUE = "DejaVuSans-BoldOblique"
FAMILY = REGULAR
ARABIC = "NotoSansArabic-Regular"
ARABIC_BOLD = "NotoSansArabic-Bold"
CJK = "DroidSansFallback"

BUNDLED = (REGULAR, BOLD, OBLIQUE, BOLD_OBLIQUE, ARABIC, ARABIC_BOLD, CJK)
LICENCES = ("LICENSE_DEJAVU", "LICENSE_NOTO_OFL", "LICENSE_DROID_APACHE")

_lock = threading.Lock()
_registered: set[str] = set()


def _register(name: str) -> None:
    path = paths.resource("fonts", f"{name}.ttf")
    if not path.is_file():
        raise FileNotFoundError(f"report font missing: {path}")
    pdfmetrics.registerFont(TTFont(name, str(path)))
    _registered.add(name)


def register() -> None:
    """Register the always-needed faces once per process (safe from worker threads)."""
    if REGULAR in _registered:
        return
    with _lock:
        if REGULAR in _registered:
            return
        for name in (BOLD, OBLIQUE, BOLD_OBLIQUE, ARABIC, ARABIC_BOLD, REGULAR):
            _register(name)
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, OBLIQUE)
        addMapping(FAMILY, 1, 1, BOLD_OBLIQUE)


def _ensure_cjk() -> None:
    if CJK in _registered:
        return
    with _lock:
        if CJK not in _registered:
            _register(CJK)


def face(bold: bool = False, italic: bool = False) -> str:
    return {(False, False): REGULAR, (True, False): BOLD, (False, True): OBLIQUE,
            (True, True): BOLD_OBLIQUE}[(bold, italic)]


def string_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)



# ------------------------------------------------------------------ scripts and runs
_CJK_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF),
               (0x3100, 0x31FF), (0x3200, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
               (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FA1F))
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                  (0xFE70, 0xFEFF))
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def _font_for(ch: str, bold: bool, italic: bool) -> str:
    cp = ord(ch)
    if cp < 0x0590:
        return face(bold, italic)
    if _in(cp, _ARABIC_RANGES):
        return ARABIC_BOLD if bold else ARABIC
    if _in(cp, _CJK_RANGES):
        _ensure_cjk()
        return CJK
    return face(bold, italic)


@lru_cache(maxsize=1024)
def _has_glyph(font: str, ch: str) -> bool:
    face = cast(Any, pdfmetrics.getFont(font)).face  # a TTFont: its face has the cmap
    return ord(ch) in face.charToGlyph


def is_rtl(text: str) -> bool:
    return any(_in(ord(c), _RTL_RANGES) for c in text if ord(c) >= 0x0590)


@dataclass(frozen=True)
class Run:
    """Glyphs to draw left to right in one font (already in visual order)."""

    text: str
    font: str


@dataclass(frozen=True)
class Line:
    """One line of text as it is drawn: its runs, and the logical text when they differ
    (right-to-left text), for the PDF's /ActualText."""

    runs: tuple[Run, ...]
    actual: str | None

    def width(self, size: float) -> float:
        return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in self.runs)


def _levels(text: str) -> list[int]:
    """Resolved embedding level of each character (rules P2-I2 of UAX #9)."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    base = uba.get_base_level(text)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(text, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    return [c["level"] for c in storage["chars"]]


def _visual(text: str) -> str:
    """``text`` (logical order, no line breaks) in the order it is drawn, Arabic joined."""
    from arabic_reshaper import reshape
    from bidi.mirror import MIRRORED

    levels = _levels(text)
    runs: list[tuple[int, str]] = []  # (level, logical text) of equal-level stretches
    for ch, level in zip(text, levels, strict=True):
        if runs and runs[-1][0] == level:
            runs[-1] = (level, runs[-1][1] + ch)
        else:
            runs.append((level, ch))
    pieces = []
    for level, chunk in runs:
        if level % 2:
            shaped = reshape(chunk) if any(_in(ord(c), _ARABIC_RANGES) for c in chunk) else chunk
            chunk = "".join(MIRRORED.get(c, c) for c in reversed(shaped))
        pieces.append((level, chunk))
    # Rule L2: from the highest level down to the lowest odd one, reverse every sequence of
    # runs at that level or higher (the characters inside were reversed above).
    top = max(level for level, _ in pieces)
    lowest_odd = min((level for level, _ in pieces if level % 2), default=top + 1)
    for k in range(top, lowest_odd - 1, -1):
        out: list[tuple[int, str]] = []
        i = 0
        while i < len(pieces):
            if pieces[i][0] >= k:
                j = i
                while j < len(pieces) and pieces[j][0] >= k:
                    j += 1
                out.extend(reversed(pieces[i:j]))
                i = j
            else:
                out.append(pieces[i])
                i += 1
        pieces = out
    return "".join(chunk for _, chunk in pieces)


@lru_cache(maxsize=4096)
def line(text: str, bold: bool = False, italic: bool = False) -> Line:
    """How ``text`` is drawn: font runs in visual order (cached: names repeat on every page)."""
    if text.isascii():
        return Line((Run(text, face(bold, italic)),), None)
    text = unicodedata.normalize("NFC", text)
    actual = None
    drawn = text
    if is_rtl(text):
        drawn = _visual(text)
        actual = text
    runs: list[Run] = []
    for ch in drawn:
        # Spaces and punctuation stay in the run they are in (every bundled font has them),
        # so a right-to-left name is one run of glyphs.
        font = (runs[-1].font if runs and not ch.isalnum() and ch.isascii()
                and _has_glyph(runs[-1].font, ch) else _font_for(ch, bold, italic))
        if runs and runs[-1].font == font:
            runs[-1] = Run(runs[-1].text + ch, font)
        else:
            runs.append(Run(ch, font))
    return Line(tuple(runs), actual)


def width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    return line(text, bold, italic).width(size)


def _actual_text(s: str) -> str:
    hexed = s.encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <FEFF{hexed}>>> BDC"


def draw(canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
         italic: bool = False, align: str = "left") -> float:
    """Draw one line of any script at (x, y) (``align``: left, right or centre); returns its
    width."""
    ln = line(text, bold, italic)
    w = ln.width(size)
    if align == "right":
        x -= w
    elif align == "centre":
        x -= w / 2
    # reportlab has no API for marked content: the operators go into the page stream as is
    code: list[str] = cast(Any, canvas)._code
    if ln.actual is not None:
        code.append(_actual_text(ln.actual))
    # One text object for the whole line: the runs follow each other with the fonts' own
    # advances, so a text extractor sees one line, not pieces with gaps between them.
    tobj = canvas.beginText(x, y)
    for run in ln.runs:
        tobj.setFont(run.font, size)
        tobj.textOut(run.text)
    canvas.drawText(tobj)
    if ln.actual is not None:
        code.append("EMC")
    return w


def wrap(text: str, size: float, avail: float, *, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    """``text`` cut at spaces (or, for a word wider than ``avail``, between characters) into
    lines no wider than ``avail``; with ``max_lines``, the last line ends in an ellipsis."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split(" "):
            trial = word if not current else f"{current} {word}"
            if width(trial, size, bold) <= avail:
                current = trial
                continue
            if current:
                lines.append(current)
            current = word
            while width(current, size, bold) > avail and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and width(current[:cut], size, bold) > avail:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and width(last + "…", size, bold) > avail:
            last = last[:-1]
        lines = [*lines[:max_lines - 1], last.rstrip() + "…"]
    return lines


class TextBlock(Flowable):
    """Text a person typed (any script), wrapped to the width it is given."""

    def __init__(self, text: str, size: float, *, leading: float | None = None,
                 bold: bool = False, colour: Any = None, max_lines: int | None = None):
        super().__init__()
        self.text = text
        self.size = size
        self.leading = leading or size * 1.25
        self.bold = bold
        self.colour = colour
        self.max_lines = max_lines
        self.lines: list[str] = [text]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.lines = wrap(self.text, self.size, availWidth, bold=self.bold,
                          max_lines=self.max_lines)
        self.width = max((width(t, self.size, self.bold) for t in self.lines), default=0.0)
        self.height = self.leading * len(self.lines)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        if self.colour is not None:
            c.setFillColor(self.colour)
        y = self.height - self.size * 0.95
        for t in self.lines:
            draw(c, 0, y, t, self.size, bold=self.bold)
            y -= self.leading
