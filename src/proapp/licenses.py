"""Which third-party software proapp ships, and under which licence.

One source for the About dialog, ``proapp about --licenses``, the PyInstaller spec (which
copies exactly these distributions' metadata into the frozen build, so this module works
there too) and ``packaging/THIRD_PARTY_LICENSES.txt``.

The bundled set is proapp's runtime requirements, followed transitively: the same closure
PyInstaller collects. Requirements that exist only for an extra (``[test]``, ``[package]``)
are left out; one whose marker excludes this platform is simply not installed and so not
found. Standard library only: the spec imports this module before anything is bundled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

APP_DISTRIBUTION = "proapp"

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LICENSE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)

# Distributions offered under a choice of licences: the one proapp uses them under.
CHOSEN = {
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}

# Shipped in the frozen build but not Python distributions (or not visible as one).
NON_PYTHON = (
    ("Qt 6 libraries (inside PySide6)", "LGPL-3.0-only",
     "The Qt shared libraries in the program folder may be replaced by the user with "
     "compatible builds (dynamic linking, as the LGPL requires); the LGPL and GPL texts "
     "follow below. Source: https://download.qt.io/official_releases/qt/"),
    ("PDFium (inside pypdfium2)", "BSD-3-Clause, Apache-2.0 and the licences of its "
     "third-party parts",
     "The full texts are in pypdfium2's licence folder (BUILD_LICENSES)."),
    ("DejaVu fonts (resources/fonts)", "Bitstream Vera / DejaVu licence (free)",
     "See resources/fonts/LICENSE_DEJAVU."),
    ("Noto Sans Arabic (resources/fonts)", "OFL-1.1",
     "SIL Open Font License 1.1; see resources/fonts/LICENSE_NOTO_OFL."),
    ("Droid Sans Fallback (resources/fonts)", "Apache-2.0",
     "See resources/fonts/LICENSE_DROID_APACHE."),
    ("Python", "PSF-2.0", "The Python interpreter and standard library."),
    ("PyInstaller bootloader", "GPL-2.0-or-later WITH Bootloader-exception",
     "The exception allows distributing the bootloader with programs under any licence."),
)


def canonical(name: str) -> str:
    """PEP 503 name: ``PySide6_Essentials`` -> ``pyside6-essentials``."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str
    license_files: tuple[str, ...] = ()
    note: str = ""


def _runtime_requirements(dist: metadata.Distribution) -> list[str]:
    names = []
    for req in dist.requires or ():
        _, _, marker = req.partition(";")
        if "extra" in marker:
            continue
        match = _NAME.match(req)
        if match:
            names.append(match.group(1))
    return names


def bundled_distributions(root: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """``root`` and everything it needs at run time that is installed, sorted by name.
    ``root`` itself first."""
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = canonical(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # a requirement for another platform/Python
            continue
        found[key] = dist
        todo.extend(_runtime_requirements(dist))
    first = found.pop(canonical(root), None)
    rest = [found[k] for k in sorted(found)]
    return ([first] if first is not None else []) + rest


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """One metadata field, stripped; '' when absent (the same on every Python version)."""
    return str((meta.get_all(name) or [""])[0] or "").strip()


def license_of(dist: metadata.Distribution) -> str:
    """A short licence name: License-Expression, else a one-line License field, else the
    trove classifiers, else the first line of a License field that holds the whole text."""
    meta = dist.metadata
    chosen = CHOSEN.get(canonical(meta["Name"] or ""))
    expression = _field(meta, "License-Expression")
    text = _field(meta, "License")
    if expression:
        found = expression
    elif text and "\n" not in text and len(text) <= 80:
        found = text
    else:
        classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or ()
                       if c.startswith("License :: ")]
        if classifiers:
            found = " / ".join(classifiers)
        elif text:
            found = text.splitlines()[0].strip()
        else:
            found = "see its licence file"
    if chosen and chosen != found:
        return f"{chosen} (offered as {found})"
    return found


def license_files(dist: metadata.Distribution) -> tuple[str, ...]:
    """Licence-like files recorded in the distribution's metadata folder."""
    files = []
    for entry in dist.files or ():
        path = str(entry).replace("\\", "/")
        if ".dist-info/" in path and ("/licenses/" in path or _LICENSE_FILE.search(path)):
            files.append(path)
    return tuple(sorted(files))


def components() -> list[Component]:
    """Every bundled Python distribution except proapp itself, then the non-Python parts."""
    result = [Component(d.metadata["Name"] or "?", d.version or "?", license_of(d),
                        license_files(d))
              for d in bundled_distributions()[1:]]
    result += [Component(name, "", lic, (), note) for name, lic, note in NON_PYTHON]
    return result


def summary_lines() -> list[str]:
    """One line per component: name, version, licence."""
    return [f"{c.name} {c.version}".strip() + f": {c.license}" for c in components()]


def full_text() -> str:
    """THIRD_PARTY_LICENSES.txt: the summary, then every licence file in full."""
    from proapp import __version__

    rule = "=" * 78
    out = [f"proapp {__version__}: third-party software and licences", "",
           "proapp is distributed with the following software. Each keeps its own licence;",
           "the full texts follow the list.", ""]
    out += [f"  {line}" for line in summary_lines()]
    for dist in bundled_distributions()[1:]:
        name = dist.metadata["Name"] or "?"
        for relative in license_files(dist):
            text = read_license_text(name, relative).strip()
            if text:
                out += ["", rule, f"{name} {dist.version}: {relative}", rule, "", text]
    for title, parts in (("DejaVu fonts: resources/fonts/LICENSE_DEJAVU",
                          ("fonts", "LICENSE_DEJAVU")),
                         ("Noto Sans Arabic: resources/fonts/LICENSE_NOTO_OFL",
                          ("fonts", "LICENSE_NOTO_OFL")),
                         ("Droid Sans Fallback: resources/fonts/LICENSE_DROID_APACHE",
                          ("fonts", "LICENSE_DROID_APACHE")),
                         ("Qt 6, PySide6, shiboken6: GNU LGPL version 3",
                          ("licenses", "LGPL-3.0.txt")),
                         ("GNU GPL version 3 (the LGPL version 3 builds on it)",
                          ("licenses", "GPL-3.0.txt"))):
        text = _resource_text(*parts)
        if text:
            out += ["", rule, title, rule, "", text]
    for name, lic, note in NON_PYTHON:
        out += ["", rule, name, rule, "", f"Licence: {lic}", note]
    return "\n".join(out) + "\n"


def _resource_text(*parts: str) -> str:
    from proapp import paths

    path = paths.resource(*parts)
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def read_license_text(dist_name: str, relative: str) -> str:
    """The text of one licence file of an installed distribution ('' when unreadable)."""
    try:
        located = metadata.distribution(dist_name).locate_file(relative)
        return Path(str(located)).read_text(encoding="utf-8", errors="replace")
    except (OSError, metadata.PackageNotFoundError):
        return ""
