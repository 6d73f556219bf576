"""The store: what is saved comes back exactly, and damaged or foreign files are never harmed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from store_helpers import finish_in_store

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Feedback, apply_feedback
from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store import state_records
from backrun_tui.store.atomic_storage import write_atomically
from backrun_tui.store.errors import NewerSchemaError, StoreWriteError
from backrun_tui.store.file_checks import SCHEMA_VERSION
from backrun_tui.store.repository import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
PLAN = Plan(("superman", "beetle", "single-leg-bridge", "v-ups"))


def make_session(catalog: Catalog, started: datetime) -> tuple[Session, Plan]:
    """A session part-way through: some sets done, one painful answer and its decision."""
    report = SymptomReport(4, "both", "one", frozenset({"not_improving", "worse_or_limiting"}))
    items = [WorkoutItem("supine-twist", 1), WorkoutItem("single-leg-bridge", 2)]
    workout = start_workout(catalog, items)
    workout, _ = workout.finish_set(started + timedelta(minutes=1), seconds=30)
    workout, _ = workout.finish_set(started + timedelta(minutes=2), seconds=30)
    workout = workout.next_exercise()
    for _ in range(9):
        workout = workout.tap()
    workout, _ = workout.finish_set(started + timedelta(minutes=4), seconds=41)
    workout = workout.tap().tap()
    feedback = Feedback("single-leg-bridge", "painful", 7, started + timedelta(minutes=5))
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=False)
    session = Session(
        new_session_id(started), started, report, "go", "full", workout
    ).with_feedback(feedback, decisions)
    return session, plan


def test_plan_round_trip(store: Store, now: datetime) -> None:
    assert store.load_plan() is None
    plan = Plan(PLAN.exercise_ids, (Bench("side-plank-lifts", now.date()),))
    store.save_plan(plan)
    assert store.load_plan() == plan
    store.save_plan(PLAN)
    assert store.load_plan() == PLAN


def test_live_session_round_trip_is_exact(store: Store, catalog: Catalog, now: datetime) -> None:
    session, _ = make_session(catalog, now)
    assert store.load_live() is None
    store.save_live(session)
    loaded = store.load_live()
    assert loaded == session
    assert loaded is not None and loaded.workout.count == 2
    assert len(loaded.workout.done) == 3
    store.discard_live()
    assert store.load_live() is None


def test_finish_session_moves_it_to_history(store: Store, catalog: Catalog, now: datetime) -> None:
    older, _ = make_session(catalog, now - timedelta(days=80))  # the year before
    finish_in_store(store, older, PLAN, now - timedelta(days=80, hours=-1))
    session, plan = make_session(catalog, now)
    store.save_live(session)
    ended_at = now + timedelta(minutes=30)
    finish_in_store(store, session, plan, ended_at)

    assert store.load_live() is None
    assert store.load_plan() == plan
    history = list(store.sessions())
    assert [s.id for s in history] == [session.id, older.id]
    assert history[0] == session.ended(ended_at)
    assert [(r.side, r.reps) for r in store.last_sets("single-leg-bridge")] == [("L", 9)]
    assert len(store.last_sets("supine-twist")) == 2
    assert store.last_sets("v-ups") == []
    assert [d.text for d in store.recent_decisions()] == [
        d.text for d in (*older.decisions, *session.decisions)
    ]


def test_finishing_twice_is_exact(store: Store, catalog: Catalog, now: datetime) -> None:
    session, plan = make_session(catalog, now)
    finish_in_store(store, session, plan, now + timedelta(minutes=30))
    first = (list(store.sessions()), store.recent_decisions(), store.last_sets("supine-twist"))
    finish_in_store(store, session, plan, now + timedelta(minutes=31))
    again = (list(store.sessions()), store.recent_decisions(), store.last_sets("supine-twist"))
    assert len(again[0]) == 1
    assert len(again[1]) == len(session.decisions) == 1
    assert again[2] == first[2]
    assert store.load_live() is None


def test_symptom_checks(store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_records, "RECENT_CHECKS", 3)
    assert store.recent_checks() == []
    for days, pain in ((3, 6), (2, 5), (1, 4), (0, 3)):
        store.record_check(SymptomReport(pain, "lower", "none"), "go", now - timedelta(days=days))
    expected = [(now - timedelta(days=d), p) for d, p in ((2, 5), (1, 4), (0, 3))]
    assert store.recent_checks() == expected  # oldest first; the oldest fell off


# --- the files --------------------------------------------------------------------------------


def test_reopening_the_folder_finds_everything(
    tmp_path: Path, catalog: Catalog, now: datetime
) -> None:
    first = Store.open(tmp_path)
    done, plan = make_session(catalog, now - timedelta(days=1))
    finish_in_store(first, done, plan, now - timedelta(hours=23))
    live, _ = make_session(catalog, now)
    first.save_live(live)
    first.record_check(live.report, "go", now)
    first.close()

    second = Store.open(tmp_path)
    assert second.load_plan() == plan
    assert second.load_live() == live
    assert [s.id for s in second.sessions()] == [done.id]
    assert second.recent_checks() == [(now, live.report.pain)]
    assert len(second.recent_decisions()) == 1
    assert len(second.last_sets("single-leg-bridge")) == 1
    second.close()


def test_files_are_private(tmp_path: Path, catalog: Catalog, now: datetime) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    session, plan = make_session(catalog, now)
    finish_in_store(store, session, plan, now)
    store.close()
    files = sorted(data.rglob("*"))
    assert {p.relative_to(data).as_posix() for p in files} == {
        "state.json",
        "live.json",
        "history",
        f"history/{now.year}.json",
    }  # and no temporary files left behind
    for path in files:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


FOREIGN = {
    "garbage": b"\x00\xff\xfe not json at all",
    "truncated": b'{"meta": {"1": {"app": "backrun", "sch',
    "list": b"[1, 2, 3]",
    "users": b'{"users": [1, 2]}',
    "tinydb": b'{"_default": {"1": {"x": 1}}}',
    "other-app": b'{"meta": {"1": {"app": "other", "schema": 1}}}',
    "meta-not-a-table": b'{"meta": [1, 2]}',
}


DAMAGED_RECORDS = {
    "plan-without-ids": b'{"meta": {"1": {"app": "backrun", "schema": 2}}, "plan": {"1": {}}}',
    "check-with-bad-pain": (
        b'{"meta": {"1": {"app": "backrun", "schema": 2}}, "recent_checks": {"1": '
        b'{"pain": 42, "where": "lower", "legs": "none", "flags": [], "at": "2026-01-01"}}}'
    ),
}


def moved_aside(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.damaged-*"))


@pytest.mark.parametrize("name", ["state.json", "live.json"])
@pytest.mark.parametrize("content", FOREIGN.values(), ids=FOREIGN.keys())
def test_a_foreign_file_is_moved_aside_untouched_and_the_store_starts_fresh(
    tmp_path: Path, name: str, content: bytes
) -> None:
    (tmp_path / name).write_bytes(content)
    store = Store.open(tmp_path)
    [aside] = moved_aside(tmp_path, name)
    assert aside.read_bytes() == content  # kept, byte for byte
    assert len(store.notes) == 1
    assert name in store.notes[0] and aside.name in store.notes[0]
    assert store.load_plan() is None and store.load_live() is None
    store.save_plan(PLAN)  # and the fresh file works
    assert Store.open(tmp_path).load_plan() == PLAN


@pytest.mark.parametrize("content", DAMAGED_RECORDS.values(), ids=DAMAGED_RECORDS.keys())
def test_a_damaged_record_is_set_aside_and_the_file_kept(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "state.json").write_bytes(content)
    store = Store.open(tmp_path)
    assert moved_aside(tmp_path, "state.json") == []  # the file stays
    [aside] = sorted(tmp_path.glob("state.json.set-aside-*.json"))
    [kept] = json.loads(aside.read_bytes())
    assert kept["record"] == next(iter(json.loads(content)[kept["table"]].values()))
    assert "set aside" in store.notes[0]


def test_the_in_memory_store_has_nothing_to_move_aside() -> None:
    assert Store.in_memory().notes == []


def test_a_damaged_history_file_is_moved_aside_and_the_rest_reads(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    (tmp_path / "history").mkdir()
    damaged = tmp_path / "history" / "2024.json"
    damaged.write_bytes(b'{"sessions": {"1": ')
    assert list(store.sessions()) == []
    [aside] = moved_aside(tmp_path / "history", "2024.json")
    assert aside.read_bytes() == b'{"sessions": {"1": '
    assert "2024.json" in store.notes[0]


def test_an_older_file_is_migrated_and_the_original_kept(tmp_path: Path) -> None:
    old = {
        "meta": {"1": {"app": "backrun", "schema": 1}},
        "plan": {
            "1": {
                "exercise_ids": ["superman"],
                "benched": [{"id": "beetle", "since": "2026-11-01"}],
            }
        },
    }
    content = json.dumps(old).encode()
    (tmp_path / "state.json").write_bytes(content)
    store = Store.open(tmp_path)
    plan = store.load_plan()
    assert plan is not None and plan.benched[0].exercise_id == "beetle"
    assert plan.benched[0].replaced_by is None
    [backup] = sorted(tmp_path.glob("state.json.v1-backup-*"))
    assert backup.read_bytes() == content
    assert "upgraded" in store.notes[0]
    saved = json.loads((tmp_path / "state.json").read_text())
    assert saved["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert Store.open(tmp_path).notes == []  # migrated once only


def test_a_newer_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    newer = {"meta": {"1": {"app": "backrun", "schema": SCHEMA_VERSION + 1}}, "plan": {}}
    content = json.dumps(newer).encode()
    (tmp_path / "state.json").write_bytes(content)
    with pytest.raises(NewerSchemaError, match="newer backrun"):
        Store.open(tmp_path)
    assert (tmp_path / "state.json").read_bytes() == content


def _check_failed_save_lost_nothing(folder: Path, store: Store) -> None:
    with pytest.raises(StoreWriteError, match="Nothing saved before was lost"):
        store.save_plan(Plan(("v-ups",)))
    assert store.load_plan() == PLAN
    reopened = Store.open(folder)
    assert reopened.load_plan() == PLAN
    reopened.close()


def test_a_failed_write_keeps_what_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path)
    store.save_plan(PLAN)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", disk_full)  # the new content cannot reach the disk
        _check_failed_save_lost_nothing(tmp_path, store)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    store.save_plan(Plan(("v-ups",)))
    assert store.load_plan() == Plan(("v-ups",))


def test_a_read_only_folder_keeps_what_was_saved(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.save_plan(PLAN)
    tmp_path.chmod(0o500)
    try:
        if os.access(tmp_path, os.W_OK):
            pytest.skip("running as a user (root?) that can write into read-only folders")
        _check_failed_save_lost_nothing(tmp_path, store)
    finally:
        tmp_path.chmod(0o700)


def test_write_atomically_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.json"
    write_atomically(target, b'{"a": 1}')
    write_atomically(target, b'{"a": 2}')
    assert target.read_bytes() == b'{"a": 2}'
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_store_coach_and_service_never_import_textual() -> None:
    """Every module of coach/ (and its sub-packages), store/ and runs/, and the service, in a
    fresh interpreter."""
    package = REPO_ROOT / "backrun_tui"
    modules = ["backrun_tui.service"] + [
        "backrun_tui." + ".".join(path.relative_to(package).with_suffix("").parts)
        for part in ("coach", "store", "runs")
        for path in sorted((package / part).rglob("*.py"))
        if path.stem != "__init__"
    ]
    assert "backrun_tui.coach.session.session_model" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        sys.exit('importing ' + name + ' loaded textual')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
