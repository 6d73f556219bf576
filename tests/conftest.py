"""App-test fixtures: a BackrunApp on a temporary data folder with a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import AppFactory, FakeClock

from backrun_tui.app import BackrunApp
from backrun_tui.coach.catalog import load_catalog
from backrun_tui.context import Context
from backrun_tui.store.repository import Store


@pytest.fixture
def make_app(tmp_path: Path) -> AppFactory:
    """Builds apps on one data folder (tmp_path/data): a second call is a fresh launch."""

    def factory(clock: FakeClock | None = None) -> BackrunApp:
        store = Store.open(tmp_path / "data")
        return BackrunApp(Context(load_catalog(), store, clock or FakeClock()))

    return factory
