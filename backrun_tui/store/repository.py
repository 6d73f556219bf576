"""The runner's data, as the service and the commands use it: plan, symptom checks, the live
session, the history and the runs.

Files in the data folder, each a TinyDB file with a `meta` table holding the schema version:
  state.json         the plan, recent symptom checks, last sets per exercise, recent decisions
  live.json          the session in progress, rewritten on every rep tap (kept small)
  history/YYYY.json  finished sessions and symptom checks of one year
  runs.json          the runs
A rep tap rewrites live.json only, so its cost does not grow with the history. The files' life
(opening, checks, upgrades, setting aside) is `data_files.py`; each kind of record has its own
module (`state_records.py`, `history_records.py`, `run_records.py`).
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from backrun_tui.store.atomic_storage import (
    AtomicJSONStorage,
    ReadOnlyJSONStorage,
    make_private_dir,
    remove_stray_temporaries,
)
from backrun_tui.store.data_files import DataFiles, Listener, Opener
from backrun_tui.store.history_records import HistoryRecords
from backrun_tui.store.run_records import RunRecords


class Store(HistoryRecords, RunRecords):
    """The runner's data. Build it with `Store.open(folder)` or `Store.in_memory()`."""

    def __init__(
        self,
        opener: Opener,
        data_dir: Path | None = None,
        known_ids: Container[str] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """known_ids: the exercise ids of the catalog; a record naming any other is set aside
        (None: ids are not checked). read_only: the files are read and never changed (no lock
        needed); a bad record or file is skipped and said, and left for backrun to set aside
        when it next opens the folder itself."""
        files = DataFiles(opener, data_dir, known_ids, read_only)
        HistoryRecords.__init__(self, files)
        RunRecords.__init__(self, files)

    @classmethod
    def open(cls, data_dir: Path, known_ids: Container[str] | None = None) -> Store:
        """The data folder, for reading and writing: its lock must be held."""
        make_private_dir(data_dir)
        remove_stray_temporaries(data_dir)

        def opener(name: str) -> TinyDB:
            return TinyDB(data_dir / name, data_dir, storage=AtomicJSONStorage)

        return cls(opener, data_dir, known_ids)

    @classmethod
    def open_read_only(cls, data_dir: Path, known_ids: Container[str] | None = None) -> Store:
        """The data as it is on disk, for reading while backrun may be open elsewhere."""

        def opener(name: str) -> TinyDB:
            return TinyDB(data_dir / name, data_dir, storage=ReadOnlyJSONStorage)

        return cls(opener, data_dir, known_ids, read_only=True)

    @classmethod
    def in_memory(cls, known_ids: Container[str] | None = None) -> Store:
        return cls(lambda name: TinyDB(storage=MemoryStorage), known_ids=known_ids)

    @property
    def data_dir(self) -> Path | None:
        return self.files.data_dir

    @property
    def notes(self) -> list[str]:
        """Everything said about the files so far (moved aside, upgraded, unreadable), in order."""
        return list(self.files.notes)

    def listen(self, listener: Listener) -> None:
        """Tell `listener` each note about the files as it is said (those said before at once)."""
        self.files.listen(listener)

    def close(self) -> None:
        self.files.close()
