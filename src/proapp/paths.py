"""Where proapp keeps its files: user data folder, logs, bundled resources (installed or frozen)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import platformdirs

APP = "proapp"
ENV_DATA_DIR = "PROAPP_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder (created private: 0700 on POSIX). Overridable for tests and IT."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))
    return ensure_private_dir(path)


def log_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    path = (Path(override) / "logs" if override
            else Path(platformdirs.user_log_dir(APP, appauthor=False)))
    return ensure_private_dir(path)


def default_database() -> Path:
    return data_dir() / "proapp.db"


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        # A folder chosen by IT that we do not own: leave its mode alone.
        with contextlib.suppress(PermissionError):
            os.chmod(path, 0o700)
    return path


def resources() -> Path:
    """The bundled ``resources`` folder: beside the frozen executable, or at the repo top."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "resources"
        if (candidate / "icons").is_dir() or (candidate / "fonts").is_dir():
            return candidate
    return here.parent.parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources().joinpath(*parts)
