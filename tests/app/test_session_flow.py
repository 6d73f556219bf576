"""A whole session driven by key presses, and a fresh launch that finds the plan and history."""

from __future__ import annotations

from app_helpers import SEE_ADVICE, AppFactory, press, run_from_palette, screen_text
from textual.pilot import Pilot
from textual.widgets import Label

from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.assessment import AssessmentScreen
from backrun_tui.tui.screens.dialogs import ConfirmScreen, WarningSignsScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.rest_timer import RestTimerScreen
from backrun_tui.tui.screens.since_last import SinceLastScreen
from backrun_tui.tui.screens.summary import SummaryScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.widgets.big_digits import BigDigits

SIZE = (100, 32)


async def count_reps(pilot: Pilot[None], reps: int) -> None:
    await press(pilot, *["space"] * reps)


async def do_hold_both_sides(pilot: Pilot[None], app: BackrunApp) -> None:
    """Start each side's hold and let the seconds run out (the timer is driven by hand)."""
    for _side in ("L", "R"):
        await press(pilot, "space")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        for _ in range(counter.hold_left):
            counter.tick_hold()
        await pilot.pause()


async def test_whole_session_then_fresh_launch_finds_plan_and_history(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SymptomCheckScreen)
        await press(pilot, "3", SEE_ADVICE)  # pain 3/10, lower back, no flags

        assert isinstance(app.screen, AdviceScreen)
        assert "Good to train" in screen_text(app)
        assert "easy, relaxed runs" in screen_text(app)
        await press(pilot, "enter")

        assert isinstance(app.screen, AssessmentScreen)
        assert "Superman" in screen_text(app)
        await press(pilot, "y", "y", "y", "y")  # the first four rungs pass

        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert picker.plan.exercise_ids == (
            "superman",
            "beetle",
            "single-leg-balance-reach",
            "high-plank-leg-lifts",
        )
        await press(pilot, "enter")

        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        # Cat Cow: reps, with an undo
        await count_reps(pilot, 9)
        await press(pilot, "backspace")
        assert counter.query_one(BigDigits).value == "8"
        assert app.ctx.store.load_live().workout.count == 8  # saved on every tap
        await press(pilot, "enter")
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "3")  # just right; stretches go on without a rest

        # the two stretches are holds, per side
        for _stretch in range(2):
            assert isinstance(app.screen, RepCounterScreen)
            assert app.screen.exercise.is_hold
            await do_hold_both_sides(pilot, app)
            assert isinstance(app.screen, FeedbackScreen)
            await press(pilot, "3")
            assert isinstance(app.screen, RestTimerScreen) is False

        # Superman: three sets with rests between them
        assert "Superman" in str(counter.query_one("#exercise-name", Label).render())
        for set_number in (1, 2, 3):
            assert f"set {set_number} of 3" in str(counter.query_one("#set-info", Label).render())
            await count_reps(pilot, 12)
            await press(pilot, "enter")
            if set_number < 3:
                rest = app.screen
                assert isinstance(rest, RestTimerScreen)
                assert rest.query_one(BigDigits).value == "01:00"
                await press(pilot, "plus")
                assert rest.query_one(BigDigits).value == "01:15"
                await press(pilot, "minus", "minus")
                assert rest.query_one(BigDigits).value == "00:45"
                assert f"set {set_number + 1} of 3" in screen_text(app)
                for _ in range(45):
                    rest.tick()
                await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "3")
        assert isinstance(app.screen, RestTimerScreen)  # rest before the next exercise
        await press(pilot, "s")

        # Beetle: three sets of 10, rests skipped, just right
        assert counter.exercise.id == "beetle"
        for _ in range(3):
            await count_reps(pilot, 10)
            await press(pilot, "enter")
            if isinstance(app.screen, RestTimerScreen):
                await press(pilot, "s")
        await press(pilot, "3")
        await press(pilot, "s")

        # Single Leg Balance & Reach hurts mid-set: flag it, give the pain, see the swap
        assert counter.exercise.id == "single-leg-balance-reach"
        await count_reps(pilot, 5)
        await press(pilot, "p")
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "5", "enter")  # 5/10: swapped; 6 or more would end it gently
        decision = str(counter.query_one("#decision", Label).render())
        assert decision == (
            "Single Leg Balance & Reach -> Single Leg Balance: flagged painful (pain 5/10)"
        )
        assert "single-leg-balance" in app.ctx.store.load_plan().exercise_ids
        assert isinstance(app.screen, ConfirmScreen)  # the easier one, offered now
        assert "Try Single Leg Balance now" in screen_text(app)
        await press(pilot, "n")  # not today

        # High Plank Leg Lifts: quit mid-set asks first, and keeps the reps
        assert counter.exercise.id == "high-plank-leg-lifts"
        await count_reps(pilot, 4)
        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")

        assert isinstance(app.screen, SummaryScreen)
        summary = screen_text(app)
        assert "Superman: 12 / 12 / 12" in summary
        assert "Single Leg Balance & Reach: L 5" in summary
        assert "High Plank Leg Lifts: 4" in summary
        assert "flagged painful (pain 5/10)" in summary
        assert app.ctx.store.load_live() is None
        await press(pilot, "q")

    # A fresh launch on the same data folder: first what changed, then no assessment, the
    # changed plan, last time's sets.
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, SinceLastScreen)
        card = screen_text(again)
        assert "Single Leg Balance & Reach -> Single Leg Balance" in card
        assert "Single Leg Balance & Reach rests after it hurt" in card
        await press(pilot, "enter")
        assert isinstance(again.screen, SymptomCheckScreen)
        await press(pilot, "2", SEE_ADVICE, "enter")
        picker = again.screen
        assert isinstance(picker, ExercisePickerScreen)
        assert "single-leg-balance" in picker.plan.exercise_ids
        assert "single-leg-balance-reach" not in picker.plan.exercise_ids
        history = list(again.ctx.store.sessions())
        assert len(history) == 1
        assert any(d.kind == "regress" for d in history[0].decisions)
        await press(pilot, *["down"] * 3)  # highlight Superman
        assert "Last time: 12 / 12 / 12" in screen_text(again)


async def test_urgent_red_flag_never_reaches_the_rep_counter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "tab", "tab")  # to the legs question
        await press(pilot, "down", "down", "enter")  # both legs
        await press(pilot, SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        text = screen_text(app)
        assert "Get help now" in text
        assert "emergency" in text
        assert "No running" in text
        await press(pilot, "enter", "s")  # neither starts anything
        assert isinstance(app.screen, AdviceScreen)
        assert app.ctx.store.load_live() is None
        await press(pilot, "q")
    assert app.return_code in (0, None)
    assert not any(isinstance(s, RepCounterScreen) for s in app.screen_stack)


async def test_no_route_round_urgent_warning_signs_reaches_the_rep_counter(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "4", "tab", "tab", "down", "down")  # pain 4, both legs
        await press(pilot, SEE_ADVICE)
        assert "Get help now" in screen_text(app)
        await press(pilot, "c")  # change answers: nothing is reset
        check = app.screen
        assert isinstance(check, SymptomCheckScreen)
        assert check.report() == SymptomReport(4, "lower", "both")
        await press(pilot, SEE_ADVICE)
        assert "Get help now" in screen_text(app)
        await press(pilot, "c", "tab", "tab", "up", "up", SEE_ADVICE)  # now "no leg symptoms"
        assert isinstance(app.screen, WarningSignsScreen)
        assert "Was it ticked by mistake, or has a doctor checked you?" in screen_text(app)
        await press(pilot, "escape")  # neither: they stand
        assert isinstance(app.screen, AdviceScreen) and "Get help now" in screen_text(app)
        await run_from_palette(pilot, "Start a session")
        assert isinstance(app.screen, AdviceScreen) and "Get help now" in screen_text(app)
        await press(pilot, "q")
    assert not any(isinstance(s, RepCounterScreen) for s in app.screen_stack)

    again = make_app()  # a relaunch within 24 hours opens on the urgent advice
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, AdviceScreen) and "Get help now" in screen_text(again)
        await press(pilot, "enter", "s")  # neither starts anything
        assert isinstance(again.screen, AdviceScreen)
        await press(pilot, "c", "tab", "tab", "up", "up", SEE_ADVICE, "m")  # too late for that
        assert isinstance(again.screen, WarningSignsScreen)
        assert "Has a doctor checked you?" in screen_text(again)
        assert not again.screen.query("#mistake")
        await press(pilot, "d")
        assert isinstance(again.screen, AdviceScreen)
        assert "Good to train" in screen_text(again)
        await run_from_palette(pilot, "History")  # no session followed, yet it shows it
        assert "Warning signs and doctor advice" in screen_text(again)
        assert "a doctor has checked" in screen_text(again)
    decisions = again.ctx.store.recent_decisions()
    assert [d.kind for d in decisions] == ["correction"]
    assert "a doctor has checked" in decisions[0].text
