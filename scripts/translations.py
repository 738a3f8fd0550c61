"""The screens' translations: refresh the .ts sources from the code, compile them, check them.

    .venv/bin/python scripts/translations.py update    # pyside6-lupdate over src/proapp/gui
    .venv/bin/python scripts/translations.py release   # pyside6-lrelease: .ts -> .qm
    .venv/bin/python scripts/translations.py check     # every entry finished, none obsolete

``update`` keeps the translations already made, adds the new texts as unfinished (translate
them with ``pyside6-linguist resources/translations/proapp_it.ts`` or an editor) and marks the
texts no longer in the code obsolete (``-no-obsolete`` drops them). English is the source
language: its file is filled with the source texts, so it is complete by construction. The
build (``make``, ``packaging/proapp.spec``) runs ``release``; the tests run ``check``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "proapp" / "gui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en", "it")


def ts_file(language: str) -> Path:
    return FOLDER / f"proapp_{language}.ts"


def qm_file(language: str) -> Path:
    return FOLDER / f"proapp_{language}.qm"


def _tool(name: str, *args: str) -> None:
    subprocess.run([sys.executable, "-c",
                    f"from PySide6.scripts.pyside_tool import {name}; {name}()", *args],
                   check=True)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        _tool("lupdate", "-no-obsolete", "-locations", "none", "-source-language", "en",
              "-target-language", language, *sources(), "-ts", str(ts_file(language)))
    fill_english(ts_file("en"))


def fill_english(path: Path) -> None:
    """English translations are the source texts, except the plural forms (``%n``), which
    are written by hand once ("1 patient loaded", "%n patients loaded") and kept."""
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None:
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if all(f.text for f in forms):
                translation.attrib.pop("type", None)
            continue
        translation.text = source.text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def release() -> list[Path]:
    made = []
    for language in LANGUAGES:
        _tool("lrelease", "-silent", "-removeidentical", str(ts_file(language)), "-qm",
              str(qm_file(language)))
        made.append(qm_file(language))
    return made


def unfinished(path: Path) -> list[str]:
    """The texts of ``path`` that are not translated (unfinished, empty or obsolete)."""
    out = []
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            forms = [] if translation is None else translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [
                None if translation is None else translation.text]
            if (translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                   "vanished")
                    or not all(t and t.strip() for t in texts)):
                out.append(f"{name}: {source}")
    return out


def check() -> int:
    bad = 0
    for language in LANGUAGES:
        missing = unfinished(ts_file(language))
        for line in missing:
            print(f"{ts_file(language).name}: not translated: {line}")
        bad += len(missing)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "release", "check"])
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        return check()
    if args.command == "release":
        release()
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
