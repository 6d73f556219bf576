"""A TinyDB Storage that writes atomically (temp file, fsync, rename) and caches what it read."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from backrun_tui.store.errors import (
    LinkOutsideError,
    StoreWriteError,
    UnreadableFileError,
)
from backrun_tui.store.json_shape import Malformed, parse_tables

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"


def make_private_dir(path: Path) -> None:
    """Create a folder, and any of its parents that are missing, readable by the user alone
    (mkdir's own `parents` would leave the parents to the umask). Every save calls it: a
    folder that is there costs one look."""
    if path.is_dir():
        return
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            if not folder.is_dir():
                raise FileExistsError(errno.EEXIST, "a file is in the way", str(folder))
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue
        folder.chmod(DIR_MODE)  # mkdir's mode is masked by the umask too


class AtomicJSONStorage(Storage):
    """Reads and writes one JSON file. A write never leaves a half-written file behind: the new
    content goes to a temporary file that is synced and then renamed over the old one.

    The process holds the data folder's lock, so the last content read or written is kept in
    memory and reads after the first cost nothing."""

    def __init__(self, path: Path, folder: Path | None = None) -> None:
        self.path = path
        self.folder = folder  # the data folder: a link out of it is refused
        self._cache: dict[str, Any] | None = None
        # Entries taken out of the file as it was read, for the record checks to set aside.
        self.malformed: list[Malformed] = []

    def read(self) -> dict[str, Any] | None:
        if self._cache is not None:
            return self._cache
        if self.folder is not None:
            refuse_link_outside(self.path, self.folder)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:  # not damaged: nothing is moved, the user is told what to fix
            raise UnreadableFileError(self.path, error) from error
        data, self.malformed = parse_tables(raw, self.path)
        self._cache = data
        return data

    def write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
        try:
            write_atomically(self.path, payload)
        except OSError as error:
            self._cache = None  # memory may now differ from disk: read it again next time
            raise StoreWriteError(self.path, error) from error
        self._cache = data

    def close(self) -> None:
        self._cache = None


class ReadOnlyJSONStorage(AtomicJSONStorage):
    """Reads one JSON file and never writes it: what would be written (a record set aside, an
    upgrade) changes only the copy in memory. For reading while backrun may be open elsewhere
    (`backrun history`, `backrun export`): each file is read whole, once, and a file is only
    ever replaced whole, so what is read is one consistent version of it."""

    def write(self, data: dict[str, Any]) -> None:
        self._cache = data


def refuse_link_outside(path: Path, folder: Path) -> None:
    """A data file that is a link must lead to a file inside the data folder."""
    if not path.is_symlink():
        return
    try:
        target = path.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links, or one that cannot be followed
        target, inside = Path(os.readlink(path)), False
    if not inside:
        raise LinkOutsideError(path, target)


def remove_stray_temporaries(data_dir: Path) -> None:
    """Temporary files left by a write that was killed before its rename: never data (the real
    file is whole, old or new), so they go. Only with the folder's lock held: another backrun's
    write in progress would be one of them. A link is removed itself, never what it points to."""
    for folder in (data_dir, data_dir / "history"):
        for stray in folder.glob(f".*.json*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                stray.unlink()


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file.

    The temporary file has a random name and is created by mkstemp: exclusively (an existing
    file or a link planted there is never opened) and without following a link where the
    system can. The rename replaces `path` itself, a link there included, never its target."""
    make_private_dir(path.parent)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
