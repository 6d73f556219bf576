"""Days a careful physiotherapist treats apart: severe pain (8-10) is stretches and gentle
movement only, with no running and the doctor advice if it does not ease."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from app_helpers import PLAN, READ_CARD, SEE_ADVICE, START, AppFactory, press, screen_text
from store_helpers import finish_in_store

from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import EVERYTHING_HURT, SetRecord, WorkoutItem, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.report.export import export
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.assessment import AssessmentScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.summary import next_plan_text


async def test_worst_pain_offers_no_strength_and_no_running(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "t", SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        text = screen_text(app)
        assert "A severe pain day" in text
        assert "No strength work and no running today" in text
        assert "within a day or two, contact a doctor" in text
        assert "easy, relaxed runs" not in text
        assert not app.screen.query("#train")
        await press(pilot, "enter")  # no strength session to start
        assert isinstance(app.screen, AdviceScreen)
        await press(pilot, "s")
        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert "your pain is severe" in screen_text(app)
        await press(pilot, "a")  # no session of strength work to go back to
        assert app.service.state.session is not None
        assert app.service.state.session.mode == "stretches"
        assert "a = " not in screen_text(app)


async def test_an_assessment_that_fails_the_first_rungs_stops_and_says_why(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "2", SEE_ADVICE, "enter")
        assert isinstance(app.screen, AssessmentScreen)
        await press(pilot, "n", "n")  # Superman and Beetle not possible yet: it stops there
        assert isinstance(app.screen, AssessmentScreen)
        said = screen_text(app)
        assert "The assessment stops here" in said
        assert "Superman and Beetle (Dead Bug) are not possible yet" in said
        assert "Your plan starts with: the stretches." in said
        await press(pilot, "y")  # no more rungs are asked
        assert isinstance(app.screen, AssessmentScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, ExercisePickerScreen)
        text = screen_text(app)
        assert "A physiotherapist can help you choose where to start" in text
        assert app.service.state.plan.exercise_ids == ()


async def test_when_every_exercise_rests_every_place_says_so(make_app: AppFactory) -> None:
    app = make_app()
    resting = tuple(Bench(i, START.date(), why="painful") for i in PLAN.exercise_ids)
    app.ctx.store.save_plan(Plan((), resting))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "2", SEE_ADVICE)
        text = screen_text(app)
        assert "Your exercises are resting" in text and EVERYTHING_HURT in text
        assert "Good to train" not in text and "Train as planned" not in text
        await press(pilot, "enter")
        assert isinstance(app.screen, ExercisePickerScreen)  # no assessment
        assert EVERYTHING_HURT in screen_text(app)
    report = export(app.ctx.store, app.ctx.catalog, "markdown", START)
    assert EVERYTHING_HURT in report and "No strength exercises chosen yet" not in report
    assert next_plan_text(app.ctx.catalog, Plan((), resting)) == EVERYTHING_HURT


async def test_the_picker_says_last_time_with_capital_sides(make_app: AppFactory) -> None:
    app = make_app()
    catalog = app.ctx.catalog
    items = [WorkoutItem("lying-figure-4", 1)]
    workout = start_workout(catalog, items)
    at = START - timedelta(days=1)
    held = tuple(SetRecord("lying-figure-4", 1, side, 0, 30, at) for side in ("L", "R"))
    workout = replace(workout, done=held, item_index=1)
    report = SymptomReport(2, "lower", "none")
    session = Session("yesterday", at, report, "go", "full", workout)
    finish_in_store(app.ctx.store, session, PLAN, at + timedelta(minutes=20))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, READ_CARD, "2", SEE_ADVICE, "enter")
        assert isinstance(app.screen, ExercisePickerScreen)
        await press(pilot, "down")  # Cat Cow, then Lying Figure 4
        assert "Last time: L 30 s · R 30 s" in screen_text(app)
