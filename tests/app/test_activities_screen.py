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
from textual import events
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


async def test_from_the_palette_renamed_and_back_to_the_picker_and_refused_mid_workout(
    make_app: AppFactory,
) -> None:
    app = make_app(activities=True)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_activities(pilot)
        await press(pilot, *"run 30 minutes easy", "enter", "4", "ctrl+s")
        assert isinstance(app.screen, ExercisePickerScreen)
        await run_from_palette(pilot, "Everyday activities")
        screen = app.screen
        assert isinstance(screen, PsfsScreen)
        assert "was 4 (23 Nov)" in screen_text(app) and "Esc cancels" in screen_text(app)
        await press(pilot, "escape")  # changed their mind: nothing is written
        assert isinstance(app.screen, ExercisePickerScreen)
        assert any("Your everyday activities are as they were." in s for s in app.said)
        await run_from_palette(pilot, "Everyday activities")
        name = app.screen.query_one("#name-0", Input)
        name.value = "run 45 minutes easy"
        await press(pilot, "6", "ctrl+s")  # the score is where the cursor starts
        assert isinstance(app.screen, ExercisePickerScreen)
        await press(pilot, "enter")  # the workout starts: no scoring in the middle of it
        await run_from_palette(pilot, "Everyday activities")
        assert not isinstance(app.screen, PsfsScreen)
        assert "not during a workout" in screen_text(app)
    assert [a.name for a in app.ctx.store.load_psfs().active] == ["run 45 minutes easy"]
    assert [s.score for s in app.ctx.store.psfs_scores()] == [4, 6]


async def test_keys_read_in_one_go_each_land_where_the_one_before_led(
    make_app: AppFactory,
) -> None:
    """On a busy machine a terminal's keys are read together, before the screen has moved the
    cursor for the first Enter: each key still lands in the field the one before it led to."""
    app = make_app(activities=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_the_activities(pilot)
        await press(pilot, *"sit an hour", "enter", "5", "enter", *"run", "enter", "3")
        screen.query_one("#score-0", Input).focus()
        await pilot.pause()
        for key in ("7", "enter", "enter", "4"):  # all posted before any is handled
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        # A field's score is selected as the cursor comes in, so a key typed replaces it.
        await wait_until(pilot, lambda: screen.query_one("#score-1", Input).value == "4")
        assert screen.query_one("#score-0", Input).value == "7"
        assert screen.query_one("#name-1", Input).value == "run"
