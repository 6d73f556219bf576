"""Journeys: the installed `backrun` in a real pseudo-terminal, at 100x30, 80x24 and 60x18
--plain, its screen read as a grid. Each test walks one flow the README or the help promises."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from backrun_terminal import SIZES, Backrun
from filelock import FileLock
from walk import Launch


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def launch(size: str, data: Path) -> Iterator[Launch]:
    """Starts backrun on the test's data folder at the test's size; a second call is a new
    launch on the same folder (the earlier one must have ended). All are closed at the end."""
    started: list[Backrun] = []

    def start(*args: str, folder: Path | None = None) -> Backrun:
        term = Backrun(folder or data, size, *args)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()


@pytest.fixture(scope="session")
def five_years_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five years of synthetic training and runs, written once for all the test processes."""
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every xdist worker
    folder = shared / "five-years"
    with FileLock(str(shared / "five-years.lock")):
        if not (folder / "done").exists():
            from generate_history import generate
            from screens_open import add_runs

            shutil.rmtree(folder, ignore_errors=True)
            generate(folder, 5.0, quiet=True, write_each=False)  # the data, not the timings
            add_runs(folder, 5.0)
            (folder / "done").write_text("")
    return folder


@pytest.fixture
def five_years(five_years_master: Path, data: Path) -> Path:
    """A fresh copy of the five years for this test."""
    shutil.copytree(five_years_master, data, ignore=shutil.ignore_patterns("done", "*.lock"))
    return data
