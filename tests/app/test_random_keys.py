"""Bounded, seeded random walks of key presses through the real app, one starting on each
screen: nothing ever raises, and the data folder always opens cleanly afterwards.

Keys are drawn half from the current screen's own bindings (so the walk gets deep into a
session) and half from every key backrun knows plus some it does not. The real one-second
timers are slowed to an hour so the walk depends on the seed alone; the walk moves the rest
timer and the holds itself by calling their tick methods."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import textual._wait
from app_helpers import SEE_ADVICE, START, FakeClock, press
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.timer import Timer

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import session_items, start_workout
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.rest_timer import RestTimerScreen

SIZE = (80, 24)
SIZES = [(1, 1), (20, 5), (59, 17), (60, 18), (80, 24), (100, 30), (300, 100)]
KEYS_PER_WALK = 60
APP_KEYS = [
    "space", "enter", "backspace", *"0123456789", *"ynbehosarxvgpqutc", "plus", "minus",
    "escape", "tab", "up", "down", "left", "right", "f1", "f2", "ctrl+s",
]  # fmt: skip
WRONG_KEYS = ["z", "j", "k", "w", "F", "f5", "f9", "home", "end", "delete", "ctrl+x", "comma"]
PLAN = Plan(("superman", "beetle"))


def seed_nothing(store: Store) -> None:
    """A first launch: no plan yet, so a full session starts with the assessment."""


def seed_plan(store: Store) -> None:
    store.save_plan(PLAN)


def seed_unfinished_session(store: Store) -> None:
    """A session killed mid-set, in the first set of three: the launch asks whether to resume
    it, and Enter then rests."""
    catalog = load_catalog()
    workout = start_workout(catalog, session_items(catalog, PLAN, "full"))
    workout, _ = workout.tap().tap().finish_set(START)
    workout = workout.next_exercise()
    while workout.current.sets < 3:
        workout = workout.next_exercise()
    for _ in range(8):
        workout = workout.tap()
    store.save_plan(PLAN)
    report = SymptomReport(2, "lower", "none")
    store.save_live(Session("20261123-070000", START, report, "go", "full", workout))


def seed_not_improving(store: Store) -> None:
    """Four weeks of training without less pain: the launch advises a doctor."""
    first = START - timedelta(weeks=4)
    store.save_plan(PLAN)
    store.save_progress(Progress(first_session=first, last_session_start=first))
    for at in (first, START - timedelta(days=2)):
        store.record_check(SymptomReport(5, "lower", "none"), "go", at)


Seed = Callable[[Store], None]
# Each screen, the data its walk starts from, and the keys that lead to it from the launch.
ROUTES: dict[str, tuple[Seed, tuple[str, ...]]] = {
    "SymptomCheckScreen": (seed_plan, ()),
    "AdviceScreen": (seed_plan, ("1", SEE_ADVICE)),
    "AssessmentScreen": (seed_nothing, ("1", SEE_ADVICE, "enter")),
    "ExercisePickerScreen": (seed_plan, ("1", SEE_ADVICE, "enter")),
    "RepCounterScreen": (seed_plan, ("1", SEE_ADVICE, "enter", "enter")),
    "RestTimerScreen": (seed_unfinished_session, ("y", "enter")),
    "FeedbackScreen": (seed_plan, ("1", SEE_ADVICE, "enter", "enter", "p")),
    "SummaryScreen": (seed_plan, ("1", SEE_ADVICE, "enter", "enter", "q")),
    "ConfirmScreen": (seed_unfinished_session, ()),
    "NoticeScreen": (seed_not_improving, ("5", SEE_ADVICE)),
    "SettingsScreen": (seed_plan, ("1", SEE_ADVICE, "enter", "g")),
    "PlanViewScreen": (seed_plan, ("1", SEE_ADVICE, "enter", "v")),
    "HelpScreen": (seed_plan, ("f1",)),
}


def screen_keys(screen: Screen[Any]) -> list[str]:
    """The keys the current screen binds itself (a modal's digits included)."""
    keys: list[str] = []
    for binding in screen.BINDINGS:
        if isinstance(binding, Binding):
            keys.extend(k.strip() for k in binding.key.split(","))
    return keys or APP_KEYS


@pytest.fixture(autouse=True)
def timers_wait_for_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screens' one-second timers tick only when the walk says so."""
    for screen_class in (RestTimerScreen, RepCounterScreen):

        def slow_interval(self: Screen[Any], interval: float, *args: Any, **kw: Any) -> Timer:
            return Screen.set_interval(self, 3600.0, *args, **kw)

        monkeypatch.setattr(screen_class, "set_interval", slow_interval)
    # Pilot waits for the process to go idle after each key in steps of 20 ms; 2 ms steps
    # keep the same order of events (the walk is the same) at a third of the time.
    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.002)


async def move_timers(pilot: Pilot[None], app: BackrunApp, rng: random.Random) -> None:
    screen = app.screen
    if isinstance(screen, RestTimerScreen):
        for _ in range(rng.randint(1, 100)):
            if app.screen is not screen:
                break
            screen.tick()
    elif isinstance(screen, RepCounterScreen):
        for _ in range(rng.randint(1, 40)):
            if app.screen is not screen:
                break
            screen.tick_hold()
    await pilot.pause()


async def random_walk(
    app: BackrunApp, rng: random.Random, budget: int, route: tuple[str, ...] = ()
) -> tuple[str, int]:
    """Follow the route, then press random keys until the budget is spent or the app exits;
    return the screen the route led to and the keys pressed."""
    pressed = 0
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, *route)
        reached = type(app.screen).__name__
        while pressed < budget and app.return_code is None:
            if rng.random() < 0.05:
                await move_timers(pilot, app, rng)
            if rng.random() < 0.04:
                await pilot.resize_terminal(*rng.choice(SIZES))
            pool = screen_keys(app.screen) if rng.random() < 0.5 else APP_KEYS + WRONG_KEYS
            await pilot.press(rng.choice(pool))
            pressed += 1
    return reached, pressed  # leaving run_test re-raised anything the app raised


def reopen_cleanly(data: Path) -> Store:
    """The folder opens with nothing moved aside, and every record in it reads."""
    store = Store.open(data)
    assert store.notes == []
    store.load_live()
    store.load_plan()
    list(store.sessions())
    list(store.checks())
    return store


@pytest.mark.parametrize("screen", sorted(ROUTES))
async def test_random_keys_on_each_screen_never_raise_and_the_data_opens(
    tmp_path: Path, screen: str
) -> None:
    """Each walk starts on its screen. When the app exits (q on the advice or the summary)
    it is launched again on the same folder the next day, as a runner would, until the keys
    are spent."""
    seed, route = ROUTES[screen]
    data = tmp_path / "data"
    store = Store.open(data)
    seed(store)
    rng, clock = random.Random(screen), FakeClock()
    left, launches = KEYS_PER_WALK, 0
    while left > 0:
        app = BackrunApp(Context(load_catalog(), store, clock))
        reached, pressed = await random_walk(app, rng, left, route if not launches else ())
        if not launches:
            assert reached == screen, f"the route to {screen} led to {reached}"
        launches += 1
        left -= pressed
        store.close()
        store = reopen_cleanly(data)
        clock.now += timedelta(days=1)
    store.close()
