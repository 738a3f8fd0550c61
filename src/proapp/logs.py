"""Logging to a rotating file in the user's log folder (and stderr when there is one)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from proapp import paths

LOG_NAME = "proapp.log"
_configured = False


def setup_logging(level: int = logging.INFO) -> Path:
    """Idempotent. Returns the log file path. Never logs passwords: callers must not pass
    them, and no module logs request payloads."""
    global _configured
    path = paths.log_dir() / LOG_NAME
    if _configured:
        return path
    root = logging.getLogger()
    root.setLevel(level)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    root.addHandler(handler)
    if sys.stderr is not None:  # a windowed Windows build has no stderr
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("proapp: %(levelname)s: %(message)s"))
        root.addHandler(console)
    _configured = True
    return path
