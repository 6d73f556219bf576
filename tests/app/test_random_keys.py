"""A bounded, seeded random walk of key presses through the real app: nothing ever raises, and
the data folder always opens cleanly afterwards.

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
from app_helpers import START, FakeClock
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.timer import Timer

from backrun_tui.app import BackrunApp
from backrun_tui.coach.catalog import load_catalog
from backrun_tui.coach.plan import Plan
from backrun_tui.coach.progress_record import Progress
from backrun_tui.coach.session import Session
from backrun_tui.coach.triage import SymptomReport
from backrun_tui.coach.workout import session_items, start_workout
from backrun_tui.context import Context
from backrun_tui.screens.rep_counter import RepCounterScreen
from backrun_tui.screens.rest_timer import RestTimerScreen
from backrun_tui.store.repository import Store

SIZE = (80, 24)
KEYS_PER_RUN = 150
APP_KEYS = [
    "space", "enter", "backspace", *"0123456789", *"ynbehosarxvgpqutc", "plus", "minus",
    "escape", "tab", "up", "down", "left", "right", "f1", "f2", "ctrl+s",
]  # fmt: skip
WRONG_KEYS = ["z", "j", "k", "w", "F", "f5", "f9", "home", "end", "delete", "ctrl+x", "comma"]
PLAN = Plan(("superman", "beetle"))
MAIN_SCREENS = {
    "SymptomCheckScreen",
    "AdviceScreen",
    "AssessmentScreen",
    "ExercisePickerScreen",
    "RepCounterScreen",
    "FeedbackScreen",
    "RestTimerScreen",
    "SummaryScreen",
    "ConfirmScreen",
    "NoticeScreen",
    "SettingsScreen",
    "PlanViewScreen",
    "HelpScreen",
}


def seed_nothing(store: Store) -> None:
    """A first launch: no plan yet, so a full session starts with the assessment."""


def seed_plan(store: Store) -> None:
    store.save_plan(PLAN)


def seed_unfinished_session(store: Store) -> None:
    """A session killed mid-set: the launch asks whether to resume it."""
    catalog = load_catalog()
    workout = start_workout(catalog, session_items(catalog, PLAN, "full"))
    workout, _ = workout.tap().tap().finish_set(START)
    workout = workout.next_exercise().tap()
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


SEEDS: list[tuple[int, Callable[[Store], None]]] = [
    (1, seed_nothing),
    (2, seed_plan),
    (4, seed_unfinished_session),
    (5, seed_not_improving),
]


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


async def random_walk(app: BackrunApp, rng: random.Random, budget: int) -> tuple[set[str], int]:
    """Press keys until the budget is spent or the app exits; return the screens seen and
    the keys pressed."""
    seen: set[str] = set()
    pressed = 0
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while pressed < budget and app.return_code is None:
            seen.add(type(app.screen).__name__)
            if rng.random() < 0.05:
                await move_timers(pilot, app, rng)
            pool = screen_keys(app.screen) if rng.random() < 0.5 else APP_KEYS + WRONG_KEYS
            await pilot.press(rng.choice(pool))
            pressed += 1
    return seen, pressed  # leaving run_test re-raised anything the app raised


def reopen_cleanly(data: Path) -> Store:
    """The folder opens with nothing moved aside, and every record in it reads."""
    store = Store.open(data)
    assert store.notes == []
    store.load_live()
    store.load_plan()
    list(store.sessions())
    list(store.checks())
    return store


seen_by_seed: dict[int, set[str]] = {}


@pytest.mark.parametrize(("seed", "prepare"), SEEDS, ids=[f"seed{s}" for s, _ in SEEDS])
async def test_random_keys_never_raise_and_the_data_opens(
    tmp_path: Path, seed: int, prepare: Callable[[Store], None]
) -> None:
    """When the app exits (q on the advice or the summary) it is launched again on the same
    folder, as a runner would, until the keys are spent."""
    data = tmp_path / "data"
    store = Store.open(data)
    prepare(store)
    rng, clock = random.Random(seed), FakeClock()
    left = KEYS_PER_RUN
    seen_by_seed[seed] = set()
    while left > 0:
        app = BackrunApp(Context(load_catalog(), store, clock))
        seen, pressed = await random_walk(app, rng, left)
        seen_by_seed[seed] |= seen
        left -= pressed
        store.close()
        store = reopen_cleanly(data)
    store.close()


def test_the_walks_reached_every_screen() -> None:
    if set(seen_by_seed) != {seed for seed, _ in SEEDS}:
        pytest.skip("needs every seeded walk above to have run first")
    reached = set().union(*seen_by_seed.values())
    assert MAIN_SCREENS - reached == set()
