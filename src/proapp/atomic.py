"""Writing a file so that it is either there complete or not changed at all.

Every file proapp writes with patient data (reports, exports, backups, the restored database)
and its own small settings files go through here: the content is written under a temporary
name in the destination folder (the same file system, so the rename is atomic), made private
(0600: clinical data is readable by its owner only, like the database), flushed to the disk
(``fsync``), renamed over the final name, and the folder is flushed too, so that after a crash
or a power cut the final name holds either the old file or the whole new one, never a part.
A failed or cancelled write removes the temporary file and leaves the destination as it was.

Standard library only: every layer above ``domain`` may use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

PRIVATE = 0o600


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a written file's content to the disk."""
    _fsync(path)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk. Windows cannot open a folder for that,
    and some network file systems refuse it; the rename before it is complete either way."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)


def create_private(path: Path) -> Path:
    """Create ``path`` as a new, empty, private file; an existing file is never reused."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
    return path


def temp_beside(target: Path) -> Path:
    """A new, empty, private file with a unique hidden name beside ``target``
    (``.<name>.<random>.part``)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    return Path(name)


def commit(temp: Path, target: Path) -> None:
    """Put the completely written ``temp`` in place of ``target``: private, on the disk, one
    atomic rename, the folder flushed."""
    commit_all([(temp, target)])


def commit_all(moves: Iterable[tuple[Path, Path]]) -> None:
    """:func:`commit` for several files that belong together: every file is made private and
    flushed before the first rename, so a failure while flushing renames none of them."""
    moves = list(moves)
    for temp, _target in moves:
        os.chmod(temp, PRIVATE)
        fsync_file(temp)
    for temp, target in moves:
        os.replace(temp, target)
    for folder in dict.fromkeys(target.parent for _temp, target in moves):
        fsync_dir(folder)


@contextlib.contextmanager
def staged(target: Path, *, temp: Path | None = None) -> Iterator[Path]:
    """Yield a temporary file to write (``temp``, created new, or :func:`temp_beside`); when
    the block ends normally it replaces ``target`` (:func:`commit`). On any error or cancel
    it is removed and ``target`` is left as it was."""
    target = Path(target)
    path = create_private(temp) if temp is not None else temp_beside(target)
    try:
        yield path
        commit(path, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def write_bytes(target: Path, data: bytes) -> Path:
    """Write ``data`` as the whole new content of ``target`` (see the module docstring)."""
    with staged(target) as temp:
        temp.write_bytes(data)
    return target


def write_text(target: Path, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(target, text.encode(encoding))
