"""Shared helpers of the app tests: a fake clock, key presses, reading the screen, a session
left mid-way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import session_items, start_workout
from backrun_tui.coach.outcomes.psfs import Psfs
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.psfs import PsfsScreen
from backrun_tui.tui.screens.since_last import SinceLastScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

START = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))


class FakeClock:
    """Moves on a minute each time it is read, so records keep their order."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


AppFactory = Callable[..., BackrunApp]


def activities_asked(store: Store, at: datetime) -> None:
    """The everyday activities count as asked at `at` (next asked two weeks on): for the tests
    about everything else, in a folder where they were never asked."""
    if store.load_psfs().asked is None:
        store.save_psfs(Psfs(asked=at), ())


SEE_ADVICE = "see-advice"  # in a key sequence: F2 until every warning sign was shown, then advice
READ_CARD = "read-card"  # in a key sequence: Enter on the "since last time" card, if it is shown


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Presses the keys; SEE_ADVICE pages through the warning signs with F2 to the advice."""
    for key in keys:
        if key == SEE_ADVICE:
            await see_advice(pilot)
        elif key == READ_CARD:
            await pilot.pause()
            if isinstance(pilot.app.screen, SinceLastScreen):
                await pilot.press("enter")
        else:
            await pilot.press(key)
    await pilot.pause()


async def see_advice(pilot: Pilot[Any]) -> None:
    """F2 on the symptom check until it gives way: it first shows the unseen warning signs."""
    for _ in range(8):
        if not isinstance(pilot.app.screen, SymptomCheckScreen):
            if isinstance(pilot.app.screen, PsfsScreen):  # asked after the check: skipped
                await pilot.press("escape")
                await pilot.pause()
            return
        await pilot.press("f2")
        await pilot.pause()
    raise AssertionError("F2 never got past the symptom check")


def screen_text(app: BackrunApp) -> str:
    """Everything the current screen shows in its labels and statics."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


def seed_live_session(app: BackrunApp | Context) -> Session:
    """A session left mid-way: Cat Cow and both stretches done, Superman set 1 done and 5 reps
    tapped into set 2. Built with the coach, as the rep counter would have built it."""
    ctx = app if isinstance(app, Context) else app.ctx
    catalog, clock = ctx.catalog, ctx.clock
    workout = start_workout(catalog, session_items(catalog, PLAN, "full"))
    for _ in range(8):
        workout = workout.tap()
    workout, _step = workout.finish_set(clock())
    workout = workout.next_exercise()
    for _stretch in range(2):
        for _side in ("L", "R"):
            workout, _step = workout.finish_set(clock(), seconds=30)
        workout = workout.next_exercise()
    for _ in range(12):
        workout = workout.tap()
    workout, step = workout.finish_set(clock())
    assert step == "rest"
    for _ in range(5):
        workout = workout.tap()
    report = SymptomReport(2, "lower", "none")
    session = Session("20261123-073000", START, report, "go", "full", workout)
    ctx.store.save_plan(PLAN)
    ctx.store.save_live(session)
    return session


async def wait_until(pilot: Pilot[Any], done: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app run until `done()` holds (a worker finished, a timer fired), or fail after
    `seconds`: a condition, never a fixed wait."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not done():
        assert loop.time() < deadline, f"still waiting after {seconds} s"
        await pilot.pause(0.02)


async def run_from_palette(pilot: Pilot[Any], command: str) -> None:
    """Open the command palette, type the command, wait until its search shows it first, and
    run it with Enter."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    await press(pilot, "ctrl+p")
    await pilot.press(*command)

    def shows_it_first() -> bool:
        palette = pilot.app.screen
        if not isinstance(palette, CommandPalette):
            return False
        options = palette.query(OptionList)
        if not options or options.first().option_count == 0:
            return False
        first = options.first().get_option_at_index(0).prompt
        return str(getattr(first, "plain", first)).startswith(command)

    await wait_until(pilot, shows_it_first)
    await press(pilot, "enter")
