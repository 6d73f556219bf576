"""In a browser (a phone on the mat) every key of a screen is a button a finger can hit: a
session goes from the symptom check to the summary by taps alone, held upright (48x50, and 42x40
on a 360-pixel phone) and sideways (108x25)."""

from __future__ import annotations

import pytest
from app_helpers import PLAN, SEE_ADVICE, AppFactory, press, screen_text, wait_until
from textual.pilot import Pilot
from textual.widgets import Button

from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.assessment import AssessmentScreen
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.summary import SummaryScreen
from backrun_tui.tui.widgets.pain_scale import PainScale
from backrun_tui.tui.widgets.touch_keys import TouchKey, TouchKeys

SIZES = [
    pytest.param((48, 50), id="upright"),
    pytest.param((42, 40), id="upright-360px"),
    pytest.param((108, 25), id="sideways"),
]


@pytest.fixture(autouse=True)
def in_a_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BackrunApp, "is_web", property(lambda app: True))


def touch_buttons(app: BackrunApp) -> dict[str, TouchKey]:
    return {key.label: key for key in app.screen.query_one(TouchKeys).query(TouchKey)}


async def tap(pilot: Pilot[None], app: BackrunApp, label: str) -> None:
    """Tap the button with this label: a key's (in the bar at the bottom) or the screen's own."""
    await wait_until(pilot, lambda: label in touch_buttons(app) or own_button(app, label))
    button: TouchKey | Button | None = touch_buttons(app).get(label) or own_button(app, label)
    assert button is not None
    if isinstance(button, Button):  # no second press while it shows the first (0.2 s)
        await wait_until(pilot, lambda: not button.has_class("-active"))
    assert await pilot.click(button), f"{label} is covered"
    await pilot.pause()


def own_button(app: BackrunApp, label: str) -> Button | None:
    found = [b for b in app.screen.query(Button) if str(b.label) == label and b.display]
    return found[0] if found else None


@pytest.mark.parametrize("size", SIZES)
async def test_a_whole_session_by_taps_alone(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app(activities=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        scale = app.screen.query_one(PainScale)
        await pilot.click(scale, offset=(3 * 2 + 1, 0))  # the 2 on the scale
        assert scale.value == 2
        for _ in range(4):  # each tap shows warning signs not yet seen, then the advice
            await tap(pilot, app, "See advice")
            if isinstance(app.screen, AdviceScreen):
                break
        assert isinstance(app.screen, AdviceScreen)
        assert {"Start", "Stretches only", "Help", "Menu"} <= set(touch_buttons(app))
        await tap(pilot, app, "Start")
        while isinstance(app.screen, AssessmentScreen):
            await tap(pilot, app, "Yes, I can")
        await tap(pilot, app, "Skip for now")  # the everyday activities
        await wait_until(pilot, lambda: isinstance(app.screen, ExercisePickerScreen))
        await tap(pilot, app, "Start")
        await wait_until(pilot, lambda: isinstance(app.screen, RepCounterScreen))
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        for _ in range(8):
            await pilot.click("#count")
        await wait_until(pilot, lambda: counter.workout.count == 8)
        done, painful = counter.query_one("#finish-button"), counter.query_one("#painful-button")
        assert done.region.height >= 3 and painful.region.height >= 3  # a finger's size
        assert painful.region.x - done.region.right >= 4  # a thumb on "Set done" misses it
        await tap(pilot, app, "Painful")  # it asks first; Cancel leaves the set as it was
        await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen))
        assert "hurts" in screen_text(app) and "Cancel" in touch_buttons(app)
        await tap(pilot, app, "Cancel")
        await wait_until(pilot, lambda: app.screen is counter)
        assert counter.workout.count == 8 and not app.ctx.store.load_live().workout.done
        await tap(pilot, app, "Set done")
        await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen))
        await tap(pilot, app, "Just right")
        await wait_until(pilot, lambda: app.screen is counter and counter.exercise.is_hold)
        await tap(pilot, app, "End session")
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert "Cat Cow" in screen_text(app) and "Quit" in touch_buttons(app)
        tall = 3 if size[1] >= 36 else 1  # held upright, buttons a finger hits; sideways, rows
        assert {b.region.height for b in touch_buttons(app).values()} == {tall}


async def test_a_dialogs_own_buttons_are_not_offered_twice(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=(48, 50)) as pilot:
        await pilot.pause()
        await press(pilot, "1", SEE_ADVICE, "enter", "enter", "space")
        assert isinstance(app.screen, RepCounterScreen)
        await tap(pilot, app, "End session")  # a set in progress: it asks first
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert any("(y)" in label for label in labels) and any("(n)" in label for label in labels)
        assert not {"Yes", "No"} & set(touch_buttons(app))  # the dialog's own buttons do that


async def test_the_header_has_no_palette_icon_in_a_browser(make_app: AppFactory) -> None:
    """A phone's fonts draw Textual's header icon as an empty box; "Menu" opens the palette."""
    app = make_app()
    async with app.run_test(size=(108, 25)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("HeaderIcon").display
        assert "Menu" in touch_buttons(app)
