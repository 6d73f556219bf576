"""The everyday activities screen (PSFS) in the app: named after the first run's assessment,
a wrong score said and nothing lost, Esc skips; and the history shows each activity's course."""

from __future__ import annotations

from datetime import timedelta

from app_helpers import (
    START,
    AppFactory,
    FakeClock,
    press,
    run_from_palette,
    screen_text,
    wait_until,
)
from textual.pilot import Pilot
from textual.widgets import Input, Static

from backrun_tui.coach.outcomes.psfs import Psfs, answered, new_scores, read_rows
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.screens.psfs import PsfsScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

SIZE = (100, 30)


async def to_the_activities(pilot: Pilot[None]) -> PsfsScreen:
    """A first run: pain 1, the advice, the assessment (four passes), then the activities."""
    await press(pilot, "1")
    while isinstance(pilot.app.screen, SymptomCheckScreen):
        await press(pilot, "f2")
    await press(pilot, "enter", "y", "y", "y", "y")
    screen = pilot.app.screen
    assert isinstance(screen, PsfsScreen)
    return screen


async def test_named_and_scored_after_the_assessment(make_app: AppFactory) -> None:
    app = make_app(activities=True)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_activities(pilot)
        await press(pilot, *"run 30 minutes easy", "enter", "4", "enter", *"put on socks")
        await press(pilot, "enter", "7", "ctrl+s")
        assert isinstance(app.screen, ExercisePickerScreen)
        assert any("run 30 minutes easy 4/10; put on socks 7/10" in said for said in app.said)
    store = app.ctx.store
    assert [a.name for a in store.load_psfs().active] == ["run 30 minutes easy", "put on socks"]
    assert [s.score for s in store.psfs_scores()] == [4, 7]


async def test_a_score_off_the_scale_is_said_and_nothing_typed_is_lost(
    make_app: AppFactory,
) -> None:
    app = make_app(activities=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_the_activities(pilot)
        await press(pilot, *"sit an hour", "enter", "1", "2", "ctrl+s")
        assert app.screen is screen
        problem = str(screen.query_one("#problem", Static).render())
        assert 'Score "sit an hour" from 0 (cannot do it) to 10' in problem
        assert screen.focused is screen.query_one("#score-0", Input)
        assert screen.query_one("#name-0", Input).value == "sit an hour"
        await press(pilot, "backspace", "ctrl+s")  # 1: kept
        assert isinstance(app.screen, ExercisePickerScreen)
    assert [s.score for s in app.ctx.store.psfs_scores()] == [1]


async def test_escape_skips_until_two_weeks_on(make_app: AppFactory) -> None:
    app = make_app(activities=True)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_activities(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, ExercisePickerScreen)
        assert any("Your activities are asked again from Mon 07 Dec" in s for s in app.said)
    assert app.ctx.store.load_psfs().asked is not None
    assert not list(app.ctx.store.psfs_scores())


async def test_the_history_shows_each_activitys_course(make_app: AppFactory) -> None:
    app = make_app(FakeClock(START + timedelta(days=20)))
    store = app.ctx.store
    first = answered(Psfs(), read_rows(Psfs(), [(None, "run 30 minutes easy", "3")]), START)
    store.save_psfs(first, new_scores(Psfs(), first))
    later_rows = [("a1", "run 30 minutes easy", "6")]
    later = answered(first, read_rows(first, later_rows), START + timedelta(days=14))
    store.save_psfs(later, new_scores(first, later))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_from_palette(pilot, "History")
        assert isinstance(app.screen, HistoryScreen)
        screen = app.screen
        await wait_until(pilot, lambda: bool(screen.query("#activities")))  # after the frame
        text = screen_text(app)
        assert (
            "run 30 minutes easy: 3 on 23 Nov 2026, 6 on 07 Dec 2026: 3 points better than at "
            "first (a change that matters)"
        ) in text
        assert "run 30 minutes easy (0-10): latest 6, lowest 3, highest 6" in text
