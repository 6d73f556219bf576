""" "Too easy" on an exercise whose next free rung passes over a resting one asks first."""

from __future__ import annotations

from datetime import timedelta

from app_helpers import START, AppFactory, press, screen_text, seed_live_session

from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen

# Rungs 1-4 planned, rung 5 not yet possible at the assessment.
SLB = "single-leg-bridge"
REST_5 = Plan(
    ("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"),
    (Bench(SLB, START.date() - timedelta(days=2), why="not_yet"),),
)


async def rate_superman_too_easy(app: BackrunApp, answer: str) -> str:
    """Resume Superman mid-set 2, finish sets 2 and 3 at 10 reps, rate it too easy, answer."""
    seed_live_session(app)
    app.ctx.store.save_plan(REST_5)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "y", *["space"] * 5, "enter", "enter")  # set 2 done, rest skipped
        await press(pilot, *["space"] * 10, "enter")
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "4")
        assert isinstance(app.screen, ConfirmScreen)
        question = screen_text(app)
        asked = "The next free rung is rung 6"
        assert question.count(asked) == 1  # in the dialog, not said a second time beside it
        await press(pilot, answer)
        assert not isinstance(app.screen, ConfirmScreen)
    return question


async def test_staying_keeps_the_plan_and_says_why(make_app: AppFactory) -> None:
    app = make_app()
    question = await rate_superman_too_easy(app, "n")
    assert "The next free rung is rung 6" in question
    assert "passes over rung 5, Single Leg Bridge (not yet possible)" in question
    plan = app.ctx.store.load_plan()
    assert plan is not None and "superman" in plan
    live = app.ctx.store.load_live()
    assert live is not None
    assert any("you chose to stay" in d.text for d in live.decisions)


async def test_moving_up_passes_over_the_rung_and_the_log_says_so(make_app: AppFactory) -> None:
    app = make_app()
    await rate_superman_too_easy(app, "y")
    plan = app.ctx.store.load_plan()
    assert plan is not None and "superman" not in plan and "side-plank-lifts" in plan
    live = app.ctx.store.load_live()
    assert live is not None
    assert any("you chose to pass over rung 5" in d.text for d in live.decisions)
