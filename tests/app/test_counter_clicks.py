"""The rep counter by mouse or touch (a phone beside the mat has no keyboard): a tap on the big
count is a rep, or starts a hold; the buttons undo, end the set and flag it painful."""

from __future__ import annotations

from app_helpers import PLAN, SEE_ADVICE, AppFactory, press
from textual.pilot import Pilot
from textual.widgets import Label

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.counter_hint import counter_hint
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.rest_timer import RestTimerScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

TO_REP_COUNTER = ("1", SEE_ADVICE, "enter", "enter")  # pain 1, advice, train, Cat Cow
SIZE = (80, 24)


def saved_count(app: BackrunApp) -> int:
    live = app.ctx.store.load_live()
    assert live is not None
    return live.workout.count


async def at_the_counter(pilot: Pilot[None], app: BackrunApp) -> RepCounterScreen:
    """Launch with a plan, pain 1, and on to the rep counter at Cat Cow."""
    await press(pilot, *TO_REP_COUNTER)
    counter = app.screen
    assert isinstance(counter, RepCounterScreen) and counter.exercise.id == "cat-cow"
    return counter


async def test_taps_on_the_count_are_reps_and_the_buttons_undo_and_end_the_set(
    make_app: AppFactory,
) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        counter = await at_the_counter(pilot, app)
        for _ in range(3):
            await pilot.click("#count")
        await pilot.pause()
        assert counter.workout.count == 3 and saved_count(app) == 3  # saved like a key press
        await pilot.click("#undo-button")
        await pilot.pause()
        assert counter.workout.count == 2 and saved_count(app) == 2
        await pilot.click("#count")
        await pilot.click("#finish-button")
        await pilot.pause()
        assert [r.reps for r in counter.workout.done] == [3]  # Cat Cow's one set
        assert counter.focused is None or counter.focused.id != "finish-button"  # keys stay


async def test_the_painful_button_asks_how_much_it_hurts(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        counter = await at_the_counter(pilot, app)
        await pilot.click("#painful-button")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "escape")
        assert app.screen is counter  # Esc: not painful after all, back to the count


async def test_a_tap_starts_a_hold(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        counter = await at_the_counter(pilot, app)
        await press(pilot, *["space"] * 8, "enter")  # Cat Cow done
        if isinstance(app.screen, RestTimerScreen):
            await press(pilot, "s")
        await press(pilot, "3")  # just right; then the Lying Figure 4 hold
        while isinstance(app.screen, RestTimerScreen):
            await press(pilot, "s")
        assert counter.exercise.is_hold
        await pilot.click("#count")
        await pilot.pause()
        assert counter.state.hold_running
        assert "pauses" in str(counter.query_one("#hint", Label).render())


async def test_launch_to_three_reps_with_taps_alone(make_app: AppFactory) -> None:
    """No keyboard at all (a phone): the buttons, the footer's keys and the count."""
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(8):  # the warning signs are shown first, then the advice
            if not isinstance(app.screen, SymptomCheckScreen):
                break
            app.screen.query_one("#submit").scroll_visible(animate=False)  # a swipe down
            await pilot.pause()
            await pilot.click("#submit")
            await pilot.pause()
        assert isinstance(app.screen, AdviceScreen)
        await pilot.click("#train")
        await pilot.pause()
        assert isinstance(app.screen, ExercisePickerScreen)
        start = next(k for k in app.screen.query("FooterKey") if getattr(k, "key", "") == "enter")
        await pilot.click(start)
        await pilot.pause()
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        for _ in range(3):
            await pilot.click("#count")
        await pilot.pause()
        assert saved_count(app) == 3


def test_the_hint_says_tap_in_a_browser_and_space_in_a_terminal() -> None:
    catalog = load_catalog()
    superman, stretch = catalog.get("superman"), catalog.get("lying-figure-4")
    still = {"holding": False, "tempo_running": False, "tempo_armed": False}
    assert counter_hint(superman, **still, touch=False).startswith("Space: a rep")
    assert counter_hint(superman, **still, touch=True).startswith("Tap the count: a rep")
    assert counter_hint(stretch, **still, touch=True).startswith("Tap the count starts the 30 s")
    running = {**still, "tempo_running": True}
    assert "Tap the count pauses" in counter_hint(superman, **running, touch=True)
    for exercise in (superman, stretch):  # no key a phone does not have, only its buttons
        for state in (still, running, {**still, "tempo_armed": True}):
            for left in (False, True):
                said = counter_hint(exercise, **state, touch=True, left_side=left)
                assert not {"Enter", "Space", "f:", "t counts"} & set(said.split(" ")), said
                assert "Enter" not in said and "Space" not in said, said


def test_the_hint_says_what_enter_and_space_do_on_this_side_and_in_this_hold() -> None:
    """On the left side of a one-leg set Enter goes on to the right side (the hint said "set
    done"); a paused hold goes on with Space (it said "Space starts")."""
    catalog = load_catalog()
    bridge, stretch = catalog.get("single-leg-bridge"), catalog.get("lying-figure-4")
    still = {"holding": False, "tempo_running": False, "tempo_armed": False, "touch": False}
    assert "Enter: on to the right side" in counter_hint(bridge, **still, left_side=True)
    assert "Enter: set done" in counter_hint(bridge, **still, left_side=False)
    assert "Enter: on to the right side" in counter_hint(stretch, **still, left_side=True)
    paused = counter_hint(stretch, **still, hold_started=True)
    assert paused.startswith("Paused · Space goes on with the hold")
    assert "starts" not in paused
