"""``proapp about``: version, where the files are, bundled licences, and an installation
check for clinic IT (``--check``: bundled resources, migrations, licence metadata, and a
PDF drawn with the report fonts and rasterised by PDFium, as the report preview does)."""

from __future__ import annotations

import argparse
import io
import platform
import sys

from proapp.cli import Subparsers, add_db_option


def register(sub: Subparsers) -> None:
    p = sub.add_parser("about", help="version, data and log folders, bundled licences",
                       description="Show the version, the database, data and log folders and "
                                   "the licence of every bundled library; --check also "
                                   "verifies the installation.")
    add_db_option(p)
    p.add_argument("--licenses", action="store_true",
                   help="print the full third-party licence texts")
    p.add_argument("--check", action="store_true",
                   help="verify the installation (resources, migrations, fonts, PDF "
                        "rendering); exit status 1 on any failure")
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from proapp import __version__, licenses, paths
    from proapp.db.engine import resolve_url
    from proapp.logs import log_file

    if args.licenses:
        print(licenses.full_text(), end="")
        return 0
    frozen = "frozen build" if getattr(sys, "frozen", False) else "from source"
    print(f"proapp {__version__} ({frozen})")
    print(f"Python {platform.python_version()} on {platform.platform()}")
    print(f"database: {_display(resolve_url(getattr(args, 'db', None)))}")
    print(f"data folder: {paths.data_dir()}")
    print(f"log file: {log_file()}")
    print("bundled software:")
    for line in licenses.summary_lines():
        print(f"  {line}")
    if not args.check:
        return 0
    failures = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:  # report every failure, then fail the command
            failures += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}")
        else:
            print(f"ok   {name}: {detail}")
    print("installation OK" if not failures else f"{failures} check(s) failed")
    return 1 if failures else 0


def _display(url: str) -> str:
    from sqlalchemy.engine import make_url

    from proapp.db.engine import sqlite_path

    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def _resources() -> str:
    from proapp import paths
    from proapp.reports import fonts

    needed = [paths.resource("icons", "proapp.svg"),
              *(paths.resource("fonts", f"{name}.ttf") for name in fonts.BUNDLED),
              *(paths.resource("fonts", name) for name in fonts.LICENCES)]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    return str(paths.resources())


def _instrument_texts() -> str:
    from proapp.domain.language import LANGUAGES
    from proapp.domain.registry import QUESTIONNAIRES

    checked = []
    for instrument in QUESTIONNAIRES.values():
        for language in LANGUAGES:
            texts = instrument.texts(language)  # parsed and checked against the definition
            checked.append(f"{instrument.id}.{language.value}"
                           + ("" if texts.validated else " (not validated)"))
    return ", ".join(checked)


def _migrations() -> str:
    from proapp.db.migrate import head_revision, known_revisions

    return f"head {head_revision()}, {len(known_revisions())} revision(s)"


def _metadata() -> str:
    from proapp import licenses

    parts = [c for c in licenses.components() if c.version]
    unknown = [c.name for c in parts if c.license == "see its licence file"]
    if len(parts) < 10 or unknown:
        raise LookupError(f"{len(parts)} distributions found; no licence for {unknown}")
    return f"{len(parts)} distributions with licence metadata"


def _pdf_rendering() -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from proapp.reports import fonts
    from proapp.reports.preview import render_pages

    fonts.register()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(fonts.BOLD, 28)
    pdf.drawString(72, 720, "proapp installation check: Dvořák, Łukasz, Müller")
    # every script the reports can print, through the same run, bidi and joining code
    fonts.draw(pdf, 72, 680, "山田 太郎 · 김민준 · محمد عبد الله · דוד כהן · Ελένη · Дмитрий", 20)
    pdf.rect(72, 600, 200, 80, fill=1)
    pdf.showPage()
    pdf.save()
    page = render_pages(buffer.getvalue(), dpi=50)[0]
    dark = sum(1 for i in range(0, len(page.data), 4) if page.data[i] < 128)
    if dark < 1000:
        raise ValueError(f"the rendered page is blank ({dark} dark pixels)")
    return (f"PDF with the report fonts (Latin, Greek, Cyrillic, Hebrew, Arabic, CJK) "
            f"rasterised by PDFium: {page.width}x{page.height} px, {dark} dark")


CHECKS = (("resources", _resources), ("questionnaire texts", _instrument_texts),
          ("migrations", _migrations),
          ("licence metadata", _metadata), ("PDF fonts and rendering", _pdf_rendering))
