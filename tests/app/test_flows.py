"""The paths around the main session: resume, flare-up, doctor soon, swaps, upper back,
a terminal too small, stray keys, and a "too hard" answer, each driven by key presses."""

from __future__ import annotations

from app_helpers import PLAN, SEE_ADVICE, AppFactory, press, screen_text, seed_live_session
from textual.pilot import Pilot
from textual.widgets import Button, Label, OptionList

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.assessment import AssessmentScreen
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.rest_timer import RestTimerScreen
from backrun_tui.tui.screens.summary import SummaryScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.screens.too_small import TooSmallScreen
from backrun_tui.tui.widgets.big_digits import BigDigits
from backrun_tui.tui.widgets.pain_scale import PainScale

SIZE = (80, 24)
STRETCHES = ["cat-cow", "lying-figure-4", "supine-twist"]


def with_plan(make_app: AppFactory, plan: Plan = PLAN) -> BackrunApp:
    app = make_app()
    app.ctx.store.save_plan(plan)
    return app


def saved_ids(app: BackrunApp) -> tuple[str, ...]:
    plan = app.ctx.store.load_plan()
    assert plan is not None
    return plan.exercise_ids


def selected_id(picker: ExercisePickerScreen) -> str:
    exercise = picker.selected()
    assert exercise is not None
    return exercise.id


def option_ids(picker: ExercisePickerScreen) -> list[str | None]:
    options = picker.query_one(OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def open_picker(pilot: Pilot[None], app: BackrunApp, *check: str) -> ExercisePickerScreen:
    await pilot.pause()
    await press(pilot, *check, SEE_ADVICE, "enter")
    picker = app.screen
    assert isinstance(picker, ExercisePickerScreen)
    return picker


# --- resume -------------------------------------------------------------------------------


async def test_resume_yes_goes_back_to_the_same_set_with_the_reps(make_app: AppFactory) -> None:
    app = make_app()
    seed_live_session(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = screen_text(app)
        assert "Resume it?" in question
        assert "It stopped at Superman, set 2 of 3, 5 reps so far." in question
        await press(pilot, "y")

        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        assert "Superman" in str(counter.query_one("#exercise-name", Label).render())
        assert "set 2 of 3" in str(counter.query_one("#set-info", Label).render())
        assert counter.query_one(BigDigits).value == "5"
        await press(pilot, "space")
        assert counter.query_one(BigDigits).value == "6"
        assert app.ctx.store.load_live().workout.count == 6
        assert list(app.ctx.store.sessions()) == []


async def test_resume_no_files_it_in_history_and_asks_again(make_app: AppFactory) -> None:
    app = make_app()
    seeded = seed_live_session(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "from Mon 23 Nov 2026, 07:30" in app.screen.question  # the year too
        await press(pilot, "n")

        assert isinstance(app.screen, SymptomCheckScreen)
        history = list(app.ctx.store.sessions())
        assert [s.id for s in history] == [seeded.id]
        done = history[0].workout.done
        assert len(done) == 7  # the six finished sets and the five reps of the unfinished one
        assert (done[-1].exercise_id, done[-1].reps) == ("superman", 5)
        assert history[0].ended_at is not None
        assert app.ctx.store.load_live() is None


# --- flare-up and doctor soon ---------------------------------------------------------------


async def test_flare_up_offers_stretches_and_two_easy_exercises(make_app: AppFactory) -> None:
    plan = Plan(("single-leg-bridge", "side-plank-lifts", "superman-pull", "v-ups"))
    app = with_plan(make_app, plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "7", SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        assert "A flare-up day" in screen_text(app)
        await press(pilot, "enter")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert option_ids(picker) == [*STRETCHES, "superman", "beetle"]
        assert [i.sets for i in picker.items()][-2:] == [2, 2]
        assert "2 x 8-12 reps" in str(picker.query_one(OptionList).get_option_at_index(3).prompt)
        await press(pilot, "down", "down", "down")  # Superman
        for swap in ("easier", "harder", "outdoor"):
            assert not picker.check_action("swap", (swap,))
        await press(pilot, "e", "h", "o")
        assert option_ids(picker) == [*STRETCHES, "superman", "beetle"]
        assert picker.session.decisions == ()
        assert app.ctx.store.load_plan() == plan


async def test_doctor_soon_allows_stretches_only(make_app: AppFactory) -> None:
    app = with_plan(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "2", "tab", "tab", "tab", "tab", "space")  # "A high temperature"
        await press(pilot, SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        assert "See a doctor soon" in screen_text(app)
        assert "A high temperature" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, AdviceScreen)
        await press(pilot, "s")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert picker.session.mode == "stretches"
        assert option_ids(picker) == STRETCHES
        assert not picker.check_action("full_plan", ())
        await press(pilot, "a")
        assert option_ids(picker) == STRETCHES
        await press(pilot, "enter")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        assert [i.exercise_id for i in counter.workout.items] == STRETCHES


# --- picker swaps and the upper back --------------------------------------------------------


async def test_picker_easier_then_harder_swaps_and_saves(make_app: AppFactory) -> None:
    app = with_plan(make_app)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot, app, "1")
        await press(pilot, *["down"] * 5)
        assert selected_id(picker) == "single-leg-balance-reach"
        await press(pilot, "e")
        assert "single-leg-balance" in saved_ids(app)
        assert "single-leg-balance-reach" not in saved_ids(app)
        assert (
            "Single Leg Balance & Reach -> Single Leg Balance: you chose an easier one"
            in screen_text(app).splitlines()
        )
        assert selected_id(picker) == "single-leg-balance"  # the highlight follows the swap
        await press(pilot, "h")
        assert saved_ids(app) == PLAN.exercise_ids
        assert (
            "Single Leg Balance -> Single Leg Balance & Reach: you chose a harder one"
            in screen_text(app)
        )


async def test_picker_outdoor_alternative(make_app: AppFactory) -> None:
    plan = Plan(("superman", "beetle", "high-plank-leg-lifts", "single-leg-jump-squats"))
    app = with_plan(make_app, plan)
    async with app.run_test(size=SIZE) as pilot:
        picker = await open_picker(pilot, app, "1")
        await press(pilot, "end")
        assert selected_id(picker) == "single-leg-jump-squats"
        await press(pilot, "o")
        saved = saved_ids(app)
        assert "forward-jump-squats" in saved
        assert "single-leg-jump-squats" not in saved
        assert "Single Leg Jump Squats -> Forward Jump Squats: outdoor alternative" in screen_text(
            app
        )


async def test_upper_back_pain_shows_posture_and_adds_the_pull_down(
    make_app: AppFactory,
) -> None:
    app = with_plan(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "2", "tab", "right", "enter", SEE_ADVICE)  # "Where" -> Upper back
        assert isinstance(app.screen, AdviceScreen)
        assert "Posture while running:" in screen_text(app)
        assert len(app.screen.query(".posture")) > 0
        upper_back = app.screen.query_one("#upper-back").region
        assert upper_back.y < app.screen.query_one("#running").region.y  # with the training
        await press(pilot, "enter")

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert "wall-lateral-pull-downs" in picker.plan.exercise_ids
        assert "wall-lateral-pull-downs" in option_ids(picker)
        assert "wall-lateral-pull-downs" in saved_ids(app)
        assert "Wall Lateral Pull-Downs added: for your upper-back pain" in screen_text(app)


# --- a small terminal and stray keys --------------------------------------------------------


async def test_too_small_terminal_then_resized(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "backrun needs at least 80x24" in screen_text(app)
        assert "This terminal is 60x20" in screen_text(app)
        await press(pilot, "7", "f2")  # keys do not reach the check underneath
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        assert isinstance(app.screen, SymptomCheckScreen)
        assert "backrun needs" not in screen_text(app)


async def test_resizes_faster_than_the_screen_keep_the_last_size(make_app: AppFactory) -> None:
    """300x100 -> 100x30 -> 20x5 -> 30x6 with no frame between: the warning is pushed and
    told the new size before it was even composed."""
    app = make_app()
    async with app.run_test(size=(300, 100)) as pilot:
        await pilot.pause()
        for width, height in ((100, 30), (20, 5), (30, 6)):
            app.check_size(width, height)  # no await: as resize events arriving together
        app.check_size(25, 5)
        await pilot.resize_terminal(25, 5)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "This terminal is 25x5" in screen_text(app)
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) == 1


async def test_the_palette_under_the_too_small_warning_is_never_opened_twice(
    make_app: AppFactory,
) -> None:
    """Ctrl+P, the window shrinks, Ctrl+P again (found by the random-input run)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+p")
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await press(pilot, "ctrl+p", "ctrl+p")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        palettes = [s for s in app.screen_stack if type(s).__name__.endswith("CommandPalette")]
        assert len(palettes) == 1


async def test_help_and_resizes_cannot_pile_up_screens(make_app: AppFactory) -> None:
    """F1 under the too-small warning, then the window shrinks again, many times (found by the
    random-input run: each round added two see-through screens, until a resize took seconds)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        depth = len(app.screen_stack)
        for _ in range(5):
            await pilot.resize_terminal(60, 18)
            await press(pilot, "f1", "ctrl+p")
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
        assert len(app.screen_stack) == depth
        assert not isinstance(app.screen, TooSmallScreen)


async def stray_keys_change_nothing(pilot: Pilot[None], app: BackrunApp) -> None:
    screen, before = app.screen, screen_text(app)
    live = app.ctx.store.load_live()
    await press(pilot, "x", "z", "j")
    assert app.screen is screen
    assert screen_text(app) == before
    assert app.ctx.store.load_live() == live


async def test_wrong_keys_change_nothing_on_any_screen(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(Plan(("superman",)))
    seen: list[type] = []
    async with app.run_test(size=SIZE) as pilot:

        async def check(expected: type) -> None:
            assert isinstance(app.screen, expected)
            seen.append(expected)
            await stray_keys_change_nothing(pilot, app)

        await pilot.pause()
        await check(SymptomCheckScreen)
        await press(pilot, "2", SEE_ADVICE)
        await check(AdviceScreen)
        await press(pilot, "enter")
        await check(ExercisePickerScreen)
        await press(pilot, "enter")
        await check(RepCounterScreen)
        await press(pilot, "space", "space", "enter")
        await check(FeedbackScreen)
        await press(pilot, "3", "enter", "enter", "3", "enter", "enter", "3")  # the holds
        await press(pilot, "space", "enter")  # Superman set 1
        await check(RestTimerScreen)
        await press(pilot, "s", "q")
        await check(SummaryScreen)
    assert len(seen) == 7

    fresh = make_app()
    fresh.ctx.store.save_plan(Plan(()))
    async with fresh.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "2", SEE_ADVICE, "enter")
        assert isinstance(fresh.screen, AssessmentScreen)
        await stray_keys_change_nothing(pilot, fresh)


# --- "too hard" ------------------------------------------------------------------------------


async def test_too_hard_swaps_at_once_and_the_summary_says_so(make_app: AppFactory) -> None:
    app = with_plan(make_app, Plan(("single-leg-balance-reach", "high-plank-leg-lifts")))
    line = "Single Leg Balance & Reach -> Single Leg Balance: too hard"
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, app, "1")
        await press(pilot, "enter")  # start
        await press(
            pilot, "enter", "y", "3", "enter", "enter", "3", "enter", "enter", "3"
        )  # stretches
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        assert counter.exercise.id == "single-leg-balance-reach"
        for set_number in (1, 2, 3):
            await press(pilot, *["space"] * 6, "enter", *["space"] * 6, "enter")  # L, R
            if set_number < 3:
                await press(pilot, "s")
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "2")
        assert isinstance(app.screen, ConfirmScreen)  # the easier one, offered at once
        assert "Try Single Leg Balance now" in screen_text(app)
        await press(pilot, "n")

        assert isinstance(app.screen, RestTimerScreen)
        saved = saved_ids(app)
        assert saved == ("single-leg-balance", "high-plank-leg-lifts")
        assert "High Plank Leg Lifts" in screen_text(app)
        await press(pilot, "s")
        assert counter.exercise.id == "high-plank-leg-lifts"
        assert str(counter.query_one("#decision", Label).render()) == line
        await press(pilot, "q")

        assert isinstance(app.screen, SummaryScreen)
        summary = screen_text(app)
        assert f"• {line}" in summary
        assert "Single Leg Balance & Reach: L 6 · R 6 / L 6 · R 6 / L 6 · R 6" in summary
        assert "Stretches, then Single Leg Balance, High Plank Leg Lifts" in summary


async def test_enter_with_no_reps_asks_before_the_set_counts(make_app: AppFactory) -> None:
    app = with_plan(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, app, "2")
        await press(pilot, "enter")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        await press(pilot, "enter")  # no reps yet
        assert isinstance(app.screen, ConfirmScreen)
        assert "No reps counted in this set" in screen_text(app)
        await press(pilot, "n")
        assert app.screen is counter and counter.workout.done == ()
        await press(pilot, "enter", "y")
        assert isinstance(app.screen, FeedbackScreen)
        assert [r.reps for r in counter.workout.done] == [0]


async def test_the_pain_question_starts_at_todays_pain(make_app: AppFactory) -> None:
    app = with_plan(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await open_picker(pilot, app, "3")
        await press(pilot, "enter", "space", "p")
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.query_one(PainScale).value == 3


async def test_the_first_run_advice_offers_to_find_the_exercises(make_app: AppFactory) -> None:
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "2", SEE_ADVICE)
        assert str(first.screen.query_one("#train", Button).label) == "Start ⏎"  # no plan yet
    with_plan = make_app()
    with_plan.ctx.store.save_plan(PLAN)
    async with with_plan.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "2", SEE_ADVICE)
        assert "My plan ⏎" in str(with_plan.screen.query_one("#train", Button).label)


async def test_a_first_run_flare_up_keeps_no_plan_it_does_not_have(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "7", SEE_ADVICE, "enter")  # pain 7: a gentle session
        text = screen_text(app)
        assert "A flare-up day" in text
        assert "Your plan is kept" not in text
