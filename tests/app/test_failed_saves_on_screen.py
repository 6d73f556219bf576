"""The screens when saving fails mid-session: the rep counter and the summary say what is not
saved, quitting asks first, and once the disk works again everything lands."""

from __future__ import annotations

from app_helpers import SEE_ADVICE, AppFactory, press, screen_text
from failing_disk import FailingDisk
from textual.widgets import Label

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.store.repository import Store
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.summary import SummaryScreen

SIZE = (100, 32)


def label(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Label).render())  # type: ignore[attr-defined]


async def test_the_screens_tell_what_is_not_saved_and_quitting_asks(
    make_app: AppFactory, failing_disk: FailingDisk
) -> None:
    app = make_app()
    store = app.ctx.store
    store.save_plan(Plan(("superman", "beetle", "single-leg-balance-reach")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "2", SEE_ADVICE, "enter")
        assert isinstance(app.screen, ExercisePickerScreen)
        failing_disk.failing = True
        await press(pilot, "down", "down", "down", "down", "down", "e")  # a swap: no crash
        assert isinstance(app.screen, ExercisePickerScreen)
        assert "your plan" in app.service.unsaved
        failing_disk.failing = False
        await press(pilot, "enter")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        assert not counter.query_one("#save-status").display  # saved: nothing to say

        failing_disk.failing = True
        await press(pilot, "space", "space", "space")
        status = label(counter, "#save-status")
        assert counter.query_one("#save-status").display
        assert status == f"Not saved yet: {failing_disk.reason}. Still counting; trying again."

        failing_disk.failing = False
        app.retry_saving()  # what the app does every few seconds, keys or not
        await pilot.pause()
        assert not counter.query_one("#save-status").display  # saved now: the line goes
        failing_disk.failing = True
        await press(pilot, "space")
        assert counter.query_one("#save-status").display

        await press(pilot, "q", "y")  # end mid-set
        assert isinstance(app.screen, SummaryScreen)
        title = screen_text(app)
        assert "Not saved yet" in title and "Everything you did is saved" not in title

        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Not saved yet" in screen_text(app) and "Quit anyway?" in screen_text(app)
        await press(pilot, "n")  # keep backrun open
        assert isinstance(app.screen, SummaryScreen)

        failing_disk.failing = False
        app.retry_saving()  # what the app does every few seconds
        await pilot.pause()
        assert "Everything you did is saved" in screen_text(app)
        await press(pilot, "q")
    assert app.return_code == 0
    assert store.data_dir is not None
    [filed] = list(Store.open(store.data_dir).sessions())
    assert [r.reps for r in filed.workout.done] == [4]
