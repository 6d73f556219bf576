"""The Choice widget: arrows and clicks choose one answer, drawn in a row or a column."""

from __future__ import annotations

from app_helpers import AppFactory, press
from textual.app import App, ComposeResult

from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.widgets.choice import Choice

ANSWERS = ("Lower back", "Upper back", "Both")


class OneChoice(App[None]):
    CSS = "Choice { border: round white; padding: 0 1; height: auto; }"

    def __init__(self, *, row: bool) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        yield Choice(ANSWERS, row=self.row)


async def test_arrows_move_the_choice_and_stop_at_the_ends() -> None:
    app = OneChoice(row=False)
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        await press(pilot, "down")
        assert choice.index == 1
        await press(pilot, "right", "right", "right")
        assert choice.index == 2  # the last answer
        await press(pilot, "up", "left", "up", "up")
        assert choice.index == 0


async def test_the_chosen_answer_is_marked_by_its_symbol_not_by_colour_alone() -> None:
    app = OneChoice(row=True)
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        choice.focus()
        await press(pilot, "right")
        assert str(choice.render()) == "○ Lower back    ● Upper back    ○ Both"


async def test_a_click_on_an_answer_in_a_column_chooses_it() -> None:
    app = OneChoice(row=False)
    async with app.run_test() as pilot:
        # inside the border and padding: x 2, rows 1-3
        await pilot.click(Choice, offset=(4, 3))
        assert app.query_one(Choice).index == 2
        await pilot.click(Choice, offset=(4, 0))  # the border: nothing changes
        assert app.query_one(Choice).index == 2


async def test_a_click_on_an_answer_in_a_row_chooses_it_and_the_gap_does_not() -> None:
    app = OneChoice(row=True)
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        await pilot.click(Choice, offset=(2 + len("○ Lower back    ") + 3, 1))
        assert choice.index == 1
        await pilot.click(Choice, offset=(2 + len("○ Lower back "), 1))  # between answers
        assert choice.index == 1
        assert choice.answer_at(0, 0) == 0
        assert choice.answer_at(len("○ Lower back    ○ Upper back    "), 0) == 2
        assert choice.answer_at(200, 0) is None


async def test_the_symptom_check_reports_what_was_chosen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SymptomCheckScreen)
        await press(pilot, "4", "tab", "right", "right", "tab", "down")
        assert screen.report() == SymptomReport(4, "both", "one")
