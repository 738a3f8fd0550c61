"""Report pages as pixels, for the on-screen preview and for printing through Qt.

PySide6-Essentials has no QtPdf, and pdftoppm is not on a clinic's Windows PC, so pages are
rasterised in-process with PDFium (pypdfium2: the renderer of Chrome, wheels for every
platform, no other dependency). The PDF itself stays vector; only the preview and the Qt
print path use these images. PDFium is not thread-safe, hence the lock.
"""

from __future__ import annotations

import threading
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


def render_pages(pdf: bytes, dpi: float = 96.0, pages: list[int] | None = None,
                 check: object = None) -> list[PageImage]:
    """Render the given pages (default: all) at ``dpi``. ``check`` is called before each page
    (a Progress.check that raises to cancel)."""
    out = []
    with _lock:
        doc = pdfium.PdfDocument(pdf)
        try:
            for i in pages if pages is not None else range(len(doc)):
                if callable(check):
                    check()
                page = doc[i]
                bitmap = page.render(scale=dpi / 72.0, prefer_bgrx=True, rev_byteorder=True)
                out.append(PageImage(bitmap.width, bitmap.height, bitmap.stride,
                                     bytes(bitmap.buffer)))
                bitmap.close()
                page.close()
        finally:
            doc.close()
    return out
