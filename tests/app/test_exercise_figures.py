"""The exercise figures on screen: the picker's highlighted exercise, beside the rep counter's
count when there is room (hidden at 60x18 --plain, never squeezed), the assessment's question
and the help; a broken poses file is said once and backrun runs on without figures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import PLAN, SEE_ADVICE, AppFactory, press
from textual.widgets import OptionList

from backrun_tui.figures import poses as poses_module
from backrun_tui.tui.screens.assessment import AssessmentScreen
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.widgets import exercise_figure
from backrun_tui.tui.widgets.exercise_figure import ExerciseFigure


@pytest.fixture(autouse=True)
def poses_read_afresh() -> Iterator[None]:
    exercise_figure._book = None  # each test reads the poses file it is given
    yield
    exercise_figure._book = None


async def test_the_picker_draws_the_highlighted_exercise(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter")
        assert isinstance(app.screen, ExercisePickerScreen)
        figure = app.screen.query_one(ExerciseFigure)
        assert figure.display and figure.exercise_id == "cat-cow"
        drawn = figure.render().plain
        assert len(drawn.splitlines()) == 7 and any("\u2801" <= c <= "\u28ff" for c in drawn)
        await press(pilot, "down", "down", "down")
        assert app.screen.query_one(OptionList).highlighted is not None
        assert figure.exercise_id == "superman"


@pytest.mark.parametrize(
    ("size", "plain", "shown"), [((100, 30), False, True), ((60, 18), True, False)]
)
async def test_the_counter_shows_the_figure_only_where_there_is_room(
    make_app: AppFactory, size: tuple[int, int], plain: bool, shown: bool
) -> None:
    app = make_app()
    app.ctx.plain = app.plain = plain
    if plain:
        app.add_class("-plain")
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter", "enter", "space")
        assert isinstance(app.screen, RepCounterScreen)
        figure = app.screen.query_one(ExerciseFigure)
        assert figure.display is shown
        if shown:
            assert figure.region.x > app.screen.query_one("#count").region.x  # beside it


async def test_the_assessment_shows_the_exercise_it_asks_about(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter")
        assert isinstance(app.screen, AssessmentScreen)
        assert app.screen.query_one(ExerciseFigure).exercise_id == "superman"
        await press(pilot, "y")
        assert app.screen.query_one(ExerciseFigure).exercise_id == "beetle"


async def test_the_help_draws_every_exercise_where_there_is_room(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.plain = app.plain = True  # --plain: still figures at 100x30, room for 60x18
    app.add_class("-plain")
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "f1")
        drawn = {f.exercise_id for f in app.screen.query(ExerciseFigure)}
        assert drawn == set(app.ctx.catalog.exercises)
        assert app.screen.query_one("#figures").display
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert not app.screen.query_one("#figures").display  # no names without their figures


async def test_a_broken_poses_file_is_said_once_and_nothing_else_changes(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "poses.json"
    broken.write_text('{"schema": 1, "poses": {}}')
    monkeypatch.setattr(poses_module, "poses_path", lambda: broken)
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter", "down", "enter", "space", "space")
        assert isinstance(app.screen, RepCounterScreen) and app.screen.workout.count == 2
        assert not app.screen.query_one(ExerciseFigure).display
        told = [m for m in app.said if m.startswith("No exercise figures: poses.json: no pose")]
        assert len(told) == 1
