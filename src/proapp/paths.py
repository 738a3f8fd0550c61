"""Where proapp keeps its files: user data folder, logs, bundled resources (installed or frozen)."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import sysconfig
from pathlib import Path

import platformdirs

from proapp import atomic

APP = "proapp"
ENV_DATA_DIR = "PROAPP_DATA_DIR"
ENV_DB = "PROAPP_DB"  # the database (file or URL) when no --db is given (db/engine.py)


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


DATABASE_NAME = "proapp.db"
TRAINING_NAME = "proapp-training.db"
LOCATION_FILE = "database-location.txt"


def default_database() -> Path:
    """``proapp.db`` in the data folder, unless IT chose another file at the first start
    (recorded in ``database-location.txt`` there, so the GUI and the CLI agree)."""
    return chosen_database() or data_dir() / DATABASE_NAME


def chosen_database() -> Path | None:
    try:
        text = (data_dir() / LOCATION_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return Path(text).expanduser() if text else None


def choose_database(path: Path | None) -> None:
    """Record ``path`` as the default database (None: back to the data folder's)."""
    target = data_dir() / LOCATION_FILE
    if path is None or path.resolve() == (data_dir() / DATABASE_NAME).resolve():
        target.unlink(missing_ok=True)
        return
    atomic.write_text(target, f"{path.resolve()}\n")


KEPT_DRAFTS = "kept-drafts"


def kept_drafts_dir() -> Path:
    """Where visit drafts are kept while the database cannot be reached
    (services/visits/local_drafts.py); not created here: start-up only looks whether it has
    any."""
    return data_dir() / KEPT_DRAFTS


def training_database() -> Path:
    """The separate database for the synthetic demo cohort, never the clinic's own."""
    return data_dir() / TRAINING_NAME


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A folder chosen by IT that we do not own: leave its mode alone. A shared sticky folder
    # (/tmp, where `--db /tmp/x.db` puts a database) is never made private: that would lock
    # every other user and service out of it.
    if os.name == "posix" and not path.stat().st_mode & stat.S_ISVTX:
        with contextlib.suppress(PermissionError):
            os.chmod(path, 0o700)
    return path


def installed_resources() -> list[Path]:
    """Where a wheel puts ``resources/`` (pyproject's data-files): ``<prefix>/share/proapp``
    for the environment's scheme and for a ``--user`` install."""
    found = []
    for scheme in (None, f"{os.name}_user"):
        try:
            data = sysconfig.get_path("data", scheme) if scheme else sysconfig.get_path("data")
        except KeyError:  # no user scheme on this platform
            continue
        if data:
            found.append(Path(data) / "share" / APP / "resources")
    return found


def resources() -> Path:
    """The bundled ``resources`` folder: inside the frozen build (``sys._MEIPASS``), where a
    wheel installed it, or at the top of a source checkout (also an editable install)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    for candidate in installed_resources():
        if (candidate / "fonts").is_dir():
            return candidate
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "resources"
        if (candidate / "icons").is_dir() or (candidate / "fonts").is_dir():
            return candidate
    return here.parent.parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources().joinpath(*parts)
