"""The runner's week set in the settings: the picker leaves the hardest rungs out the day before
the long run and before a race, and says why; a wrong day or a past race is refused."""

from __future__ import annotations

from datetime import date

from app_helpers import READ_CARD, SEE_ADVICE, AppFactory, press, screen_text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.settings import SettingsScreen

PLAN = Plan(("superman", "beetle", "high-plank-leg-lifts", "single-leg-jump-squats"))
SIZE = (80, 24)  # the app's clock starts on Monday 23 Nov 2026


def listed(app: BackrunApp) -> list[str]:
    options = app.screen.query_one("#items", OptionList)
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


async def settings_from_the_picker(pilot: Pilot[None], app: BackrunApp) -> SettingsScreen:
    await press(pilot, READ_CARD, "1", SEE_ADVICE, "enter")
    assert isinstance(app.screen, ExercisePickerScreen)
    assert "single-leg-jump-squats" in listed(app)
    await press(pilot, "g")
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def type_in(pilot: Pilot[None], screen: SettingsScreen, field: str, text: str) -> None:
    """Into a field, in place of what it held."""
    box = screen.query_one(f"#{field}", Input)
    box.focus()
    box.clear()
    await press(pilot, *text)


async def test_a_long_run_on_tuesday_rests_the_jumps_on_monday(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        settings = await settings_from_the_picker(pilot, app)
        await type_in(pilot, settings, "long_run_day", "tue")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExercisePickerScreen)
        assert "single-leg-jump-squats" not in listed(app)
        assert "Single Leg Jump Squats rests today: your long run is tomorrow (Tuesday)." in (
            screen_text(app)
        )
        assert app.ctx.store.load_settings().long_run_day == 1
        assert "single-leg-jump-squats" in app.ctx.store.load_plan().exercise_ids  # type: ignore[union-attr]


async def test_a_race_in_two_days_and_a_wrong_entry(make_app: AppFactory) -> None:
    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        settings = await settings_from_the_picker(pilot, app)
        await type_in(pilot, settings, "long_run_day", "someday")
        await press(pilot, "ctrl+s")
        problem = str(settings.query_one("#problem", Static).render())
        assert (
            problem == "Not saved. Long-run day: a day of the week such as Sun, or leave it empty."
        )
        await type_in(pilot, settings, "long_run_day", "sat")
        await type_in(pilot, settings, "race_date", "2026-11-01")
        await press(pilot, "ctrl+s")
        assert "that day has passed" in str(settings.query_one("#problem", Static).render())
        await type_in(pilot, settings, "race_date", "2026-11-25")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExercisePickerScreen)
        assert "rests today: your race is in 2 days (Wed 25 Nov)" in screen_text(app)
        assert app.ctx.store.load_settings().race_date == date(2026, 11, 25)


async def test_the_name_for_the_report_is_saved_and_printed_on_it(make_app: AppFactory) -> None:
    from backrun_tui.report.export import export

    app = make_app()
    app.ctx.store.save_plan(PLAN)
    async with app.run_test(size=SIZE) as pilot:
        settings = await settings_from_the_picker(pilot, app)
        await type_in(pilot, settings, "runner_name", "  Ana   Pérez ")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExercisePickerScreen)
        assert app.ctx.store.load_settings().runner_name == "Ana Pérez"  # spaces tidied
        report = export(app.ctx.store, app.ctx.catalog, "markdown", app.ctx.clock())
        assert "- **Runner**: Ana Pérez" in report
        await press(pilot, "g")
        assert app.screen.query_one("#runner_name", Input).value == "Ana Pérez"  # kept
