"""Opening a data folder to write: its lock (unless the `backrun serve` holding it started this
process), then the store; every way it can fail said in words, with the exit status; and letting
go of both at the end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from backrun_tui.tui.context import CannotOpen

if TYPE_CHECKING:
    from backrun_tui.coach.ladder.catalog import Catalog
    from backrun_tui.store.lock import DataDirLock
    from backrun_tui.store.repository import Store


def load_catalog_or_say() -> Catalog:
    """The exercise catalog, or CannotOpen saying what is wrong with it."""
    from backrun_tui.coach.ladder.catalog import CatalogError, load_catalog

    try:
        return load_catalog()
    except CatalogError as error:
        raise CannotOpen(f"the exercise catalog is broken.\n  {error}") from None


class Opening:
    """A data folder held for writing, from `open()` until `close()`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.lock: DataDirLock | None = None
        self.store: Store | None = None

    def open(self, catalog: Catalog, *, lock: bool | None = None) -> Store:
        """Take the folder's lock (`lock` None: unless this process was started by the
        `backrun serve` holding it) and open the store."""
        from backrun_tui.store.errors import StoreError
        from backrun_tui.store.lock import (
            SERVE_KEY_ENV,
            AlreadyRunningError,
            DataDirLock,
            served_by_holder,
        )
        from backrun_tui.store.repository import Store

        if lock is None:
            lock = not served_by_holder(self.data_dir, os.environ.get(SERVE_KEY_ENV, ""))
        try:
            if lock:
                self.lock = DataDirLock(self.data_dir).acquire()
            self.store = Store.open(self.data_dir, known_ids=catalog.exercises)
        except AlreadyRunningError as error:
            raise CannotOpen(str(error), code=3) from None
        except StoreError as error:
            raise CannotOpen(str(error)) from None
        except OSError as error:
            raise CannotOpen(folder_problem(self.data_dir, error)) from None
        return self.store

    def close(self) -> None:
        """Let go of the store and the lock (whatever was opened)."""
        store, self.store = self.store, None
        lock, self.lock = self.lock, None
        try:
            if store is not None:
                store.close()
        finally:
            if lock is not None:
                lock.release()


def folder_problem(data_dir: Path, error: OSError) -> str:
    """Why the data folder cannot be used, in words."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return f"cannot use {data_dir} as the data folder: it, or a folder above it, is a file."
    return f"cannot use the data folder {data_dir}: {error.strerror or error}."
