"""Runs by hand: the form read into a run (with a clear word on each wrong field), corrections
kept with the run, deletions kept and known to later imports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backrun_tui.coach.running.run_log import (
    EntryProblem,
    change_log,
    deleted,
    edited,
    entry_texts,
    logged_run,
    parse_entry,
    restored,
)
from backrun_tui.coach.running.runs import Run
from backrun_tui.store.repository import Store

NOW = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)
FORM = {"day": "2026-11-22", "start": "07:30", "minutes": "45", "km": "8.2"}


def test_a_filled_form_is_a_run_logged_by_hand() -> None:
    entry = parse_entry({**FORM, "effort": "4", "back": "2"}, NOW)
    run = logged_run(entry, NOW)
    assert run.started_at == datetime(2026, 11, 22, 7, 30, tzinfo=UTC)
    assert (run.minutes, run.km, run.effort, run.back_after) == (45, 8.2, 4, 2)
    assert run.source == "manual" and run.fingerprint.startswith("manual-")


@pytest.mark.parametrize(
    ("texts", "minutes", "km", "started"),
    [
        ({"minutes": "1:05", "km": "10,5"}, 65, 10.5, NOW - timedelta(minutes=65)),
        ({"day": "yesterday", "start": "6.45", "minutes": "30", "km": "5"}, 30, 5.0, None),
        ({"day": "Today", "start": "0730", "minutes": "30", "km": "0"}, 30, 0.0, None),
    ],
)
def test_the_form_takes_what_a_runner_would_type(
    texts: dict[str, str], minutes: int, km: float, started: datetime | None
) -> None:
    entry = parse_entry(texts, NOW)
    assert (entry.minutes, entry.km, entry.effort, entry.back_after) == (minutes, km, None, None)
    if started is not None:  # today and no start: a run that just finished
        assert entry.started_at == started
    assert entry.started_at <= NOW


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"day": "22/11/2026"}, "day", "2026-11-24, today or yesterday"),
        ({"day": "2026-11-25"}, "start", "in the future"),
        ({"start": "25:00"}, "start", "07:30"),
        ({"start": ""}, "start", "07:30"),  # another day needs its start
        ({"minutes": "0"}, "minutes", "between 1 and 1440"),
        ({"minutes": "forty"}, "minutes", "such as 45"),
        ({"km": "-2"}, "km", "from 0 to 300"),
        ({"km": "nan"}, "km", "from 0 to 300"),
        ({"effort": "0"}, "effort", "1 to 10"),
        ({"back": "11"}, "back", "0 to 10"),
    ],
)
def test_a_wrong_field_is_named_with_what_it_needs(
    change: dict[str, str], field: str, words: str
) -> None:
    with pytest.raises(EntryProblem) as problem:
        parse_entry({**FORM, **change}, NOW)
    assert problem.value.field == field and words in str(problem.value)


def watch_run() -> Run:
    return Run("abc", datetime(2026, 11, 22, 7, 30, 12, tzinfo=UTC), 2710, 8234.5, "fit", 40.0, 150)


def test_a_correction_keeps_the_old_values_and_the_watch_precision() -> None:
    run = watch_run()
    texts = entry_texts(run)
    assert texts["minutes"] == "45" and texts["km"] == "8.23"
    fixed = edited(run, parse_entry({**texts, "effort": "6", "back": "3"}, NOW), NOW)
    # the effort and back are added; time and distance were not touched, so stay exact
    assert (fixed.moving_seconds, fixed.distance_m, fixed.effort, fixed.back_after) == (
        2710,
        8234.5,
        6,
        3,
    )
    assert fixed.ascent_m == 40.0 and fixed.avg_hr == 150
    assert [c.kind for c in fixed.changes] == ["edited"]
    assert "45 min, 8.2 km" in fixed.changes[0].before
    assert edited(fixed, parse_entry(entry_texts(fixed), NOW), NOW) is fixed  # nothing changed
    shorter = edited(fixed, parse_entry({**entry_texts(fixed), "minutes": "40"}, NOW), NOW)
    assert shorter.moving_seconds == 2400 and len(shorter.changes) == 2


def test_deleting_and_restoring_are_kept_in_the_log() -> None:
    run = watch_run()
    gone = deleted(run, NOW)
    back = restored(gone, NOW + timedelta(minutes=1))
    assert gone.deleted_at == NOW and back.deleted_at is None
    log = change_log([back])
    assert len(log) == 2 and "restored: the run of Sun 22 Nov 2026" in log[0]
    assert "deleted" in log[1]


def test_the_store_keeps_a_deleted_run_so_an_import_does_not_bring_it_back(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)
    run = watch_run()
    store.save_runs([run])
    store.save_run(deleted(run, NOW))
    assert store.runs() == []
    assert "abc" in store.run_fingerprints()  # a re-import skips it
    store.close()
    again = Store.open(tmp_path)
    [kept] = again.runs(deleted=True)
    assert kept.deleted_at == NOW and kept.changes[0].kind == "deleted"
    again.close()
