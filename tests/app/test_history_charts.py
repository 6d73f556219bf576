"""The history's charts in text: a scale on the left, dates along the bottom, bars that compare
truly, the newest points when they do not all fit, and dates never written over each other."""

from __future__ import annotations

from datetime import date, timedelta

from app_helpers import START, AppFactory, press, screen_text
from history_seed import seed_history
from store_helpers import finish_in_store
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.widgets.bar_chart import bar_rows, chart_lines


def test_bars_are_drawn_from_zero_to_a_fixed_top() -> None:
    # pain 0, 3, 5 and 10 out of 10, on two rows (top row first): the heights compare truly
    assert bar_rows([0, 3, 5, 10], top=10, height=2) == ["   █", " ▅██"]


def test_a_few_points_get_wide_bars_a_scale_and_their_dates() -> None:
    days = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    lines = chart_lines(list(zip(days, [2, 6, 10], strict=True)), 10, 40, 4)
    assert lines == [
        "10 ┤        ███",
        "   ┤    ▃▃▃ ███",
        " 5 ┤    ███ ███",
        "   ┤▆▆▆ ███ ███",
        " 0 └────────────",
        "    2 Nov   16 Nov",
    ]


def test_many_points_keep_the_newest_and_fit_the_width() -> None:
    start = date(2025, 12, 1)
    points = [(start + timedelta(days=i), i % 13) for i in range(400)]
    lines = chart_lines(points, 12, 60, 5)
    assert all(len(line) <= 60 for line in lines)
    dates = lines[-1].split()
    assert dates[-3:] == ["4", "Jan", "27"]  # the newest day, with its year: the shown span
    assert len(lines[0]) == 60  # crosses a new year
    assert lines[0].startswith("12 ┤") and lines[2].startswith(" 6 ┤")


def test_dates_are_never_written_over_each_other() -> None:
    points = [(date(2026, 11, 1), 3), (date(2026, 11, 2), 5)]
    axis = chart_lines(points, 10, 12, 3)[-1]
    assert axis.strip() in ("1 Nov", "2 Nov", "1 Nov 2 Nov")
    assert "NovNov" not in axis.replace(" ", "")


async def test_the_history_pages_to_its_charts_while_the_arrows_read_sessions(
    make_app: AppFactory,
) -> None:
    app = make_app()
    seed_history(app.ctx.store, app.ctx.catalog)
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await app.push_screen(HistoryScreen(app.flow.view))
        await pilot.pause()
        page = app.screen.query_one("#history", VerticalScroll)
        table = app.screen.query_one(DataTable)
        assert app.focused is table
        await press(pilot, "down", "down", "down")  # Mon 02 Nov: the painful flag
        assert "flagged painful (pain 6/10)" in screen_text(app)
        assert page.scroll_y == 0
        await press(pilot, "pagedown")
        assert page.scroll_y > 0 and table.cursor_row == 3  # the page moved, not the row
        await press(pilot, "end")
        assert page.scroll_y == page.max_scroll_y
        await press(pilot, "home")
        assert page.scroll_y == 0


async def test_a_long_history_opens_with_its_newest_sessions_and_m_shows_more(
    make_app: AppFactory,
) -> None:
    app = make_app()
    catalog, store = app.ctx.catalog, app.ctx.store
    plan = Plan(("superman", "beetle"))
    for day in range(45, 0, -1):
        started = START - timedelta(days=day)
        workout = start_workout(catalog, [WorkoutItem("superman", 1)]).tap()
        workout, _ = workout.finish_set(started + timedelta(minutes=5))
        report = SymptomReport(2, "lower", "none")
        session = Session(new_session_id(started), started, report, "go", "full", workout)
        finish_in_store(store, session, plan, started + timedelta(minutes=10))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.push_screen(HistoryScreen(app.flow.view))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 40
        assert "the newest 40 of 45, m shows more" in screen_text(app)
        await press(pilot, "m")
        assert table.row_count == 45 and "m shows more" not in screen_text(app)
