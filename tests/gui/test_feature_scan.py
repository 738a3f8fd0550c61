"""PySide6 no longer reads the source of every module imported after it (its ``__feature__``
scan): modules get the "no feature" default without their file being read, and Qt works."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

import proapp.gui


def test_modules_imported_after_the_gui_are_not_read_for_features(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules["PySide6.support.feature"]
    assert feature._mod_uses_pyside is proapp.gui._uses_no_feature
    read: list[object] = []
    real = inspect.getsource

    def recorded(obj: object) -> str:
        read.append(obj)
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", recorded)
    (tmp_path / "proapp_scan_probe.py").write_text("VALUE = 41 + 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("proapp_scan_probe")  # the import statement (its hook)
    try:
        assert module.VALUE == 42
        assert read == []  # its file was not read again to look for "PySide6"
        # the default a PySide6 module without __feature__ gets (its own scan gave -1 here)
        assert feature.pyside_feature_dict["proapp_scan_probe"] == 0
    finally:
        sys.modules.pop("proapp_scan_probe", None)


def test_qt_attributes_read_as_usual_in_a_module_imported_after(qapp: object,
                                                                tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    (tmp_path / "proapp_scan_qt.py").write_text(
        "from PySide6.QtWidgets import QLabel\n"
        "def made():\n"
        "    label = QLabel('x')\n"
        "    label.setText('ok')\n"
        "    return label.text(), label.objectName() == ''\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("proapp_scan_qt")
    try:
        assert module.made() == ("ok", True)  # camelCase methods, no snake_case feature
    finally:
        sys.modules.pop("proapp_scan_qt", None)
