#!/usr/bin/env python3
"""Render resources/icons/proapp.svg to the raster icons used by packaging.

Writes, relative to the repository root:

    resources/icons/png/proapp-<N>.png   N in 16 24 32 48 64 128 256 512
    resources/icons/proapp.ico           Windows, 16..256 px in one file
    resources/icons/proapp.icns          macOS, 16..1024 px (incl. @2x)

Every size is rendered straight from the SVG (never downscaled from a large
bitmap), so the small sizes keep the crisp edges the SVG is drawn for.

Rendering uses Qt's QtSvg under the offscreen platform (no window, no display
needed); Pillow writes the .ico and .icns containers. The generated files are
committed, so packaging never needs to run this. Run it after editing the SVG:

    python packaging/make_icons.py            # regenerate
    python packaging/make_icons.py --check    # exit 1 if the files are stale
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "proapp.svg"
PNG_DIR = ICONS / "png"
ICO = ICONS / "proapp.ico"
ICNS = ICONS / "proapp.icns"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the ICO maximum
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 = 512@2x


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """Render the SVG at size x size pixels and return it as an RGBA Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter)
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The binding takes the format as str (its type stub says bytes, which it refuses).
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError(f"Qt could not encode the {size} px rendering as PNG")
    buffer.close()
    pil = Image.open(io.BytesIO(data.data()))
    pil.load()
    return pil.convert("RGBA")


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def ico_bytes(images: dict[int, Image.Image]) -> bytes:
    largest = max(ICO_SIZES)
    out = io.BytesIO()
    images[largest].save(
        out,
        "ICO",
        sizes=[(n, n) for n in ICO_SIZES],
        # Use our own renderings for every size instead of Pillow's downscaling.
        append_images=[images[n] for n in ICO_SIZES if n != largest],
    )
    return out.getvalue()


def icns_bytes(images: dict[int, Image.Image]) -> bytes:
    largest = max(ICNS_SIZES)
    out = io.BytesIO()
    images[largest].save(
        out,
        "ICNS",
        append_images=[images[n] for n in ICNS_SIZES if n != largest],
    )
    return out.getvalue()


def build() -> dict[Path, bytes]:
    """Return {output path: file content} for every generated icon."""
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"error: Qt could not parse {SVG}")
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    images = {n: render(renderer, n) for n in sizes}

    outputs = {PNG_DIR / f"proapp-{n}.png": png_bytes(images[n]) for n in PNG_SIZES}
    outputs[ICO] = ico_bytes(images)
    outputs[ICNS] = icns_bytes(images)
    return outputs


def check_readable(outputs: dict[Path, bytes]) -> None:
    """Open the containers again and make sure every expected size is inside."""
    ico = Image.open(io.BytesIO(outputs[ICO]))
    ico_found = set(ico.info.get("sizes", set()))
    missing = {(n, n) for n in ICO_SIZES} - ico_found
    if missing:
        raise SystemExit(f"error: {ICO.name} lacks sizes {sorted(missing)}")
    icns = Image.open(io.BytesIO(outputs[ICNS]))
    if icns.size != (512, 512) and icns.size != (1024, 1024):
        raise SystemExit(f"error: unexpected {ICNS.name} base size {icns.size}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit with status 1 if any generated file is missing or stale",
    )
    args = parser.parse_args(argv)

    # No display needed: Qt reads the platform when the application is created.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    outputs = build()
    check_readable(outputs)

    if args.check:
        stale = [p for p, data in outputs.items() if not p.is_file() or p.read_bytes() != data]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        if stale:
            print("run: python packaging/make_icons.py")
            return 1
        print("icons are up to date")
        return 0

    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
