"""The long-run day and race date: read from what the runner types, and the days they keep the
hardest rungs away."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from backrun_tui.coach.ladder.catalog import CatalogError, catalog_path, load_catalog, parse_catalog
from backrun_tui.coach.running.schedule import (
    DayProblem,
    hard_rungs_rest,
    parse_long_run_day,
    parse_race_date,
)
from backrun_tui.coach.settings import Settings
from backrun_tui.store.repository import Store

SATURDAY = date(2026, 11, 28)


@pytest.mark.parametrize(("text", "day"), [("sun", 6), ("Sunday", 6), (" TU ", 1), ("", None)])
def test_a_long_run_day_is_read_as_a_weekday(text: str, day: int | None) -> None:
    assert parse_long_run_day(text) == day


@pytest.mark.parametrize("text", ["s", "someday", "7"])
def test_a_long_run_day_that_is_no_day_is_refused(text: str) -> None:
    with pytest.raises(DayProblem, match="a day of the week such as Sun"):
        parse_long_run_day(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [("25/04/2027", "2027-04-25"), ("2027-02-30", "does not exist"), ("2026-11-27", "passed")],
)
def test_a_race_date_is_a_real_day_still_to_come(text: str, words: str) -> None:
    with pytest.raises(DayProblem, match=words):
        parse_race_date(text, SATURDAY)
    assert parse_race_date("2026-11-28", SATURDAY) == SATURDAY
    assert parse_race_date("", SATURDAY) is None


def test_the_day_before_the_long_run_and_the_days_before_a_race() -> None:
    sunday_runs = Settings(long_run_day=6)
    assert hard_rungs_rest(sunday_runs, SATURDAY) == "your long run is tomorrow (Sunday)"
    assert hard_rungs_rest(sunday_runs, date(2026, 11, 29)) == ""  # the long run itself
    race = Settings(long_run_day=6, race_date=date(2026, 12, 1))
    assert hard_rungs_rest(race, SATURDAY) == "your race is in 3 days (Tue 01 Dec)"  # first
    assert hard_rungs_rest(race, date(2026, 12, 1)) == "your race is today (Tue 01 Dec)"
    assert hard_rungs_rest(race, date(2026, 12, 2)) == ""
    assert hard_rungs_rest(Settings(), SATURDAY) == ""


def test_the_catalog_marks_the_hardest_rungs() -> None:
    hard = sorted(e.id for e in load_catalog().exercises.values() if e.hard)
    assert hard == ["forward-jump-squats", "single-leg-jump-squats", "v-ups"]


def test_a_catalog_hard_mark_must_be_true_or_false() -> None:
    data = json.loads(catalog_path().read_text(encoding="utf-8"))
    data["exercises"][0]["hard"] = "yes"
    with pytest.raises(CatalogError, match='"hard" must be true or false'):
        parse_catalog(data, "catalog.json")


def test_a_bad_saved_setting_falls_back_alone_and_is_said(tmp_path: Path) -> None:
    saved = Store.open(tmp_path)
    saved.save_settings(Settings(rest_seconds=90, long_run_day=6, race_date=date(2027, 4, 25)))
    saved.close()
    state = tmp_path / "state.json"  # the file edited by hand, as a runner might
    tables = json.loads(state.read_text(encoding="utf-8"))
    tables["settings"]["1"].update({"sets": 99, "bell": "yes", "runner_name": "\x1b[2J" + "x" * 50})
    state.write_text(json.dumps(tables), encoding="utf-8")
    store = Store.open(tmp_path)
    settings = store.load_settings()
    assert (settings.sets, settings.bell) == (3, True)  # the defaults, for those two alone
    assert (settings.rest_seconds, settings.long_run_day) == (90, 6)  # the rest kept
    assert settings.race_date == date(2027, 4, 25)
    assert settings.runner_name == ""  # an escape sequence is no name
    [note] = store.notes
    assert "sets 99; bell 'yes'" in note and "your other settings are kept" in note
    store.close()
