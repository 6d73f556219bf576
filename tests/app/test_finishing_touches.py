"""The finishing touches, driven by keys: help, the command palette (history, export, start a
session), the theme kept between runs, and --plain for screen readers and small terminals."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app_helpers import (
    SEE_ADVICE,
    START,
    AppFactory,
    FakeClock,
    press,
    run_from_palette,
    screen_text,
)
from history_seed import FIRST_PLAN, one_session, seed_history
from store_helpers import finish_in_store
from textual.pilot import Pilot
from textual.widgets import DataTable, Markdown, Static

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.settings import Settings
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.help import HelpScreen
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.screens.too_small import TooSmallScreen
from backrun_tui.tui.widgets.bar_chart import BarChart
from backrun_tui.tui.widgets.big_digits import BigDigits

SIZE = (80, 24)
PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))
TO_REP_COUNTER = ("1", SEE_ADVICE, "enter", "enter")  # pain 1, advice, train, first exercise


def app_on(folder: Path, *, plain: bool = False) -> BackrunApp:
    store = Store.open(folder)
    store.save_plan(PLAN)
    return BackrunApp(Context(load_catalog(), store, FakeClock(), plain=plain))


def data_dir(app: BackrunApp) -> Path:
    assert app.ctx.store.data_dir is not None
    return app.ctx.store.data_dir


def record_notifications(app: BackrunApp) -> list[str]:
    """What the app tells the user in its notifications, from now on."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(message)
        notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return said


async def palette(pilot: Pilot[None], command: str) -> None:
    """Open the command palette, type the command, and run the best match."""
    await run_from_palette(pilot, command)


# --- help ---------------------------------------------------------------------------------


def help_on_screen(app: BackrunApp) -> str:
    """The help text inside the visible part of the help box (it scrolls at 80x24)."""
    box = app.screen.query_one("#help")
    shown = [w for w in app.screen.query(Static) if box.content_region.overlaps(w.region)]
    return "\n".join(str(w.render()) for w in shown)


async def test_f1_and_question_mark_open_the_help(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("f1", "question_mark"):
            await press(pilot, key)
            assert isinstance(app.screen, HelpScreen)
            first = help_on_screen(app)
            assert "never diagnoses" in first
            assert "Get help now" in first and "numbness around the genitals" in first
            assert str(data_dir(app)) not in first  # further down, reached with the keys
            await press(pilot, "end")
            last = help_on_screen(app)
            assert "Your data" in last and str(data_dir(app)) in last
            assert "m more rows in the table" in last  # the keys, just above
            await press(pilot, "home", "pagedown")
            assert "The programme" in help_on_screen(app)
            await press(pilot, "escape")
            assert isinstance(app.screen, SymptomCheckScreen)


async def test_help_opens_once_and_from_the_rep_counter(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *TO_REP_COUNTER, "space", "space")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        await press(pilot, "f1")
        await press(pilot, "f1")  # closes it again rather than stacking a second help
        assert app.screen is counter
        await press(pilot, "question_mark", "space", "escape")  # the help swallows the space
        assert app.screen is counter and counter.workout.count == 2


# --- the command palette ------------------------------------------------------------------


async def test_palette_opens_the_history(make_app: AppFactory) -> None:
    app = make_app()
    seed_history(app.ctx.store, app.ctx.catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette(pilot, "History")
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one(DataTable).row_count == 5
        assert "streak: 3 weeks in a row" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, SymptomCheckScreen)


async def test_palette_export_writes_four_files(make_app: AppFactory) -> None:
    app = make_app()
    seeded = seed_history(app.ctx.store, app.ctx.catalog)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette(pilot, "Export")
        exports = data_dir(app) / "exports"
        files = sorted(exports.iterdir())
        assert [f.suffix for f in files] == [".csv", ".html", ".json", ".md"]
        assert len({f.stem for f in files}) == 1  # one export, one time stamp
        with files[0].open(newline="") as handle:
            assert len(list(csv.DictReader(handle))) == sum(
                len(s.workout.done) for s in seeded.sessions
            )
        assert "<svg" in files[1].read_text()  # the HTML report, with its charts
        document = json.loads(files[2].read_text())
        assert len(document["sessions"]) == 5
        exported_at = datetime.fromisoformat(document["exported_at"])
        assert timedelta(0) < exported_at - START < timedelta(hours=1)  # the app's clock
        assert "flagged painful" in files[3].read_text()
        assert any(str(exports) in message for message in said)
        assert isinstance(app.screen, SymptomCheckScreen)


async def test_palette_will_not_start_a_session_during_a_workout(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *TO_REP_COUNTER, "space", "space", "space")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        await palette(pilot, "Start a session")
        assert app.screen is counter
        assert counter.workout.count == 3
        assert any("under way" in message for message in said)
        live = app.ctx.store.load_live()
        assert live is not None and live.workout.count == 3  # nothing thrown away


async def test_palette_starts_a_session_from_the_history(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette(pilot, "History")
        assert isinstance(app.screen, HistoryScreen)
        assert "This week: 0 sessions · streak: 0 weeks in a row" in screen_text(app)
        assert not app.screen.query(BarChart)  # no chart drawn without data
        assert "Pain at each check (0-10): nothing yet" in screen_text(app)
        await palette(pilot, "Start a session")
        assert isinstance(app.screen, SymptomCheckScreen)
        assert len(app.screen_stack) == 2  # the default screen and the new check only


async def test_history_of_one_session_this_week(make_app: AppFactory) -> None:
    app = make_app()
    store, catalog = app.ctx.store, app.ctx.catalog
    session, plan = one_session(catalog, FIRST_PLAN, 0, START - timedelta(hours=1))
    store.record_check(session.report, "go", session.started_at)
    finish_in_store(store, session, plan, START)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette(pilot, "History")
        text = screen_text(app)
        assert "This week: 1 session · streak: 1 week in a row" in text
        assert "Superman: reps per session: latest 16, lowest 16, highest 16" in text
        charts = app.screen.query(BarChart)
        assert len(charts) == 3 + len(FIRST_PLAN.exercise_ids)  # pain, rung, weeks, each exercise
        pain = str(app.screen.query_one("#pain-chart", BarChart).render())
        assert "10 ┤" in pain and " 0 └" in pain  # the scale
        assert "23 Nov" in pain  # the date of the check
        assert "Sessions per week (last 12 weeks): latest 1, lowest 0, highest 1" in text


# --- the theme ------------------------------------------------------------------------------


async def test_the_chosen_theme_is_kept_between_runs(make_app: AppFactory) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        default = first.theme
        assert default != "nord"
        first.theme = "nord"
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_theme_that_no_longer_exists_falls_back(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_theme("a-theme-from-a-plugin-since-removed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme in app.available_themes
        assert isinstance(app.screen, SymptomCheckScreen)


# --- plain mode -----------------------------------------------------------------------------


async def test_plain_mode_shows_the_count_as_text(tmp_path: Path) -> None:
    for plain in (True, False):
        app = app_on(tmp_path / f"plain-{plain}", plain=plain)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, *TO_REP_COUNTER, "space", "space", "space")
            shown = str(app.screen.query_one(BigDigits).render())
            if plain:
                assert shown == "3"
            else:
                assert shown != "3" and len(shown.splitlines()) >= 3  # a figlet "3"


async def test_plain_mode_fits_a_smaller_terminal(tmp_path: Path) -> None:
    for plain, too_small in ((True, False), (False, True)):
        app = app_on(tmp_path / f"plain-{plain}", plain=plain)
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen) is too_small
            if too_small:
                assert "--plain" in screen_text(app)
    app = app_on(tmp_path / "tiny", plain=True)
    async with app.run_test(size=(59, 18)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "60x18" in screen_text(app)


async def test_plain_mode_works_through_a_set(tmp_path: Path) -> None:
    app = app_on(tmp_path / "data", plain=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, *TO_REP_COUNTER, *["space"] * 8, "backspace")
        assert str(app.screen.query_one(BigDigits).render()) == "7"
        assert "Cat Cow" in screen_text(app)


async def test_help_gives_the_programme_in_the_runners_own_numbers(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_settings(Settings(sets=2, rep_low=6, rep_high=10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(app.screen.query_one(Markdown).source.split())
        assert "2 sets of 6-10 reps" in text
        assert "rests 14 days" in text
        assert "Every set at 10 with pain 0-3, two sessions running" in text
        assert "3 sets of 8-12" not in text
