"""One backrun at a time per data folder: an advisory lock held while the app runs."""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from datetime import datetime
from pathlib import Path

from backrun_tui.store.atomic_storage import FILE_MODE, make_private_dir
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


class DataDirLock:
    """Held from `acquire()` until `release()` (or the process ends, even by a kill)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> DataDirLock:
        make_private_dir(self.folder)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise AlreadyRunningError(self.folder, holder) from None
        started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        os.ftruncate(fd, 0)
        os.write(fd, f"process {os.getpid()} on {socket.gethostname()}, since {started}".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode(errors="replace").strip()
    except OSError:
        return ""
