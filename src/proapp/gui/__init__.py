"""Qt user interface. Thin: it shows and collects; services compute and store.

Importing the package also spares every later import PySide6's source scan (see
:func:`_skip_feature_source_scan`)."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's import hook, patched below)


def _uses_no_feature(module: ModuleType) -> bool:
    """What PySide6's scan concludes for a module that uses PySide6 without
    ``from __feature__ import ...``: switching default "no feature" (0)."""
    return True


def _skip_feature_source_scan() -> None:
    """PySide6 (``shibokensupport/feature.py``, ``_mod_uses_pyside``) reads the whole source
    file of every module imported after it, with ``inspect.getsource``, only to learn whether
    the text "PySide6" appears in it, for its ``__feature__`` switches (``snake_case``,
    ``true_property``). The GUI's start imports about 385 modules after PySide6 (about 150 ms
    of file reads and tokenising on a loaded 2-core machine), and opening the report dialog
    adds matplotlib's hundreds more.

    proapp selects no feature anywhere, so every module gets the answer a PySide6 module
    without features gets (0: no feature), without its file being read. If a later PySide6
    renames this internal function, nothing is patched and its own scan runs as before."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _uses_no_feature)  # noqa: B010  (internal name)


_skip_feature_source_scan()
