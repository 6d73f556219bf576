"""Runs by hand in the app: logged from the palette, the runs screen and the advice screen;
corrected with Enter; deleted (after a question) and restored, each kept in the log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app_helpers import SEE_ADVICE, START, AppFactory, press, run_from_palette, screen_text
from test_runs_screen import RUNS, open_from_the_palette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from backrun_tui.coach.running.runs import Run
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.run_form import RunFormScreen
from backrun_tui.tui.screens.runs import RunsScreen


async def type_into(pilot: Pilot[Any], field: str, text: str) -> None:
    """Focus a field of the run form (its text is selected, so typing replaces it) and type."""
    pilot.app.screen.query_one(f"#{field}", Input).focus()
    await pilot.pause()
    await press(pilot, *text) if text else await press(pilot, "backspace")


def kept_runs(app: BackrunApp, deleted: bool = False) -> list[Run]:
    """What the data folder holds, read back from disk."""
    return app.ctx.store.runs(deleted=deleted)


async def test_a_run_logged_from_the_palette_is_saved_and_listed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await run_from_palette(pilot, "Log a run")
        assert isinstance(app.screen, RunFormScreen)
        assert app.focused is app.screen.query_one("#minutes", Input)
        await press(pilot, "4", "0", "tab", "7", ".", "5", "tab", "3", "tab", "1", "enter")
        assert not isinstance(app.screen, RunFormScreen)
        [run] = kept_runs(app)
        assert (run.minutes, run.km, run.effort, run.back_after) == (40, 7.5, 3, 1)
        assert run.started_at.date() == START.date() and run.source == "manual"
        screen = await open_from_the_palette(pilot)
        assert screen.query_one(DataTable).row_count == 1
        assert "this week 40" in screen_text(app)


async def test_a_wrong_field_is_named_and_nothing_is_saved(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_the_palette(pilot)
        await press(pilot, "n")
        assert isinstance(app.screen, RunFormScreen)
        await press(pilot, "9", "9", "9", "9", "tab", "5", "enter")
        assert "Not saved. Fix this; the cursor is on Minutes:" in screen_text(app)
        assert "• Minutes: between 1 and 1440." in screen_text(app)
        assert app.focused is app.screen.query_one("#minutes", Input)  # back to the field
        await type_into(pilot, "minutes", "0")
        await type_into(pilot, "effort", "x")
        await press(pilot, "ctrl+s")
        said = screen_text(app)  # every mistake at once, the cursor on the first
        assert "Fix these; the cursor is on Minutes:" in said
        assert "• Minutes: between 1 and 1440." in said
        assert "• Effort: a number from 1 to 10, or leave it empty." in said
        assert app.focused is app.screen.query_one("#minutes", Input)
        assert kept_runs(app) == []
        await press(pilot, "escape")  # cancel: back to the list, still empty
        assert isinstance(app.screen, RunsScreen) and kept_runs(app) == []


async def test_correcting_a_watch_run_adds_effort_and_keeps_the_old_values(
    make_app: AppFactory,
) -> None:
    app = make_app()
    app.ctx.store.save_runs(RUNS)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_the_palette(pilot)
        await press(pilot, "down", "enter")  # the second newest: Sat 21 Nov, 30 min, from GPX
        form = app.screen
        assert isinstance(form, RunFormScreen)
        assert "Correct the run of Sat 21 Nov 2026 07:30, 30 min, 5.2 km (from a GPX file)" in (
            screen_text(app)
        )
        await type_into(pilot, "minutes", "35")
        await type_into(pilot, "effort", "4")
        await type_into(pilot, "back", "6")
        await press(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, RunsScreen)
        row = [str(cell) for cell in screen.query_one(DataTable).get_row_at(1)]
        assert row[1] == "35" and row[5:7] == ["4/10", "6/10"]
        assert screen.query_one(DataTable).cursor_row == 1  # the cursor stays on the run
        assert "edited: was Sat 21 Nov 2026 07:30, 30 min, 5.2 km" in screen_text(app)
        fixed = next(r for r in kept_runs(app) if r.fingerprint == "b")
        assert (fixed.minutes, fixed.distance_m, fixed.effort, fixed.back_after) == (35, 5200, 4, 6)


async def test_a_deleted_run_stays_in_the_log_and_u_restores_it(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_runs(RUNS)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_from_the_palette(pilot)
        await press(pilot, "d")
        assert "Delete the run of Sun 22 Nov 2026 07:30, 70 min, 12.5 km" in str(
            app.screen.query_one(".question").render()
        )
        await press(pilot, "n")  # keep it
        assert len(kept_runs(app)) == 3
        await press(pilot, "d", "y")
        assert screen.query_one(DataTable).row_count == 2
        assert [r.fingerprint for r in kept_runs(app)] == ["b", "a"]
        assert [r.fingerprint for r in kept_runs(app, deleted=True)] == ["c", "b", "a"]
        text = screen_text(app)
        assert "deleted: the run of Sun 22 Nov 2026 07:30" in text
        assert "u restores the last deleted" in text
        await press(pilot, "u")
        assert screen.query_one(DataTable).row_count == 3 and len(kept_runs(app)) == 3
        assert "restored: the run of Sun 22 Nov 2026" in screen_text(app)
        await press(pilot, "u", "x", "z")  # nothing left to restore; wrong keys do nothing
        assert len(kept_runs(app)) == 3 and isinstance(app.screen, RunsScreen)


async def test_a_run_logged_from_the_advice_screen_changes_its_running_advice(
    make_app: AppFactory,
) -> None:
    app = make_app()
    days = [(2, 40), (6, 30), (10, 50), (15, 30)]
    app.ctx.store.save_runs(
        [Run(f"{d}", START - timedelta(days=d), m * 60, m * 170.0, "fit") for d, m in days]
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "5", SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        assert "easy runs of at most 35 min" in screen_text(app)
        assert "Press l to log a run by hand" in screen_text(app)
        await press(pilot, "l")
        assert isinstance(app.screen, RunFormScreen)
        await press(pilot, "9", "0", "tab", "1", "4", "enter")
        assert isinstance(app.screen, AdviceScreen)
        assert "easy runs of at most 35 min" not in screen_text(app)
        assert "easy runs of at most 40 min" in screen_text(app)  # the median of five runs
        assert len(kept_runs(app)) == 5


async def test_a_red_flag_day_offers_no_run_logging(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "tab", "tab", "down", "down", "enter")  # pain down both legs
        await press(pilot, SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen) and app.screen.result.outcome == "urgent"
        await press(pilot, "l")
        assert isinstance(app.screen, AdviceScreen)
        assert "Press l to log a run" not in screen_text(app)
