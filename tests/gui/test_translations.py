"""The screens' translations: every text in the code is in the .ts files, English and Italian
are complete, each translation keeps its placeholders, and the screens really change language.

The .ts files are read as XML (not through Qt), and ``pyside6-lupdate`` is run on a copy to
see what the code asks for now."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from proapp.domain.language import Language
from proapp.gui.common import language

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # type: ignore[import-not-found]  # noqa: E402  (scripts/translations.py)

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|<[a-z/][^>]*>")


def messages(path: Path) -> list[tuple[str, str, list[str]]]:
    """(context, source, translations) of every message in a .ts file."""
    out = []
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            t = m.find("translation")
            forms = [] if t is None else [f.text or "" for f in t.findall("numerusform")]
            out.append((name, m.findtext("source") or "",
                        forms or ([] if t is None else [t.text or ""])))
    return out


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_every_text_is_translated(lang: str) -> None:
    missing = translations.unfinished(translations.ts_file(lang))
    assert not missing, (f"{len(missing)} text(s) not translated in proapp_{lang}.ts; run "
                         "scripts/translations.py update and translate them:\n"
                         + "\n".join(missing[:50]))
    assert len(messages(translations.ts_file(lang))) > 200


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_translations_keep_their_placeholders_and_markup(lang: str) -> None:
    wrong = []
    for context, source, texts in messages(translations.ts_file(lang)):
        want = sorted(PLACEHOLDER.findall(source))
        for text in texts:
            got = sorted(PLACEHOLDER.findall(text))
            # a singular form may say "1" in words instead of %n
            if got != want and sorted(set(got) | {"%n"}) != sorted(set(want)):
                wrong.append(f"{context}: {source!r} -> {text!r}")
            if source.count("&") == 1 and "&&" not in source and text.count("&") != 1:
                wrong.append(f"{context}: {source!r} -> {text!r} (the shortcut & is lost)")
    assert not wrong, "\n".join(wrong)


def test_the_ts_files_hold_every_text_of_the_code(tmp_path: Path) -> None:
    """lupdate over the code now finds nothing the committed .ts files do not have: a new
    tr() text without its translation fails here (and in the test above once updated)."""
    copy = tmp_path / "proapp_it.ts"
    shutil.copy(translations.ts_file("it"), copy)
    subprocess.run([sys.executable, "-c",
                    "from PySide6.scripts.pyside_tool import lupdate; lupdate()",
                    "-no-obsolete", "-locations", "none", "-silent", *translations.sources(),
                    "-ts", str(copy)], check=True, cwd=ROOT)
    committed = {(c, s) for c, s, _t in messages(translations.ts_file("it"))}
    current = {(c, s) for c, s, _t in messages(copy)}
    assert current - committed == set(), (
        "texts in the code but not in resources/translations (run scripts/translations.py "
        f"update): {sorted(current - committed)[:20]}")
    assert committed - current == set(), (
        f"texts no longer in the code (run scripts/translations.py update): "
        f"{sorted(committed - current)[:20]}")


def test_the_screens_switch_language(italian: None) -> None:
    assert language.current_language() is Language.ITALIAN
    assert QCoreApplication.translate("PatientDialog", "New patient") == "Nuovo paziente"
    assert QCoreApplication.translate("MainWindow", "%n patient(s) loaded", "", 2) == (
        "2 pazienti caricati")
    # Qt's own texts come from qtbase_it.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annulla"
    assert language.screen_format().format_date(date(2013, 2, 1)) == "01/02/2013"


def test_english_has_its_plural_forms() -> None:
    assert QCoreApplication.translate("MainWindow", "%n patient(s) loaded", "", 1) == (
        "1 patient loaded")
    assert QCoreApplication.translate("MainWindow", "%n patient(s) loaded", "", 3) == (
        "3 patients loaded")
