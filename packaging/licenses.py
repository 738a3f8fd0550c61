"""Write THIRD_PARTY_LICENSES.txt: every library bundled with proapp and its licence text.

    .venv/bin/python packaging/licenses.py [OUTPUT]   (default: packaging/THIRD_PARTY_LICENSES.txt)

Run it in the environment the package is built from: it lists exactly what that
environment installs for proapp (``proapp.licenses``). The PyInstaller spec calls the same
function at every build and bundles the result, so the shipped file never goes stale; the
copy in packaging/ is for review (regenerate it when dependencies change).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from proapp import licenses  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "packaging" / "THIRD_PARTY_LICENSES.txt"
    out.write_text(licenses.full_text(), encoding="utf-8")
    print(f"{out}: {len(licenses.components())} components")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
