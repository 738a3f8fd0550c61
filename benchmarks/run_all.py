"""Run every benchmark script in this folder, one after another (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
status = 0
for script in sorted(here.glob("*.py")):
    if script.name in {"run_all.py", "__init__.py"} or script.name.startswith("_"):
        continue
    print(f"\n== {script.name}", flush=True)
    status |= subprocess.run([sys.executable, str(script)], check=False).returncode
sys.exit(status)
