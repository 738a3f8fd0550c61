"""Report pages as pixels, for the on-screen preview and for printing through Qt.

PySide6-Essentials has no QtPdf, and pdftoppm is not on a clinic's Windows PC, so pages are
rasterised in-process with PDFium (pypdfium2: the renderer of Chrome, wheels for every
platform, no other dependency). The PDF itself stays vector; only the preview and the Qt
print path use these images. PDFium is not thread-safe, hence the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium

_lock = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """RGBX, 8 bits per channel, ``stride`` bytes per row."""

    width: int
    height: int
    stride: int
    data: bytes


def page_count(pdf: bytes) -> int:
    with _lock:
        doc = pdfium.PdfDocument(pdf)
        try:
            return len(doc)
        finally:
            doc.close()


def iter_pages(pdf: bytes, dpi: float = 96.0, check: Callable[[], None] | None = None
               ) -> Iterator[PageImage]:
    """Render page after page at ``dpi`` (one page in memory at a time, for printing).
    ``check`` is called before each page (a Progress.check that raises to cancel)."""
    with _lock:
        doc = pdfium.PdfDocument(pdf)
        try:
            for i in range(len(doc)):
                if check is not None:
                    check()
                page = doc[i]
                bitmap = page.render(scale=dpi / 72.0, prefer_bgrx=True, rev_byteorder=True)
                image = PageImage(bitmap.width, bitmap.height, bitmap.stride,
                                  bytes(bitmap.buffer))
                bitmap.close()
                page.close()
                yield image
        finally:
            doc.close()


def render_pages(pdf: bytes, dpi: float = 96.0,
                 check: Callable[[], None] | None = None) -> list[PageImage]:
    """Every page at ``dpi`` (for the preview)."""
    return list(iter_pages(pdf, dpi, check))
