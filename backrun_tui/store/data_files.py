"""The data folder's files over their life: opened and checked once, upgraded, set aside when
damaged, and what had to be done to them told to whoever listens."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.store.errors import (
    CorruptFileError,
    LinkOutsideError,
    StoreError,
    UnreadableFileError,
)
from backrun_tui.store.file_checks import APP_TAG, SCHEMA_VERSION, SINGLE, check_meta
from backrun_tui.store.migrations import migrate
from backrun_tui.store.quarantine import copy_aside, move_aside
from backrun_tui.store.record_checks import set_aside_bad_records

Opener = Callable[[str], TinyDB]
Listener = Callable[[str], None]


class DataFiles:
    """The TinyDB files of one data folder (or of memory), each opened once and checked."""

    def __init__(
        self,
        opener: Opener,
        data_dir: Path | None,
        known_ids: Container[str] | None,
        read_only: bool,
    ) -> None:
        self._open_db = opener
        self.data_dir = data_dir
        self.known_ids = known_ids
        self.read_only = read_only
        self._dbs: dict[str, TinyDB] = {}
        self.notes: list[str] = []  # everything said about the files, in order
        self._listener: Listener | None = None
        self._noted: set[str] = set()
        # Sessions decoded while a history file was checked on opening, kept for its first read
        # (so opening a year decodes each record once); by file name, then record id.
        self._checked_sessions: dict[str, dict[int, Session]] = {}

    # --- telling the user ---

    def listen(self, listener: Listener) -> None:
        """Give every note to `listener` as it is said; those said before are given at once."""
        self._listener = listener
        for note in self.notes:
            listener(note)

    def say(self, note: str) -> None:
        self.notes.append(note)
        if self._listener is not None:
            self._listener(note)

    def say_once(self, note: str) -> None:
        """A problem that stays until the user fixes it is said once per run, not per read."""
        if note not in self._noted:
            self._noted.add(note)
            self.say(note)

    # --- the files ---

    def db(self, name: str) -> TinyDB:
        """The file `name` ("state.json", "history/2026.json"), opened and checked on first use."""
        db = self._dbs.get(name)
        if db is not None:
            return db
        path = self.data_dir / name if self.data_dir else Path(name)
        try:
            db = self._open_checked(name, path)
        except CorruptFileError as error:
            if self.data_dir is None or not path.exists():
                raise
            if self.read_only:
                self.say(f"{error} It was skipped here and left as it is.")
                db = TinyDB(storage=MemoryStorage)
                self._dbs[name] = db
                return db
            moved = move_aside(path)
            self.say(
                f"{error} It was moved aside to {moved.name} (nothing was deleted), and that "
                "part of your data starts fresh."
            )
            db = self._open_checked(name, path)
        self._dbs[name] = db
        return db

    def year(self, when: datetime) -> TinyDB:
        """A year's history file, to write: what was decoded of it on opening is let go."""
        name = f"history/{when.year:04d}.json"
        db = self.db(name)  # opening it checks it, and keeps what it decoded: stale now
        self._checked_sessions.pop(name, None)
        return db

    def history(self, since_year: int = 0) -> Iterator[tuple[str, TinyDB]]:
        """(name, file) of the history files, newest year first (none before `since_year`);
        one backrun may not read is left as it is and skipped, with a note saying what to fix."""
        for name in self._history_files():
            if int(name.removeprefix("history/")[:4]) < since_year:
                return
            try:
                db = self.db(name)
            except (UnreadableFileError, LinkOutsideError) as error:
                self.say_once(str(error))
                continue
            yield name, db

    def decoded_sessions(self, name: str) -> dict[int, Session]:
        """The sessions of history file `name` decoded when it was checked, by record id: given
        once, for its first read."""
        return self._checked_sessions.pop(name, {})

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    def _history_files(self) -> list[str]:
        names = set(n for n in self._dbs if n.startswith("history/"))
        if self.data_dir is not None:
            folder = self.data_dir / "history"
            if folder.is_dir():
                names.update(f"history/{p.name}" for p in folder.glob("[0-9][0-9][0-9][0-9].json"))
        return sorted(names, reverse=True)

    def _open_checked(self, name: str, path: Path) -> TinyDB:
        db = self._open_db(name)
        try:
            found = check_meta(db, path)
            if found < SCHEMA_VERSION:
                self._migrate(db, path, found)
            aside = path if self.data_dir and not self.read_only else None
            sessions: dict[int, Session] = {}
            note = set_aside_bad_records(name, aside, db, self.known_ids, sessions)
            if sessions:
                self._checked_sessions[name] = sessions
            if note and self.read_only:
                note = note.replace(" set aside, nothing", " skipped here, nothing")
            if note:
                self.say(note)
        except StoreError:
            db.close()
            raise
        return db

    def _migrate(self, db: TinyDB, path: Path, found: int) -> None:
        """Upgrade an older file in place, keeping a copy of the original beside it."""
        keep_copy = path.exists() and not self.read_only
        backup = copy_aside(path, f"v{found}-backup") if keep_copy else None
        tables = migrate(db.storage.read() or {}, found, SCHEMA_VERSION)
        tables["meta"] = {str(SINGLE): {"app": APP_TAG, "schema": SCHEMA_VERSION}}
        db.storage.write(tables)
        if backup is not None:
            self.say(
                f"Your data in {path.name} was upgraded to this version of backrun; the "
                f"original is kept as {backup.name}."
            )
