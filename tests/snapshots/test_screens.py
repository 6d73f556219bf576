"""Snapshot tests: each screen, in its important states, at the smallest supported size."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from app_helpers import SEE_ADVICE, AppFactory, press
from textual.pilot import Pilot

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.tui.screens.rep_counter import RepCounterScreen

SIZE = (80, 24)
PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))

Snap = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


def keys(*pressed: str) -> Steps:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await press(pilot, *pressed)

    return run


def with_plan(make_app: AppFactory) -> Any:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    return app


def test_symptom_check(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("4"))


def test_symptom_check_f2_shows_the_unseen_warning_signs_first(
    snap_compare: Snap, make_app: AppFactory
) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("1", "f2", "space"))


def test_advice_go_with_upper_back_posture(snap_compare: Snap, make_app: AppFactory) -> None:
    # pain 2, "Where" -> Upper back
    steps = keys("2", "tab", "right", "enter", SEE_ADVICE)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps)


def test_advice_urgent(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("tab", "tab", "down", "down", "enter", SEE_ADVICE)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps)


def test_advice_flare_up(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("7", SEE_ADVICE))


def test_assessment(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "y", "n")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps)


def test_exercise_picker(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "down", "down", "down", "down", "down")
    assert snap_compare(with_plan(make_app), terminal_size=SIZE, run_before=steps)


def test_rep_counter_counting(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "enter", *["space"] * 7)
    assert snap_compare(with_plan(make_app), terminal_size=SIZE, run_before=steps)


def test_rep_counter_hold(snap_compare: Snap, make_app: AppFactory) -> None:
    app = with_plan(make_app)

    async def run(pilot: Pilot[Any]) -> None:
        await keys("1", SEE_ADVICE, "enter", "enter", *["space"] * 8, "enter", "3", "space")(pilot)
        screen = app.screen
        assert isinstance(screen, RepCounterScreen)
        for _ in range(12):
            screen.tick_hold()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_rest_timer(snap_compare: Snap, make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(Plan(("superman",)))
    cat_cow = ("enter", *["space"] * 8, "enter", "3")
    holds = ("enter", "enter", "3") * 2  # both stretches ended early, per side
    superman_set = (*["space"] * 12, "enter", "plus")
    steps = keys("1", SEE_ADVICE, "enter", *cat_cow, *holds, *superman_set)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps)


def test_feedback_question(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "enter", *["space"] * 8, "enter")
    assert snap_compare(with_plan(make_app), terminal_size=SIZE, run_before=steps)


def test_painful_flag_asks_pain(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "enter", "space", "space", "p", "6")
    assert snap_compare(with_plan(make_app), terminal_size=SIZE, run_before=steps)


def test_summary_after_ending_early(snap_compare: Snap, make_app: AppFactory) -> None:
    steps = keys("1", SEE_ADVICE, "enter", "enter", *["space"] * 9, "enter", "3", "q")
    assert snap_compare(with_plan(make_app), terminal_size=SIZE, run_before=steps)


def test_terminal_too_small(snap_compare: Snap, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(60, 18))
