"""The runner's week in the plan: the hardest rungs (jumps, V-Ups) are left out the day before
the usual long run and in the last days before a race, and the picker says why."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from service_driver import START, Launcher, to_picker

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session import picker_rules as rules
from backrun_tui.coach.settings import Settings
from backrun_tui.service import SessionService
from backrun_tui.store.repository import Store

PLAN = Plan(("superman", "single-leg-deadlift", "single-leg-v-ups", "v-ups"))
MONDAY = START.date()  # the sessions here start on Mon 23 Nov 2026


def picker_on(launch: Launcher, store: Store, settings: Settings) -> SessionService:
    store.save_plan(PLAN)
    store.save_settings(settings)
    service = launch()
    to_picker(service)
    return service


def strength_today(service: SessionService) -> list[str]:
    items = rules.today_items(service.catalog, service.state)
    return [i.exercise_id for i in items if not service.catalog.get(i.exercise_id).is_stretch]


def test_the_day_before_the_long_run_leaves_out_the_hardest_rungs(
    store: Store, launch: Launcher
) -> None:
    service = picker_on(launch, store, Settings(long_run_day=1))  # long runs on Tuesday
    assert strength_today(service) == ["superman", "single-leg-deadlift", "single-leg-v-ups"]
    note = rules.schedule_note(service.catalog, service.state)
    assert note.startswith("V-Ups rests today: your long run is tomorrow (Tuesday).")
    assert "tire the muscles a long run or a race needs" in note
    service.apply(ev.StartWorkout())  # the workout follows the list
    done = [i.exercise_id for i in service.state.workout.items]
    assert "v-ups" not in done and "single-leg-deadlift" in done
    assert service.state.plan == PLAN  # a day off for V-Ups, not a change to the plan


def test_any_other_day_keeps_them(store: Store, launch: Launcher) -> None:
    service = picker_on(launch, store, Settings(long_run_day=0))  # the long run is today
    assert "v-ups" in strength_today(service)
    assert rules.schedule_note(service.catalog, service.state) == ""


@pytest.mark.parametrize(("days_to_race", "rests"), [(0, True), (3, True), (4, False), (-1, False)])
def test_the_last_three_days_before_a_race_and_race_day(
    store: Store, launch: Launcher, days_to_race: int, rests: bool
) -> None:
    race = MONDAY + timedelta(days=days_to_race)
    service = picker_on(launch, store, Settings(race_date=race))
    assert ("v-ups" not in strength_today(service)) is rests
    note = rules.schedule_note(service.catalog, service.state)
    assert ("your race is" in note) is rests
    if days_to_race == 3:
        assert f"your race is in 3 days ({race:%a %d %b})" in note


def test_no_harder_swap_into_a_hard_rung_the_day_before_a_long_run(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(Plan(("superman", "beetle", "single-leg-deadlift", "single-leg-v-ups")))
    store.save_settings(Settings(long_run_day=1))
    service = launch()
    to_picker(service)
    why = rules.harder_held_back(service.catalog, service.state, "single-leg-v-ups")
    assert why == (
        "no harder swap today: V-Ups is one of the hardest rungs and your long run is "
        "tomorrow (Tuesday)"
    )
    assert "harder" not in rules.swap_options(service.catalog, service.state, "single-leg-v-ups")


def test_the_week_is_kept_with_the_settings(store: Store) -> None:
    store.save_settings(Settings(long_run_day=6, race_date=date(2027, 4, 25)))
    assert store.data_dir is not None
    again = Store.open_read_only(store.data_dir).load_settings()
    assert (again.long_run_day, again.race_date) == (6, date(2027, 4, 25))
