"""The layering rules of pyproject's import-linter contracts, checked in the test suite too."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "proapp"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", ["domain", "db", "services", "reports", "cli"])
def test_no_qt_outside_gui(package: str) -> None:
    for path in (SRC / package).rglob("*.py"):
        bad = {m for m in imported_modules(path) if m.split(".")[0] == "PySide6"}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_domain_imports_only_stdlib_and_domain() -> None:
    allowed_roots = set(sys.stdlib_module_names) | {"proapp"}
    for path in (SRC / "domain").rglob("*.py"):
        for module in imported_modules(path):
            root = module.split(".")[0]
            assert root in allowed_roots, f"{path.name} imports {module}"
            if root == "proapp":
                assert module.startswith("proapp.domain"), f"{path.name} imports {module}"


def test_reports_do_not_import_the_database() -> None:
    for path in (SRC / "reports").rglob("*.py"):
        bad = {m for m in imported_modules(path)
               if m.split(".")[0] in ("sqlalchemy", "alembic") or m.startswith("proapp.db")}
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


@pytest.mark.skipif(shutil.which("lint-imports") is None and not Path(
    sys.executable).with_name("lint-imports").exists(), reason="import-linter not installed")
def test_import_linter_contracts() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe) if exe.exists() else "lint-imports"],
                            cwd=SRC.parents[1], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
