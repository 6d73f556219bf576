"""Shared fixtures: a BackrunApp on a temporary data folder with a fixed clock, and a data
folder whose writes can be made to fail (a full disk, a read-only folder)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import AppFactory, FakeClock, activities_asked
from failing_disk import FAILURES, FailingDisk

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.store import atomic_storage
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context


@pytest.fixture(autouse=True)
def collectable_after_each_test() -> Iterator[None]:
    """An app sets everything alive aside from the collector once its day has started
    (gc.freeze: a tap never waits for it to walk them). One app lives as long as its process;
    a test worker runs hundreds, each freezing what the tests before it left: handed back to
    the collector after each test (a worker grew past 1 GB without it)."""
    yield
    gc.unfreeze()


@pytest.fixture(params=sorted(FAILURES))
def failing_disk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> FailingDisk:
    disk = FailingDisk(FAILURES[request.param])
    real_write = atomic_storage.write_atomically

    def write(path: Path, payload: bytes) -> None:
        if disk.failing:
            disk.refused += 1
            raise disk.error
        real_write(path, payload)

    monkeypatch.setattr(atomic_storage, "write_atomically", write)
    return disk


@pytest.fixture
def make_app(tmp_path: Path) -> AppFactory:
    """Builds apps on one data folder (tmp_path/data): a second call is a fresh launch. The
    everyday activities count as asked at the clock's start (so they are next asked two weeks
    on), unless `activities` (the tests of that screen)."""

    def factory(clock: FakeClock | None = None, *, activities: bool = False) -> BackrunApp:
        clock = clock or FakeClock()
        store = Store.open(tmp_path / "data")
        if not activities:
            activities_asked(store, clock.now)
        return BackrunApp(Context(load_catalog(), store, clock))

    return factory
