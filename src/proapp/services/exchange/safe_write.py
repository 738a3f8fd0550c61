"""Writing export files so that a failed or cancelled export never leaves a half file and an
existing file is never replaced without ``force``.

Everything is written under a temporary name in the destination folder and committed by
:mod:`proapp.atomic` (private, flushed, one atomic rename). A folder export stages all its
files in a temporary sub-folder and moves each into place only after every file was written
completely.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from proapp import atomic
from proapp.domain.i18n import msg
from proapp.services.errors import UserError


class OutputExists(UserError):
    """The destination already holds a file the export would replace."""

    def __init__(self, paths: Iterable[Path]):
        self.paths = sorted(paths)
        names = ", ".join(str(p) for p in self.paths)
        super().__init__(f"{names} already exist(s); choose another destination or overwrite "
                         "(--force)")


def existing(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if p.exists()]


@contextlib.contextmanager
def staged_file(target: Path, *, force: bool) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``."""
    target = Path(target)
    if target.exists() and not force:
        raise OutputExists([target])
    if target.is_dir():
        raise UserError(msg("{path} is a folder; give a file name", path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic.staged(target) as tmp:
        yield tmp


@contextlib.contextmanager
def staged_folder(folder: Path, names: Iterable[str], *, force: bool) -> Iterator[Path]:
    """Yield a temporary folder inside ``folder``; write ``names`` into it. On success each
    file replaces its namesake in ``folder`` (one atomic rename each); on any error or cancel
    the temporary folder is removed and ``folder`` keeps what it had."""
    folder = Path(folder)
    names = list(names)
    if folder.exists() and not folder.is_dir():
        raise UserError(msg("{folder} is a file; this format writes a folder", folder=folder))
    clash = existing(folder / n for n in names)
    if clash and not force:
        raise OutputExists(clash)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".proapp-export-", dir=folder))
    try:
        yield tmp
        written = [tmp / n for n in names]
        missing = [p.name for p in written if not p.is_file()]
        if missing:
            raise RuntimeError(f"export did not write {', '.join(missing)}")
        atomic.commit_all((p, folder / p.name) for p in written)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
