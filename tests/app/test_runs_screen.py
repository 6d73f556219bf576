"""The runs screen, from the palette: running time per week as a dated chart, each run, and
what to do when there are none."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app_helpers import SEE_ADVICE, START, AppFactory, press, run_from_palette, screen_text
from textual.pilot import Pilot
from textual.widgets import DataTable

from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.screens.runs import RunsScreen
from backrun_tui.tui.widgets.bar_chart import BarChart

RUNS = [
    Run("a", START - timedelta(days=9), 45 * 60, 8000.0, "fit", 60.0, 148),
    Run("b", START - timedelta(days=2), 30 * 60, 5200.0, "gpx"),
    Run("c", START - timedelta(days=1), 70 * 60, 12500.0, "tcx", None, 152, effort=6),
]


async def open_from_the_palette(pilot: Pilot[Any]) -> RunsScreen:
    await pilot.pause()
    await run_from_palette(pilot, "Runs")
    screen = pilot.app.screen
    assert isinstance(screen, RunsScreen)
    return screen


async def test_the_runs_screen_shows_weeks_and_runs(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_runs(RUNS)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_the_palette(pilot)
        text = screen_text(app)
        # the week of Mon 16 Nov: 30 + 70 minutes; the week before: 45; this week: none
        assert "this week 0 min, most 100; 25.7 km in these 12 weeks" in text
        assert "Runs, newest first (3)" in text
        assert ": not enough data yet." in text
        table = screen.query_one(DataTable)
        assert table.row_count == 3 and app.focused is table
        newest = [str(cell) for cell in table.get_row_at(0)]
        assert newest[:3] == ["Sun 22 Nov 2026 07:30", "70", "12.5"] and "6/10" in newest
        chart = str(screen.query_one(BarChart).render())
        assert "100 ┤" in chart and "23 Nov" in chart  # the scale, and the dates
        assert " km" in chart and "pain  ·" in chart  # the weeks' figures, no check yet


async def test_the_weeks_pain_sits_under_its_running_in_runs_and_history(
    make_app: AppFactory,
) -> None:
    app = make_app()
    app.ctx.store.save_runs(RUNS)
    report = SymptomReport(4, "lower", "none")
    app.ctx.store.record_check(report, "go", START - timedelta(days=2))  # Sat 21 Nov
    app.ctx.store.record_check(SymptomReport(3, "lower", "none"), "go", START - timedelta(days=1))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_the_palette(pilot)
        lines = str(screen.query_one(BarChart).render()).splitlines()
        km, pain = lines[-3], lines[-2]
        assert km.split()[-2:] == ["18", "0"]  # the week of 16 Nov: 5.2 + 12.5 km; this week
        assert pain.split()[-2:] == ["3.5", "·"]  # that week's two checks; none this week
        await press(pilot, "escape")
        await run_from_palette(pilot, "History")
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        assert history.query_one("#weekly-runs", BarChart) and history.query_one("#pattern")


async def test_no_runs_says_how_to_bring_them_in(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_the_palette(pilot)
        assert "backrun runs import FILE-OR-FOLDER" in screen_text(app)
        assert not screen.query(DataTable) and not screen.query(BarChart)


def recent_runs(minutes: list[tuple[int, int]]) -> list[Run]:
    """(days ago, minutes) before START."""
    return [Run(f"{d}", START - timedelta(days=d), m * 60, m * 170.0, "fit") for d, m in minutes]


async def test_the_advice_caps_easy_runs_from_the_runners_own_runs(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_runs(recent_runs([(2, 40), (6, 30), (10, 50), (15, 40), (20, 60)]))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "5", SEE_ADVICE)  # pain 5: amber
        text = screen_text(app)
        assert "Running: While your back hurts, keep to easy runs of at most 40 min" in text
        assert "times your weekly average" not in text  # a steady month: no flag


async def test_the_advice_flags_a_jump_in_running(make_app: AppFactory) -> None:
    app = make_app()
    runs = [(9, 35), (12, 35), (16, 35), (19, 35), (23, 35), (26, 35), (1, 90), (4, 90)]
    app.ctx.store.save_runs(recent_runs(runs))
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "2", SEE_ADVICE)  # pain 2: the usual running line stays
        text = screen_text(app)
        assert "Running: While your back hurts, keep to easy, relaxed runs" in text  # generic
        assert "at most" not in text
        assert "times your weekly average over 4 weeks" in text
        assert "a flag, not a risk score" in text


async def test_a_long_list_opens_with_its_newest_runs_and_m_shows_more(
    make_app: AppFactory,
) -> None:
    app = make_app()
    app.ctx.store.save_runs(recent_runs([(day, 30) for day in range(1, 61)]))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_the_palette(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 40
        assert "Runs, newest first (60): l log · ⏎ correct · d delete · m more (the newest 40" in (
            screen_text(app)
        )
        await press(pilot, "m")
        assert table.row_count == 60 and "m more" not in screen_text(app)
        await press(pilot, "m")  # nothing more to show: nothing happens
        assert table.row_count == 60
