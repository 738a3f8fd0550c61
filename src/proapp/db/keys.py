"""The per-installation integrity key and the anchor files, kept outside the database.

**Key.** Each database installation (the ``installation`` row, copied into its backups) has one
random 256-bit key. It is stored in the user's config folder (``~/.config/proapp/keys/`` on
Linux, ``%APPDATA%\\proapp\\keys`` on Windows, ``~/Library/Application Support/proapp/keys``
on macOS; ``$PROAPP_CONFIG_DIR/keys`` when set), folder 0700 and file 0600, and also in the OS
keyring where one is usable (macOS Keychain, Windows Credential Manager, a Secret Service on a
Linux desktop). Every change-log and access-log row carries an HMAC-SHA256 made with it, so
someone who holds the database file but not the key cannot write, rewrite or recompute a row
that ``proapp check`` accepts. Several workstations on one database need the same key:
``proapp key export FILE`` on the first, ``proapp key import FILE`` on the others.

**Anchor.** After every commit that appended to a log, the newest row's id and MAC are written
to ``<installation>.<database>.anchor`` beside the key. ``check`` compares: a log that lacks the
anchored row (truncated) or holds another MAC there (rewritten) is reported. The anchor only
moves forward, so rows appended after a truncation cannot hide it.

Both files are written atomically (temporary file, fsync, rename): a process killed while
writing leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from proapp.db.errors import StorageError

log = logging.getLogger(__name__)

ENV_CONFIG_DIR = "PROAPP_CONFIG_DIR"
ENV_KEYRING = "PROAPP_KEYRING"  # "0": never use the OS keyring (file only)
KEYRING_SERVICE = "proapp integrity key"
KEY_FORMAT = "proapp-integrity-key/1"


class KeyMissing(StorageError):
    title = "The integrity key is not installed"


class KeyStoreError(StorageError):
    title = "The integrity key cannot be stored"


def key_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    base = Path(override) if override else Path(platformdirs.user_config_dir("proapp",
                                                                            appauthor=False))
    return base / "keys"


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        with contextlib.suppress(PermissionError):
            os.chmod(path, 0o700)
    return path


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (0600) so that a crash leaves the old or the new file."""
    _private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- the key ---------------------------------------------------------------------------------


def key_path(installation: str) -> Path:
    return key_dir() / f"{installation}.key"


def _keyring_usable() -> bool:
    if os.environ.get(ENV_KEYRING, "") == "0":
        return False
    # On Linux a Secret Service needs a desktop session; without one (cron, ssh, CI) keyring
    # would only fail, and with a locked one it could wait for a password prompt.
    return not sys.platform.startswith("linux") or bool(os.environ.get(
        "DBUS_SESSION_BUS_ADDRESS")) or os.environ.get(ENV_KEYRING) == "1"


def _keyring_get(installation: str) -> str | None:
    if not _keyring_usable():
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, installation)
    except Exception as exc:  # any backend problem: the file is the primary copy
        log.info("OS keyring not used (%s)", type(exc).__name__)
        return None


def _keyring_set(installation: str, key_hex: str) -> None:
    if not _keyring_usable():
        return
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, installation, key_hex)
        log.info("integrity key of installation %s also stored in the OS keyring", installation)
    except Exception as exc:
        log.info("OS keyring not used (%s)", type(exc).__name__)


def key_document(installation: str, key: bytes) -> bytes:
    return (json.dumps({"format": KEY_FORMAT, "installation": installation,
                        "key": key.hex()}, indent=1) + "\n").encode()


def parse_key_document(data: bytes, where: str) -> tuple[str, bytes]:
    try:
        doc = json.loads(data.decode("utf-8"))
        if doc.get("format") != KEY_FORMAT:
            raise ValueError("format")
        key = bytes.fromhex(doc["key"])
        installation = str(doc["installation"])
        if len(key) != 32:
            raise ValueError("length")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise KeyStoreError(f"{where} is not a proapp integrity key file") from None
    return installation, key


def load_key(installation: str) -> bytes | None:
    """The key for ``installation`` from the config folder, else the OS keyring (and then
    written back to the folder)."""
    path = key_path(installation)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = None
    except OSError as exc:
        raise KeyStoreError(f"The integrity key file {path} cannot be read "
                            f"({exc.strerror}). Ask IT to check its permissions.") from exc
    if data is not None:
        owner, key = parse_key_document(data, str(path))
        if owner != installation:
            raise KeyStoreError(f"The integrity key file {path} belongs to another "
                                "installation; ask IT to reinstall the right key")
        return key
    from_keyring = _keyring_get(installation)
    if from_keyring:
        key = bytes.fromhex(from_keyring)
        with contextlib.suppress(OSError):
            atomic_write(path, key_document(installation, key))
        return key
    return None


def store_key(installation: str, key: bytes) -> Path:
    """Install ``key`` for ``installation`` (file, and the OS keyring where usable)."""
    path = key_path(installation)
    try:
        atomic_write(path, key_document(installation, key))
    except OSError as exc:
        raise KeyStoreError(f"The integrity key cannot be written to {path.parent} "
                            f"({exc.strerror}); nothing was changed. Ask IT to make that "
                            "folder writable for you.") from exc
    _keyring_set(installation, key.hex())
    return path


def new_key() -> bytes:
    return secrets.token_bytes(32)


def new_installation_id() -> str:
    return secrets.token_hex(16)


# --- MACs ------------------------------------------------------------------------------------


def mac(key: bytes, payload: str) -> str:
    return hmac.digest(key, payload.encode("utf-8"), "sha256").hex()  # one-shot, in C


def fingerprint(secret_text: str | None) -> str | None:
    """What the change log records for a password hash: the first 80 bits of its SHA-256,
    never the hash itself. Forging a hash with the same fingerprint would take ~2^80 Argon2
    computations."""
    if secret_text is None:
        return None
    return "sha256:" + hashlib.sha256(secret_text.encode("utf-8")).hexdigest()[:20]


# --- anchors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The newest change-log and access-log rows this workstation committed or saw."""

    installation: str
    database: str
    log_id: int = 0
    log_mac: str = ""
    access_id: int = 0
    access_mac: str = ""
    backup_dirs: tuple[str, ...] = ()

    def advanced(self, log_head: tuple[int, str] | None,
                 access_head: tuple[int, str] | None) -> Anchor:
        """This anchor moved forward to the given heads (never backwards)."""
        a = self
        if log_head is not None and log_head[0] > a.log_id:
            a = Anchor(a.installation, a.database, log_head[0], log_head[1], a.access_id,
                       a.access_mac, a.backup_dirs)
        if access_head is not None and access_head[0] > a.access_id:
            a = Anchor(a.installation, a.database, a.log_id, a.log_mac, access_head[0],
                       access_head[1], a.backup_dirs)
        return a


def anchor_path(installation: str, database: str) -> Path:
    tag = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return key_dir() / f"{installation}.{tag}.anchor"


def read_anchor(installation: str, database: str) -> Anchor | None:
    """The anchor as this process last wrote it (the writes :func:`advance_later` queued
    are waited for first)."""
    ANCHORS.flush()
    return _read_anchor_file(anchor_path(installation, database), database)


def _read_anchor_file(path: Path, database: str) -> Anchor | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["backup_dirs"] = tuple(doc.get("backup_dirs", ()))
        return Anchor(**doc)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        log.warning("anchor file for %s unreadable: %s", database, type(exc).__name__)
        return None


def update_anchor(installation: str, database: str,
                  change: Callable[[Anchor], Anchor]) -> Anchor:
    """Read, change and write one anchor, after the queued writes and under the writer's
    lock (a backup adding its folder never loses a head the writer moved, nor the reverse)."""
    ANCHORS.flush()
    return _change_anchor(anchor_path(installation, database), installation, database,
                          change)[1]


def _change_anchor(path: Path, installation: str, database: str,
                   change: Callable[[Anchor], Anchor]) -> tuple[Anchor, Anchor]:
    """(old, new) of one read-change-write of an anchor file, under the writer's lock; the
    file is written only when the anchor changed."""
    with ANCHORS.lock:
        old = _read_anchor_file(path, database) or Anchor(installation, database)
        new = change(old)
        if new != old:
            atomic_write(path, (json.dumps(asdict(new), indent=1) + "\n").encode())
        return old, new


Head = tuple[int, str] | None


def _later(a: Head, b: Head) -> Head:
    return b if a is None or (b is not None and b[0] > a[0]) else a


class AnchorWriter:
    """Moves anchors forward in a thread of its own, after the commits that moved the heads.

    An anchor write is two fsyncs and a rename (about 8 ms here), and every save of a visit
    (also each draft while a nurse types) used to wait for it in the GUI thread. It may wait
    for nobody: an anchor that lags is what ``check`` accepts (a crash between the commit and
    the anchor leaves the same), an anchor never runs ahead, since only committed heads are
    queued. Heads queued for the same anchor before the thread gets to them are merged (the
    newest wins), so a burst of saves writes the file once. Everything that reads or changes
    an anchor in this process waits for the queue first (:meth:`flush`), and so does the
    interpreter's exit."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # one read-change-write of an anchor file at a time
        self._cond = threading.Condition()
        self._jobs: dict[Path, tuple[str, str, Head, Head]] = {}
        self._busy = False
        self._thread: threading.Thread | None = None

    def submit(self, installation: str, database: str, log_head: Head,
               access_head: Head) -> None:
        path = anchor_path(installation, database)  # the folder as configured now
        with self._cond:
            queued = self._jobs.get(path)
            if queued is not None:
                log_head, access_head = (_later(queued[2], log_head),
                                         _later(queued[3], access_head))
            self._jobs[path] = (installation, database, log_head, access_head)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="proapp-anchor",
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def flush(self, timeout: float | None = 30.0) -> bool:
        """Wait until every queued anchor is written. False if ``timeout`` passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._jobs and not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._jobs))
                jobs, self._jobs = self._jobs, {}
                self._busy = True
            try:
                for path, job in jobs.items():
                    _advance(path, *job)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


def _advance(path: Path, installation: str, database: str, log_head: Head,
             access_head: Head) -> None:
    """One queued anchor move. A failure here must not undo committed work: it is logged,
    and ``check`` sees an anchor that lags (which it accepts), never one that runs ahead."""
    try:
        old, new = _change_anchor(path, installation, database,
                                  lambda a: a.advanced(log_head, access_head))
        if new == old and log_head is not None and log_head[0] < old.log_id:
            log.warning("change log of %s ends at row %d, before the anchored row %d: "
                        "rows were removed; run proapp check", database, log_head[0],
                        old.log_id)
    except OSError as exc:
        log.warning("anchor file not written (%s); proapp check will compare with the "
                    "previous one", type(exc).__name__)
    except Exception:  # never let the thread die with heads queued behind it
        log.exception("anchor file not written")


ANCHORS = AnchorWriter()
atexit.register(ANCHORS.flush, 10.0)


def advance_later(installation: str, database: str, log_head: Head,
                  access_head: Head) -> None:
    """Queue the anchor's move to these committed heads (see :class:`AnchorWriter`)."""
    ANCHORS.submit(installation, database, log_head, access_head)


def anchors_for_database(database: str) -> list[Anchor]:
    """Every anchor this computer holds for the database at ``database`` (any installation):
    a database replaced at that path by another one shows up here."""
    ANCHORS.flush()
    tag = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    found: list[Anchor] = []
    folder = key_dir()
    if not folder.is_dir():
        return found
    for p in folder.glob(f"*.{tag}.anchor"):
        a = read_anchor(p.name.split(".", 1)[0], database)
        if a is not None and a.database == database:
            found.append(a)
    return found


def forget_anchor(installation: str, database: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        anchor_path(installation, database).unlink()
