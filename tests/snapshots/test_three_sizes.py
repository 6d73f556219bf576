"""Snapshot tests of the screens issue 13 changed, at 100x30, 80x24 and 60x18 in plain mode:
nothing that matters may be cut at any of them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from app_helpers import (
    PLAN,
    SEE_ADVICE,
    START,
    FakeClock,
    activities_asked,
    press,
    seed_live_session,
)
from history_seed import seed_history
from service_driver import new_service, to_picker, whole_workout
from textual.pilot import Pilot

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.outcomes.psfs import Psfs, answered, new_scores, read_rows
from backrun_tui.coach.running.run_log import deleted
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.session import events as ev
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.runs import RunsScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.widgets.tempo_beat import TempoBeat

Snap = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]
SIZES = [
    pytest.param((100, 30), False, id="100x30"),
    pytest.param((80, 24), False, id="80x24"),
    pytest.param((60, 18), True, id="60x18-plain"),
]
Build = Callable[..., BackrunApp]


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """An app on tmp_path/data: plain or not, launched `days` after START."""

    def factory(plain: bool, days: int = 0, *, activities: bool = False) -> BackrunApp:
        store = Store.open(tmp_path / "data")
        clock = FakeClock(START + timedelta(days=days))
        if not activities:  # asked today: not on the screens below
            activities_asked(store, clock.now)
        return BackrunApp(Context(load_catalog(), store, clock, plain=plain))

    return factory


def keys(*pressed: str) -> Steps:
    """Press the keys; the toasts they raised are cleared, so the screen itself is seen."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await press(pilot, *pressed)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


def with_plan(app: BackrunApp) -> BackrunApp:
    app.ctx.store.save_plan(PLAN)
    return app


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_advice(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    app = with_plan(build(plain))
    assert snap_compare(app, terminal_size=size, run_before=keys("3", SEE_ADVICE))


async def to_the_activities(pilot: Pilot[Any]) -> None:
    """Pain 3, then F2 through the warning signs to the everyday activities (not skipped)."""
    await pilot.press("3")
    while isinstance(pilot.app.screen, SymptomCheckScreen):
        await pilot.press("f2")
        await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_activities_asked_the_first_time(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    app = with_plan(build(plain, activities=True))
    assert snap_compare(app, terminal_size=size, run_before=to_the_activities)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_activities_asked_again_with_the_last_scores(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    app = with_plan(build(plain, days=15, activities=True))
    rows = [(None, "Run 30 minutes easy", "3"), (None, "Sit through an hour's drive", "5")]
    named = answered(Psfs(), read_rows(Psfs(), rows), START)
    app.ctx.store.save_psfs(named, new_scores(Psfs(), named))
    assert snap_compare(app, terminal_size=size, run_before=to_the_activities)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_assessment(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "y", "n")
    assert snap_compare(build(plain), terminal_size=size, run_before=steps)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_picker_with_a_held_back_harder_swap(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "y", "y", "y", "n", "y", *["down"] * 4)
    assert snap_compare(build(plain), terminal_size=size, run_before=steps)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_rep_counter_one_side_then_the_other(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    app = build(plain)
    app.ctx.store.save_plan(PLAN)
    seed_live_session(app)  # Superman set 2; then on to Single Leg Balance & Reach's right side
    superman = (*["space"] * 7, "enter", "s", "f", "3", "s")
    beetle = ("f", "s", "f", "s", "f", "3", "s")
    reach = (*["space"] * 9, "enter", *["space"] * 4)
    steps = keys("y", *superman, *beetle, *reach)
    assert snap_compare(app, terminal_size=size, run_before=steps)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_rep_counter_in_tempo_mode(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    app = build(plain)
    seed_live_session(app)

    async def run(pilot: Pilot[Any]) -> None:
        await keys("y", "t", "space")(pilot)
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        beat = counter.query_one(TempoBeat)
        beat.timer.pause()  # type: ignore[union-attr]  # time moves only by hand here
        now = beat.clock()
        beat.clock = lambda: now + 5.0  # one rep and a second into the next: "up 1"
        beat.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_summary(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    app = with_plan(build(plain))
    steps = keys("1", SEE_ADVICE, "enter", "enter", "f", "3", "f", "f", "3", "q", "y")
    assert snap_compare(app, terminal_size=size, run_before=steps)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_since_last_time_card(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    first = build(plain)
    service = new_service(first.ctx.catalog, first.ctx.store, START)
    to_picker(service)
    whole_workout(
        service,
        rate=lambda i: ev.Rated("painful", 4) if i == "superman" else ev.Rated("just_right"),
    )
    first.ctx.store.close()
    assert snap_compare(build(plain, days=1), terminal_size=size)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_history(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    app = build(plain)
    seed_history(app.ctx.store, app.ctx.catalog)

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await app.push_screen(HistoryScreen(app.flow.view))
        await pilot.pause()
        await press(pilot, "pagedown")  # past the table, to the charts
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_settings(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    app = with_plan(build(plain))
    steps = keys("1", SEE_ADVICE, "enter", "g")
    assert snap_compare(app, terminal_size=size, run_before=steps)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_rating_question(
    snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool
) -> None:
    app = with_plan(build(plain))
    steps = keys("1", SEE_ADVICE, "enter", "enter", *["space"] * 8, "enter")
    assert snap_compare(app, terminal_size=size, run_before=steps)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_runs(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    app = build(plain)
    day = START - timedelta(days=60)
    runs = [
        Run(f"r{n}", day + timedelta(days=n * 3), (30 + n % 5 * 10) * 60, 6000.0 + n * 100, "fit")
        for n in range(20)
    ]
    app.ctx.store.save_runs(runs)
    app.ctx.store.save_run(deleted(runs[-1], START))  # the log of changes shows it

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await app.push_screen(RunsScreen(app.flow.view))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize(("size", "plain"), SIZES)
def test_run_form(snap_compare: Snap, build: Build, size: tuple[int, int], plain: bool) -> None:
    """Correcting a watch run, with a wrong effort typed: the field is named."""
    app = build(plain)
    app.ctx.store.save_runs([Run("w", START - timedelta(days=1), 2710, 8234.5, "gpx", 40.0)])

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await app.push_screen(RunsScreen(app.flow.view))
        await press(pilot, "enter")
        app.screen.query_one("#effort").focus()
        await press(pilot, "1", "2", "enter")

    assert snap_compare(app, terminal_size=size, run_before=run)
