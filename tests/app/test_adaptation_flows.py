"""How the plan adapts across days, driven by key presses: retests of rested exercises, the
next-day rollback, the doctor advice after three weeks, settings, the plan view, and a step up
after two good sessions."""

from __future__ import annotations

from datetime import timedelta

from app_helpers import READ_CARD, SEE_ADVICE, START, AppFactory, FakeClock, press, screen_text
from service_driver import new_service, to_picker, whole_workout
from store_helpers import finish_in_store
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from backrun_tui.coach.ladder.plan import Bench, Plan, promote
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.settings import Settings
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.dialogs import NoticeScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.plan_view import PlanViewScreen
from backrun_tui.tui.screens.settings import SettingsScreen
from backrun_tui.tui.screens.summary import SummaryScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

SIZE = (80, 24)
TODAY = START.date()
REACH = "single-leg-balance-reach"
LIGHT_NOTE = "A lighter day: your plan with one set fewer"
BEETLE = "Beetle (Dead Bug)"


def plan_ids(app: BackrunApp) -> tuple[str, ...]:
    plan = app.ctx.store.load_plan()
    assert plan is not None
    return plan.exercise_ids


async def open_picker(pilot: Pilot[None], app: BackrunApp, pain: str) -> ExercisePickerScreen:
    await press(pilot, READ_CARD, pain, SEE_ADVICE, "enter")
    picker = app.screen
    assert isinstance(picker, ExercisePickerScreen)
    return picker


# --- retests ---------------------------------------------------------------------------------


def benched_app(make_app: AppFactory, days_ago: int) -> BackrunApp:
    """Single Leg Balance & Reach hurt `days_ago` days ago; Single Leg Balance took its place."""
    app = make_app()
    bench = Bench(REACH, TODAY - timedelta(days=days_ago), "single-leg-balance")
    plan = Plan(("superman", "beetle", "single-leg-balance", "high-plank-leg-lifts"), (bench,))
    app.ctx.store.save_plan(plan)
    return app


async def test_retest_offer_accepted_swaps_the_exercise_back(make_app: AppFactory) -> None:
    app = benched_app(make_app, 15)
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, app, "1")
        text = screen_text(app)
        assert "Single Leg Balance & Reach has rested since 8 Nov after it hurt." in text
        assert "Try it again today?" in text
        await press(pilot, "r")

        saved = app.ctx.store.load_plan()
        assert saved is not None
        assert saved.exercise_ids == ("superman", "beetle", REACH, "high-plank-leg-lifts")
        assert saved.benched == ()
        text = screen_text(app)
        assert "Try it again today?" not in text
        assert (
            "Single Leg Balance -> Single Leg Balance & Reach: retest after 15 days' rest "
            "(you chose to try it again)" in text.splitlines()
        )


async def test_retest_declined_keeps_it_resting_from_today(make_app: AppFactory) -> None:
    app = benched_app(make_app, 15)
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, app, "1")
        assert "Try it again today?" in screen_text(app)
        await press(pilot, "x")

        saved = app.ctx.store.load_plan()
        assert saved is not None
        assert saved.benched == (Bench(REACH, TODAY, "single-leg-balance"),)
        assert REACH not in saved.exercise_ids
        text = screen_text(app)
        assert "Try it again today?" not in text
        assert "Single Leg Balance & Reach keeps resting" in text
        await press(pilot, "r")  # nothing to retest any more
        assert app.ctx.store.load_plan() == saved


async def test_no_retest_offer_before_the_cool_down_ends(make_app: AppFactory) -> None:
    app = benched_app(make_app, 5)
    before = app.ctx.store.load_plan()
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot, app, "1")
        assert "Try it again today?" not in screen_text(app)
        await press(pilot, "r")
        assert app.ctx.store.load_plan() == before
        assert picker.session.decisions == ()


# --- the next-day rollback ---------------------------------------------------------------------


def seed_promoted_yesterday(app: BackrunApp) -> None:
    """Three checks at pain 2, then a session that ended 20 hours ago and stepped Beetle up to
    Single Leg Balance & Reach."""
    store, catalog = app.ctx.store, app.ctx.catalog
    for days in (4, 3, 2):
        store.record_check(SymptomReport(2, "lower", "none"), "go", START - timedelta(days=days))
    started, ended = START - timedelta(hours=21), START - timedelta(hours=20)
    before = Plan(("superman", "beetle", "high-plank-leg-lifts", "single-leg-bridge"))
    after, decision = promote(catalog, before, "beetle", "2 sessions running", ended)
    assert decision is not None and decision.to_id == REACH
    workout = start_workout(catalog, [WorkoutItem("superman", 1)])
    for _ in range(12):
        workout = workout.tap()
    workout, _step = workout.finish_set(started + timedelta(minutes=5))
    report = SymptomReport(2, "lower", "none")
    session = Session("yesterday", started, report, "go", "full", workout, decisions=(decision,))
    finish_in_store(store, session, after, ended)
    assert store.progress().last_session_end == ended


async def test_pain_two_above_usual_after_a_step_up_rolls_it_back(make_app: AppFactory) -> None:
    app = make_app()
    seed_promoted_yesterday(app)
    assert "beetle" not in plan_ids(app)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, READ_CARD, "5", SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        advice = screen_text(app)
        assert "Your back is worse than usual" in advice
        assert "today is lighter and the last step up is undone" in advice
        assert "A lighter day" in advice and "one set fewer" in advice  # headed as it is
        assert "Good to train" not in advice and "Train as planned" not in advice
        await press(pilot, "enter")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        text = screen_text(app)
        assert LIGHT_NOTE in text
        assert [i.sets for i in picker.items()][-4:] == [2, 2, 2, 2]
        assert "2 x 8-12 reps" in str(picker.query_one("#items").get_option_at_index(3).prompt)
        assert plan_ids(app) == ("superman", "beetle", "high-plank-leg-lifts", "single-leg-bridge")
        rollback = [d for d in picker.session.decisions if d.kind == "rollback"]
        assert len(rollback) == 1
        assert rollback[0].text.startswith(f"Single Leg Balance & Reach -> {BEETLE}: pain 5/10")
        assert "above your usual 2/10" in rollback[0].text
        assert rollback[0].text in text.splitlines()


async def test_pain_one_above_usual_changes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    seed_promoted_yesterday(app)
    before = plan_ids(app)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, READ_CARD, "3", SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        assert "worse than usual" not in screen_text(app)
        await press(pilot, "enter")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert picker.session.mode == "full"
        assert LIGHT_NOTE not in screen_text(app)
        assert {i.sets for i in picker.items() if i.exercise_id in before} == {3}
        assert picker.session.decisions == ()
        assert plan_ids(app) == before


# --- the doctor advice -----------------------------------------------------------------------


def seed_four_weeks_at_pain_4(make_app: AppFactory) -> None:
    app = make_app()
    store = app.ctx.store
    store.save_plan(Plan(("superman",)))
    for days in range(28, 0, -2):
        store.record_check(SymptomReport(4, "lower", "none"), "go", START - timedelta(days=days))
    store.save_progress(Progress(first_session=START - timedelta(days=25)))


async def launch_screen(make_app: AppFactory) -> tuple[type, str]:
    """What a fresh launch shows first, and its text."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return type(app.screen), screen_text(app)


async def test_doctor_advice_until_acknowledged(make_app: AppFactory) -> None:
    seed_four_weeks_at_pain_4(make_app)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        text = screen_text(app)
        assert "Time to see a doctor" in text
        assert "usual pain is 4/10 (it was 4/10)" in text
        await press(pilot, "escape")  # remind me next time
        assert isinstance(app.screen, SymptomCheckScreen)
        assert app.ctx.store.progress().doctor_acknowledged is None

    screen, text = await launch_screen(make_app)
    assert screen is NoticeScreen
    assert "Time to see a doctor" in text

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        await press(pilot, "enter")  # I understand
        assert isinstance(app.screen, SymptomCheckScreen)
        acknowledged = app.ctx.store.progress().doctor_acknowledged
        assert acknowledged is not None and acknowledged.date() == TODAY

    screen, text = await launch_screen(make_app)
    assert screen is SymptomCheckScreen
    assert "Time to see a doctor" not in text


# --- settings --------------------------------------------------------------------------------


OUTDOOR_PLAN = Plan(("superman", "beetle", "high-plank-leg-lifts", "single-leg-jump-squats"))


def outdoor_plan_app(make_app: AppFactory) -> BackrunApp:
    app = make_app()
    app.ctx.store.save_plan(OUTDOOR_PLAN)
    return app


async def open_settings(pilot: Pilot[None], app: BackrunApp) -> SettingsScreen:
    await open_picker(pilot, app, "1")
    await press(pilot, "g")
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def test_settings_saved_change_the_list_and_the_plan(make_app: AppFactory) -> None:
    app = outdoor_plan_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        settings = await open_settings(pilot, app)
        assert app.focused is settings.query_one("#sets")  # typing goes there at once
        await press(pilot, "backspace", "2")
        await press(pilot, *["tab"] * 5, "space")  # three numbers and the bell, then outdoor
        await press(pilot, "ctrl+s")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert app.ctx.store.load_settings() == Settings(sets=2, outdoor=True)
        text = screen_text(app)
        assert "2 x 8-12 reps" in str(picker.query_one("#items").get_option_at_index(3).prompt)
        assert "Single Leg Jump Squats -> Forward Jump Squats: outdoor setting is on" in text
        assert "forward-jump-squats" in plan_ids(app)
        assert "single-leg-jump-squats" not in plan_ids(app)


async def test_settings_refuse_a_bad_value_and_cancel(make_app: AppFactory) -> None:
    app = outdoor_plan_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        settings = await open_settings(pilot, app)
        await press(pilot, "backspace", "9", "ctrl+s")
        assert app.screen is settings
        problem = str(settings.query_one("#problem", Static).render())
        assert problem == "Not saved: sets must be between 1 and 6."
        assert app.ctx.store.load_settings() == Settings()
        await press(pilot, "escape")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert app.service.state.settings == Settings()
        assert app.ctx.store.load_settings() == Settings()
        assert "3 x 8-12 reps" in str(picker.query_one("#items").get_option_at_index(3).prompt)
        assert plan_ids(app) == OUTDOOR_PLAN.exercise_ids


# --- the plan view ---------------------------------------------------------------------------


async def test_plan_view_lists_the_plan_and_dated_changes(make_app: AppFactory) -> None:
    app = benched_app(make_app, 5)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot, app, "1")
        await press(pilot, *["down"] * 5, "h")  # Single Leg Balance, a harder one
        await press(pilot, "v")

        assert isinstance(app.screen, PlanViewScreen)
        text = screen_text(app).splitlines()
        assert "  1  Superman: 3 x 8-12 reps" in text
        assert "What changed and why" in text
        assert "Resting, and not yet possible" in text
        assert (
            "• Single Leg Balance & Reach: resting since 18 Nov after it hurt; offered as a "
            "retest from 2 Dec" in text
        )
        change = picker.session.decisions[-1].text
        assert f"• {change} on 23 Nov" in text
        await press(pilot, "escape")
        assert app.screen is picker


# --- progression across two days ------------------------------------------------------------


async def train_superman_day(pilot: Pilot[None], app: BackrunApp) -> str:
    """Pain 1, the stretches, Superman 3 x 12 "just right"; returns the summary's text."""
    await open_picker(pilot, app, "1")
    await press(pilot, "enter")  # start
    await press(pilot, "enter", "y", "3", "enter", "enter", "3", "enter", "enter", "3")  # stretches
    for set_number in (1, 2, 3):
        await press(pilot, *["space"] * 12, "enter")
        if set_number < 3:
            await press(pilot, "s")  # skip the rest
    await press(pilot, "3")  # just right
    assert isinstance(app.screen, SummaryScreen)
    return screen_text(app)


async def test_the_step_up_is_on_the_summary_and_the_next_picker(make_app: AppFactory) -> None:
    """The coach's rule is tested through the service (tests/session/test_step_up.py); here,
    what the runner sees of it: the second good session's summary, and the next day's list."""
    first = make_app()
    first.ctx.store.save_plan(Plan(("superman",)))
    service = new_service(first.ctx.catalog, first.ctx.store, START)
    to_picker(service, pain=1)
    whole_workout(service, reps=12)  # the first good session, without the screens

    second = make_app(FakeClock(START + timedelta(days=1)))
    async with second.run_test(size=SIZE) as pilot:
        summary = await train_superman_day(pilot, second)
        assert (
            f"• Superman -> {BEETLE}: every set reached 12 with pain in the green, "
            "2 sessions running" in summary.splitlines()
        )
        assert f"Stretches, then {BEETLE}" in summary
        await press(pilot, "q")

    third = make_app(FakeClock(START + timedelta(days=2)))
    async with third.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot, third, "1")
        listed = picker.query_one("#items", OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any(BEETLE in prompt for prompt in prompts)
        assert not any("Superman" in prompt for prompt in prompts)  # not in today's list
        assert "Rung 1, Superman, not in your plan: you have moved past it." in screen_text(third)
