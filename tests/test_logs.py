"""The log file: one set-up per process, rotation, and no password in it ever."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from proapp import logs
from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.services import accounts
from proapp.services.errors import UserError

SECRET = "Secret-horse-battery-42"


@pytest.fixture
def logging_setup() -> Iterator[None]:
    logs.reset_for_tests()
    level = logging.getLogger().level
    yield
    logs.reset_for_tests()
    logging.getLogger().setLevel(level)


def test_setup_is_idempotent_and_in_the_log_folder(logging_setup: None,
                                                   private_data_dir: Path) -> None:
    path = logs.setup_logging()
    handlers = len(logging.getLogger().handlers)
    assert logs.setup_logging() == path == private_data_dir / "logs" / "proapp.log"
    assert len(logging.getLogger().handlers) == handlers  # the second call adds nothing
    logging.getLogger("proapp.test").info("hello")
    assert "proapp.test: hello" in path.read_text(encoding="utf-8")


def test_log_rotates_at_max_bytes(logging_setup: None) -> None:
    path = logs.setup_logging(max_bytes=2_000, backup_count=2)
    log = logging.getLogger("proapp.test")
    for i in range(200):
        log.info("line %03d %s", i, "x" * 40)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["proapp.log", "proapp.log.1", "proapp.log.2"]
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "line 199" in path.read_text(encoding="utf-8")


def test_no_password_is_ever_logged(logging_setup: None, db: Database, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = logs.setup_logging(logging.DEBUG)
    admin = accounts.create_first_admin(db, "m.rossi", SECRET)
    with pytest.raises(UserError):
        accounts.authenticate(db, "m.rossi", SECRET + "x")
    accounts.authenticate(db, "m.rossi", SECRET)
    accounts.change_password(db, admin, SECRET, SECRET + "-new")
    user_id = accounts.create_user(db, admin, "nina", SECRET + "-nurse", "nurse")
    accounts.reset_password(db, admin, user_id, SECRET + "-reset")
    secret_file = tmp_path / "pw"
    secret_file.write_text(SECRET + "-new\n", encoding="utf-8")
    secret_file.chmod(0o600)
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(secret_file))
    out = tmp_path / "r.pdf"
    assert cli_main(["report", "NOPE", "--db", str(db.path), "--user", "m.rossi",
                     "-o", str(out)]) == 1  # signed in, then refused: no such patient
    text = path.read_text(encoding="utf-8")
    assert "m.rossi" in text  # the log is written (accounts are named)...
    assert SECRET not in text  # ...but no password, old, new, reset or from a file

