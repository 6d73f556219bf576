"""Shared fixtures for the unit tests: the shipped catalog, a fixed clock, and both stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from backrun_tui.coach.ladder.catalog import Catalog, load_catalog
from backrun_tui.store.repository import Store


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def now() -> datetime:
    return datetime(2025, 3, 14, 7, 30, 0)


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same tests run against an in-memory store and a real folder of JSON files."""
    opened = Store.in_memory() if request.param == "memory" else Store.open(tmp_path / "data")
    yield opened
    opened.close()
