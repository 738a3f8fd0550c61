"""Guarded outputs: nothing proapp writes on a user's request may land on the database.

An export, backup, report or restore whose target resolves (after symbolic links) to the
database file, its ``-wal``/``-shm``/``-journal`` companions, the integrity-key folder, or into
the backup folder is refused before anything is written. ``--force`` (replace existing files)
never overrides this: it is about files the user chose to replace, not about the live database.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from proapp.db import keys
from proapp.db.engine import Database
from proapp.services.errors import UserError

JOURNALS = ("-wal", "-shm", "-journal")


class ProtectedTarget(UserError):
    """The output would overwrite the database, its journal, a key or the backup folder."""


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def protected_files(db: Database) -> set[Path]:
    p = db.path
    if p is None:
        return set()
    real = _real(p)
    out = {real, *(real.with_name(real.name + s) for s in JOURNALS)}
    out |= {p.absolute(), *(p.absolute().with_name(p.name + s) for s in JOURNALS)}
    return out


def protected_folders(db: Database) -> set[Path]:
    from proapp.services.integrity import backup

    folders = {_real(backup.default_backup_dir()), _real(keys.key_dir())}
    configured = backup.configured_backup_dir(db)
    if configured is not None:
        folders.add(_real(configured))
    return folders


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refuse_protected(db: Database, targets: Iterable[Path | str], *, what: str,
                     folders_allowed: bool = False) -> None:
    """Raise :class:`ProtectedTarget` if any target is (or, after links, resolves to) a file
    that must never be written by ``what``. ``folders_allowed``: the backup folder itself is
    the right place (an automatic backup)."""
    files = protected_files(db)
    folders = set() if folders_allowed else protected_folders(db)
    for target in targets:
        t = Path(target).expanduser()
        for candidate in {t.absolute(), _real(t)}:
            if candidate in files:
                raise ProtectedTarget(
                    f"Refused: {t} is the database itself or one of its journal files; the "
                    f"{what} would destroy the live data. Nothing was written (--force does "
                    "not change this). Choose another file name.")
            for folder in folders:
                if _inside(candidate, folder):
                    raise ProtectedTarget(
                        f"Refused: {t} is inside {folder}, which proapp keeps for backups or "
                        f"integrity keys; the {what} must go elsewhere. Nothing was written.")
