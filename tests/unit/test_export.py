"""Export: the CSV opens with the csv module, the JSON round-trips, the Markdown report tells a
physiotherapist what happened, and a fresh data folder exports too."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import pytest
from history_seed import PAINFUL, SESSION_DAYS, SeededHistory, reps_in, seed_history

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.report.export import FORMATS, export
from backrun_tui.store import codec
from backrun_tui.store.repository import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "data")


@pytest.fixture
def seeded(store: Store, catalog: Catalog) -> SeededHistory:
    return seed_history(store, catalog)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def sections(markdown: str) -> dict[str, str]:
    """The report's `## ` sections by the first word of their title."""
    parts = markdown.split("\n## ")[1:]
    return {part.split()[0]: part for part in parts}


# --- CSV ------------------------------------------------------------------------------------


def test_csv_has_one_row_per_set_with_its_reps(
    store: Store, catalog: Catalog, seeded: SeededHistory
) -> None:
    text = export(store, catalog, "csv", NOW)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    for column in ("session_id", "date", "exercise_id", "exercise", "set", "side", "reps"):
        assert column in header
    rows = csv_rows(text)
    assert len(rows) == sum(len(s.workout.done) for s in seeded.sessions)
    index_of = {s.id: i for i, s in enumerate(seeded.sessions)}
    assert [r["session_id"] for r in rows[:1]] == [seeded.sessions[0].id]  # oldest first
    for row in rows:
        assert int(row["reps"]) == reps_in(index_of[row["session_id"]])
        assert row["exercise"] == catalog.get(row["exercise_id"]).name
        assert row["set"] in ("1", "2")
        datetime.fromisoformat(row["date"])


def test_csv_keeps_sides_and_the_exercise_that_hurt(
    store: Store, catalog: Catalog, seeded: SeededHistory
) -> None:
    rows = csv_rows(export(store, catalog, "csv", NOW))
    painful_day = seeded.sessions[1].id
    hurt = [r for r in rows if r["session_id"] == painful_day and r["exercise_id"] == PAINFUL]
    assert [(r["set"], r["side"]) for r in hurt] == [("1", "L"), ("1", "R"), ("2", "L"), ("2", "R")]
    superman = [r for r in rows if r["exercise_id"] == "superman"]
    assert {r["side"] for r in superman} == {""}
    assert {r["pain_at_check"] for r in rows if r["session_id"] == painful_day} == {"3"}


# --- JSON -----------------------------------------------------------------------------------


def test_json_round_trips_every_session(
    store: Store, catalog: Catalog, seeded: SeededHistory
) -> None:
    document = json.loads(export(store, catalog, "json", NOW))
    assert document["app"] == "backrun"
    assert datetime.fromisoformat(document["exported_at"]) == NOW
    sessions = [codec.session_from_doc(doc) for doc in document["sessions"]]
    assert sessions == seeded.sessions
    assert codec.plan_from_doc(document["plan"]) == seeded.plan
    assert [c["pain"] for c in document["checks"]] == [s.report.pain for s in seeded.sessions]
    assert document["unfinished_session"] is None
    assert codec.progress_from_doc(document["progress"]) == store.progress()
    assert codec.settings_from_doc(document["settings"]) == store.load_settings()


def test_json_includes_the_unfinished_session(
    store: Store, catalog: Catalog, seeded: SeededHistory
) -> None:
    started = SESSION_DAYS[-1] + timedelta(days=3)
    workout = start_workout(catalog, [WorkoutItem("superman", 3)]).tap().tap().tap()
    live = Session(
        "20261123-070000", started, SymptomReport(2, "lower", "none"), "go", "full", workout
    )
    store.save_live(live)
    document = json.loads(export(store, catalog, "json", NOW))
    assert codec.session_from_doc(document["unfinished_session"]) == live
    assert len(document["sessions"]) == len(seeded.sessions)


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_report_for_a_physiotherapist(
    store: Store, catalog: Catalog, seeded: SeededHistory
) -> None:
    report = export(store, catalog, "markdown", NOW)
    assert report.startswith("# backrun report")
    assert "not a diagnosis" in report
    parts = sections(report)
    assert report.count("\n## ") == len(parts)  # each section once
    assert list(parts) == [
        "Summary",  # the story, then what stands today, as the HTML report's page one
        "Everyday",
        "Warning",
        "Current",
        "Flagged",
        "Pain",
        "Exercises",
        "Running",  # no runs yet: no list of them
        "Changes",
    ]

    assert parts["Everyday"].strip().endswith("No everyday activities named yet.")
    trend = parts["Pain"]
    assert "a week a bar from the week of 12 Oct 2026 to the week of 23 Nov 2026" in trend
    assert "| 12 Oct 2026 | 4/10 | 1 |" in trend
    assert "| 19 Oct 2026 | - | 0 |" in trend  # no check that week
    assert "| 16 Nov 2026 | 1.5/10 | 2 |" in trend  # median of 2 and 1
    assert trend.index("12 Oct 2026") < trend.index("16 Nov 2026")
    trained = parts["Exercises"]
    assert "| 1 Superman | Oct 2026 to Nov 2026, 5 sessions |" in trained
    assert (
        "| 3 Single Leg Balance & Reach | Oct 2026 to Nov 2026, 2 sessions; "
        "flagged painful in Nov 2026 |"
    ) in trained

    plan = parts["Current"]
    for exercise_id in seeded.plan.exercise_ids:
        assert catalog.get(exercise_id).name in plan
    assert "rung 5: Single Leg Bridge" in plan
    assert "High Plank Leg Lifts" not in plan  # moved up from it
    assert "Cat Cow" in plan  # the stretches

    flagged = parts["Flagged"]
    assert "02 Nov 2026: Single Leg Balance & Reach flagged painful, pain 6/10" in flagged
    assert "resting: Single Leg Balance & Reach since 02 Nov 2026" in flagged
    assert "retest offered from 16 Nov 2026" in flagged

    changes = parts["Changes"]
    assert len(seeded.decisions) == 2
    for text in seeded.decisions:
        assert text in changes
    assert "flagged painful (pain 6/10)" in changes and "too easy" in changes
    assert changes.index("02 Nov 2026") < changes.index("09 Nov 2026")
    assert "Sessions recorded: 5." in report


# --- a fresh data folder --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_fresh_data_folder_exports(tmp_path: Path, catalog: Catalog, fmt: str) -> None:
    fresh = Store.open(tmp_path / "fresh")
    text = export(fresh, catalog, fmt, NOW)  # type: ignore[arg-type]
    assert text.strip()
    if fmt == "csv":
        assert csv_rows(text) == []
        assert next(csv.reader(io.StringIO(text)))[0] == "session_id"
    elif fmt == "json":
        document = json.loads(text)
        assert document["sessions"] == [] and document["checks"] == []
        assert document["plan"] is None and document["unfinished_session"] is None
    else:
        for empty in (
            "No symptom checks yet.",
            "No strength exercises chosen yet.",
            "Nothing recorded yet: no symptom check and no session.",
            "No changes yet.",
            "No runs imported or logged yet.",
            "Sessions recorded: 0.",
        ):
            assert empty in text
    assert not list((tmp_path / "fresh").glob("history/*.json"))  # exporting wrote nothing


def test_in_memory_store_exports(catalog: Catalog) -> None:
    memory = Store.in_memory()
    seeded = seed_history(memory, catalog)
    document = json.loads(export(memory, catalog, "json", NOW))
    assert [codec.session_from_doc(d) for d in document["sessions"]] == seeded.sessions


def test_the_pattern_and_the_running_weeks_read_the_same_in_both_reports(
    store: Store, catalog: Catalog, seeded: SeededHistory
) -> None:
    store.save_runs(
        [Run(f"r{n}", NOW - timedelta(days=1 + 2 * n), 3900, 11000.0, "fit") for n in range(12)]
    )
    markdown = export(store, catalog, "markdown", NOW)
    html = export(store, catalog, "html", NOW)
    running = sections(markdown)["Running"]
    pattern = next(line for line in running.splitlines() if line.startswith("Your pattern"))
    assert pattern.startswith("Your pattern (the last 52 weeks, since 24 Nov 2025): ")
    assert escape(pattern) in html
    assert "| 16 Nov 2026 | 260 | 44.0 |" in running
    assert "16 Nov 2026: 260 min" in html  # the same week's bar in the HTML chart
