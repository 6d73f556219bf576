"""Session-test fixtures: the service on a real data folder, with a clock that moves on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from service_driver import START, Launcher, new_service

from backrun_tui.coach.ladder.catalog import Catalog, load_catalog
from backrun_tui.service import SessionService
from backrun_tui.store.repository import Store


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def launch(catalog: Catalog, store: Store) -> Launcher:
    """A service on the store, as backrun builds one at launch (call again: a new launch)."""

    def make(start: datetime = START, *, activities: bool = False) -> SessionService:
        return new_service(catalog, store, start, activities=activities)

    return make
