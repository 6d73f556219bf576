"""Snapshot tests of the history and help screens, at the smallest supported size."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from app_helpers import AppFactory
from history_seed import seed_history
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from backrun_tui.tui import commands as commands_module
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.commands import data_location
from backrun_tui.tui.screens.history import HistoryScreen

SIZE = (80, 24)
DATA_DIR = Path("/home/runner/.local/share/backrun")  # the help shows a path that is the same
# on every machine, not the test's temporary folder

Snap = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


def open_history(*, scroll_to_end: bool = False) -> Steps:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, BackrunApp)
        await app.push_screen(HistoryScreen(app.flow.view))
        await pilot.pause()
        if scroll_to_end:
            app.screen.query_one(VerticalScroll).scroll_end(animate=False)
        await pilot.pause()

    return run


def press(*keys: str) -> Steps:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run


def seeded(make_app: AppFactory) -> BackrunApp:
    app = make_app()
    seed_history(app.ctx.store, app.ctx.catalog)
    return app


@pytest.fixture
def fixed_data_location(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = data_location(SimpleNamespace(data_dir=DATA_DIR))  # type: ignore[arg-type]
    monkeypatch.setattr(commands_module, "data_location", lambda store: shown)


def test_history(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(seeded(make_app), terminal_size=SIZE, run_before=open_history())


def test_history_sessions_table(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = open_history(scroll_to_end=True)
    assert snap_compare(seeded(make_app), terminal_size=SIZE, run_before=steps)


def test_history_empty(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_history())


@pytest.mark.usefixtures("fixed_data_location")
def test_help(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press("f1"))


@pytest.mark.usefixtures("fixed_data_location")
def test_help_scrolled_to_your_data(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press("f1", "end"))
