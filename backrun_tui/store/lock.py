"""One backrun at a time per data folder: an advisory lock held while the app runs."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from backrun_tui.store.atomic_storage import FILE_MODE, make_private_dir, write_atomically
from backrun_tui.store.errors import StoreError

LOCK_NAME = "backrun.lock"


class AlreadyRunningError(StoreError):
    """Another backrun holds the data folder."""

    def __init__(self, folder: Path, holder: str) -> None:
        self.folder = folder
        who = f" ({holder})" if holder else ""
        super().__init__(
            f"backrun is already running on {folder}{who}. Use that one, or close it first; "
            "this one changed nothing."
        )


class LockFileError(StoreError):
    """The lock file cannot be opened: something else is in its place, or it is not ours."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        reason = (error.strerror or str(error)).lower()
        what = "a folder is in its place" if path.is_dir() else reason
        super().__init__(
            f"backrun cannot use its lock file {path} ({what}). The lock keeps two backruns "
            "from changing your data at once and holds no data itself: remove or rename what "
            "is there, and start backrun again. Nothing was changed."
        )


class DataDirLock:
    """Held from `acquire()` until `release()`, or until the process ends, even by a kill: the
    operating system lets go of the lock then, so a stale lock file never blocks a launch.

    filelock does the locking on every system (flock on Linux and macOS, msvcrt on Windows); it
    never falls back to a lock that a killed process could leave behind."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._lock: FileLock | None = None

    def acquire(self) -> DataDirLock:
        make_private_dir(self.folder)
        lock = FileLock(
            self.path,
            timeout=0,
            mode=FILE_MODE,
            thread_local=False,
            fallback_to_soft=False,
            preserve_lock_file=True,
            on_acquired=_write_holder,
        )
        try:
            lock.acquire()
        except Timeout:
            raise AlreadyRunningError(self.folder, _read_holder(self.path)) from None
        except OSError as error:
            if os.path.lexists(self.path):  # a folder, or a file not ours, in the lock's place
                raise LockFileError(self.path, error) from None
            raise  # the folder itself cannot be written: said as such by the caller
        self._lock = lock
        return self

    def release(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self._lock.release(force=True)
            self._lock = None


def holder_text() -> str:
    """Who holds the lock, for the message a second backrun shows."""
    host = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    return f"process {os.getpid()} on {host}, since {started}"


def _write_holder(fd: int) -> None:
    """Through the locking handle itself (Windows refuses any other while it is locked)."""
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, holder_text().encode())


def _read_holder(path: Path) -> str:
    """Best effort: on Windows the locked file cannot be read, and the message goes without."""
    try:
        return path.read_bytes()[:200].decode(errors="replace").strip()
    except OSError:
        return ""


# --- `backrun serve`: the server holds the lock; the apps it starts show this key -------------

SERVE_KEY_ENV = "BACKRUN_SERVE_KEY"
SERVE_KEY_NAME = "backrun.serve"


def write_serve_key(folder: Path, key: str) -> None:
    """Beside the lock, while serving: the key's digest (the key itself is never written)."""
    write_atomically(folder / SERVE_KEY_NAME, _digest(key).encode())


def remove_serve_key(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (folder / SERVE_KEY_NAME).unlink()


def served_by_holder(folder: Path, key: str) -> bool:
    """Whether this process was started by the `backrun serve` that holds the folder: it has
    the key whose digest the server wrote, and the lock is held."""
    if not key:
        return False
    try:
        written = (folder / SERVE_KEY_NAME).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    if not hmac.compare_digest(written, _digest(key)):
        return False
    try:
        probe = DataDirLock(folder).acquire()
    except AlreadyRunningError:
        return True  # held, by the server
    probe.release()  # nobody holds it: the server is gone
    return False


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
