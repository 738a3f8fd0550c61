"""The command line acts as a named user: password files must be private; no password on the
command line; a fresh database works without accounts until the first administrator exists."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from tests.support import sql
from tests.support.staff import PASSWORD, Staff

from proapp.cli import main as cli_main
from proapp.db.engine import Database
from proapp.db.migrate import open_database

pytestmark = pytest.mark.security


def test_backup_as_named_user(db: Database, staff: Staff, password_file: Path,
                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["backup", "--db", db.url, "--user", "nina"]) == 0
    assert Path(capsys.readouterr().out.strip()).exists()
    # A backup elsewhere carries every password hash: administrators only.
    assert cli_main(["backup", "--db", db.url, "--user", "nina",
                     "--to", str(tmp_path / "out")]) == 1
    assert "backup.anywhere needs another role" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert cli_main(["backup", "--db", db.url, "--user", "boss",
                     "--to", str(tmp_path / "out")]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == tmp_path / "out"
    assert written.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_readable_password_file_refused(db: Database, staff: Staff, password_file: Path,
                                        mode: int, capsys: pytest.CaptureFixture[str]) -> None:
    password_file.chmod(mode)
    assert cli_main(["backup", "--db", db.url, "--user", "nina"]) == 1
    assert "can be read by others" in capsys.readouterr().err


def test_wrong_or_missing_credentials(db: Database, staff: Staff, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["backup", "--db", db.url]) == 1
    assert "--user NAME" in capsys.readouterr().err
    assert cli_main(["backup", "--db", db.url, "--user", "nina"]) == 1
    assert "PROAPP_PASSWORD_FILE" in capsys.readouterr().err  # stdin is not a terminal
    wrong = tmp_path / "wrong"
    wrong.write_text("not the password")
    wrong.chmod(0o600)
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(wrong))
    monkeypatch.setenv("PROAPP_USER", "nina")
    assert cli_main(["backup", "--db", db.url]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err


def test_user_management_from_cli(db_target: str, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD)
    pw.chmod(0o600)
    db = ["--db", db_target]
    assert cli_main(["user", "add", *db, "nina", "--role", "nurse", "--password-file",
                     str(pw)]) == 1  # the first user must be an administrator
    assert cli_main(["user", "add", *db, "boss", "--role", "admin", "--password-file",
                     str(pw)]) == 0
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(pw))
    assert cli_main(["user", "add", *db, "--user", "boss", "nina", "--role", "nurse",
                     "--password-file", str(pw)]) == 0
    assert cli_main(["user", "list", *db, "--user", "nina"]) == 1  # nurses may not
    assert cli_main(["user", "deactivate", *db, "--user", "boss", "boss"]) == 1  # last admin
    assert cli_main(["user", "deactivate", *db, "--user", "boss", "nina"]) == 0
    capsys.readouterr()
    assert cli_main(["user", "list", *db, "--user", "boss"]) == 0
    out = capsys.readouterr().out
    assert "nina" in out
    assert "no" in out.split("nina")[1].split("\n")[0]
    database = open_database(db_target)
    try:
        assert sql.scalar(database, "SELECT count(*) FROM change_log "
                                    "WHERE entity = 'user'") >= 3
    finally:
        database.dispose()


def test_fresh_database_escape(db: Database, capsys: pytest.CaptureFixture[str],
                               tmp_path: Path) -> None:
    """No accounts yet: commands run as cli:<login> with the nurse role and say so."""
    import argparse

    from proapp.cli.actor import cli_actor, os_user

    actor = cli_actor(argparse.Namespace(db=db.url), db)
    assert actor.username == f"cli:{os_user()}"
    assert actor.role == "nurse"
    assert "no user accounts yet" in capsys.readouterr().err
    assert cli_main(["backup", "--db", db.url]) == 0
    assert cli_main(["check", "--db", db.url]) == 0


@pytest.mark.sqlite_only("restores a SQLite file in place (server: test_server_backup.py)")
def test_restore_from_cli_needs_admin(db: Database, staff: Staff, password_file: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert db.path is not None
    assert cli_main(["backup", "--db", db.url, "--user", "nina"]) == 0
    saved = capsys.readouterr().out.strip()
    db.dispose()
    assert cli_main(["restore", "--db", db.url, "--user", "nina", saved]) == 1
    assert "restore needs another role" in capsys.readouterr().err
    assert cli_main(["restore", "--db", db.url, "--user", "boss", saved]) == 0
    assert "replaced database was kept" in capsys.readouterr().out
    # A damaged current database: no account can authorise (never the backup's accounts);
    # only the owner of the folder, with the typed confirmation.
    db.path.write_bytes(b"junk" * 100)
    assert cli_main(["restore", "--db", db.url, "--user", "boss", saved]) == 1
    assert "--owner" in capsys.readouterr().err


def test_user_list_signs_in_with_every_rule(db: Database, staff: Staff, password_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """``proapp user list`` checks the password early (before opening the database) and keeps
    every rule of the sign-in: the sign-in row, the role, a wrong password, a deactivated
    account, each with the window's words and an access-log row."""
    target = str(db.path) if db.path is not None else db.url
    logged = functools.partial(sql.access_events, db)

    assert cli_main(["user", "list", "--db", target, "--user", "boss"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["boss", "doc", "nina"]
    assert logged("boss") == [("sign-in", None)]
    assert cli_main(["user", "list", "--db", target, "--user", "nina"]) == 1
    assert "needs another role" in capsys.readouterr().err
    assert logged("nina") == [("sign-in", None)]
    sql.execute(db, "UPDATE user_account SET active = "
                + ("false" if db.engine.dialect.name == "postgresql" else "0")
                + " WHERE username = 'boss'")  # past proapp: an edit of the database
    assert cli_main(["user", "list", "--db", target, "--user", "boss"]) == 1
    assert "Wrong user name or password, or the account is deactivated or locked" in (
        capsys.readouterr().err)
    assert logged("boss")[-1] == ("failure", "deactivated")
    password_file.write_text("not the password\n")
    assert cli_main(["user", "list", "--db", target, "--user", "doc"]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    assert logged("doc") == [("failure", "wrong password")]


def test_the_early_sign_in_starts_only_when_nothing_must_be_asked(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a password file, a user name or a SQLite file there is no head start (the
    sign-in asks and checks in its own time); with them, the check starts."""
    import argparse

    from proapp.cli.actor import early_sign_in

    open_database(db_path).dispose()
    monkeypatch.delenv("PROAPP_PASSWORD_FILE", raising=False)
    monkeypatch.delenv("PROAPP_USER", raising=False)
    args = argparse.Namespace(db=str(db_path), user="boss")
    assert early_sign_in(args) is None  # the password would be asked for
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    pw.chmod(0o644)
    monkeypatch.setenv("PROAPP_PASSWORD_FILE", str(pw))
    if os.name == "posix":
        assert early_sign_in(args) is None  # refused later, with the sign-in's own words
    pw.chmod(0o600)
    assert early_sign_in(argparse.Namespace(db=str(db_path))) is None  # no user named
    assert early_sign_in(argparse.Namespace(db="postgresql://h/clinic", user="boss")) is None
    for value in (str(db_path), f"sqlite:///{db_path}"):
        started = early_sign_in(argparse.Namespace(db=value, user="boss"))
        assert started is not None and started.stored is None  # no such account yet
        assert started.result_for(None, PASSWORD) is False


@pytest.mark.parametrize("command", ["backup", "export", "import", "settings set"])
def test_every_signing_in_command_checks_the_password_early(
        db: Database, staff: Staff, password_file: Path, tmp_path: Path, command: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command that signs in starts the password check first (Argon2 in a thread while
    the command imports and opens the database, as ``user list`` does: issue #14's start-up
    of any command), and still signs in by every rule: the sign-in row, a wrong password
    refused with the sign-in's words. On a server there is no head start."""
    from proapp.services.accounts import passwords

    started: list[str] = []
    real = passwords.start_early

    def counted(path: Path, username: str, password: str) -> passwords.EarlyVerification | None:
        started.append(username)
        return real(path, username, password)

    monkeypatch.setattr(passwords, "start_early", counted)
    out = tmp_path / "out"
    if command == "import":  # a folder of proapp's own, checked (--dry-run) as nina
        assert cli_main(["export", "--db", db.url, "--user", "nina", "--format", "csv",
                         "--out", str(out)]) == 0
        started.clear()
    argv = {"backup": ["backup", "--db", db.url, "--user", "nina"],
            "export": ["export", "--db", db.url, "--user", "nina", "--format", "csv",
                       "--out", str(out)],
            "import": ["import", str(out), "--db", db.url, "--user", "nina", "--dry-run"],
            "settings set": ["settings", "set", "--db", db.url, "--user", "boss",
                             "clinic_name", "Catania"]}[command]
    before = len(sql.access_events(db, argv[argv.index("--user") + 1]))
    assert cli_main(argv) == 0, capsys.readouterr().err
    who = argv[argv.index("--user") + 1]
    assert started == ([who] if db.engine.dialect.name == "sqlite" else [])
    events = sql.access_events(db, who)
    assert events[before:] == [("sign-in", None)]
    password_file.write_text("not the password\n")
    capsys.readouterr()
    assert cli_main([*argv, "--force"] if command == "export" else argv) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    assert sql.access_events(db, who)[-1] == ("failure", "wrong password")
