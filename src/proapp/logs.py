"""Logging to a rotating file in the user's log folder (and stderr when there is one).

``proapp.__main__.main`` calls :func:`setup_logging` once at start-up, for the GUI and every
CLI command alike, so a problem on a clinic workstation can be read back from one place
(the About dialog shows where).
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from proapp import paths

LOG_NAME = "proapp.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
_configured: Path | None = None


def log_file() -> Path:
    """Where the log is written (the folder is created)."""
    return paths.log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO, *, max_bytes: int = MAX_BYTES,
                  backup_count: int = BACKUP_COUNT) -> Path:
    """Idempotent: the first call installs the handlers, later calls only return the path.
    Never logs passwords: callers must not pass them, and no module logs request payloads.

    A log folder that cannot be written (read-only profile, full disk) must not stop the
    program: it then logs to stderr only, and says so there.
    """
    global _configured
    if _configured is not None:
        return _configured
    root = logging.getLogger()
    root.setLevel(level)
    path = paths.log_dir() / LOG_NAME
    try:
        handler: logging.Handler = PrivateRotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
    except OSError as exc:
        handler = logging.NullHandler()
        if sys.stderr is not None:
            print(f"proapp: cannot write the log file {path}: {exc}", file=sys.stderr)
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    _install(root, handler)
    if sys.stderr is not None:  # a windowed Windows build has no stderr
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(_ConsoleFormatter("proapp: %(levelname)s: %(message)s"))
        console.addFilter(_not_file_only)
        _install(root, console)
    _configured = path
    return path


FILE_ONLY = {"file_only": True}  # ``extra=`` for records that must not reach the terminal


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log can hold file names and user names: readable by its owner only (0600), also
    after each rotation."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(self.baseFilename, 0o600)
        return stream


class _ConsoleFormatter(logging.Formatter):
    """One line per record on stderr: tracebacks (which may quote data) stay in the file."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


_installed: list[logging.Handler] = []


def _install(root: logging.Logger, handler: logging.Handler) -> None:
    root.addHandler(handler)
    _installed.append(handler)


def reset_for_tests() -> None:
    """Remove and close the handlers :func:`setup_logging` installed (tests only)."""
    global _configured
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
    _configured = None
