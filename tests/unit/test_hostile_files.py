"""Data files cut short, planted or built to hurt: each opens with a message, the rest kept."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from backrun_tui.cli import main as cli
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store import atomic_storage
from backrun_tui.store.errors import LinkOutsideError
from backrun_tui.store.repository import Store


@pytest.mark.parametrize("name", ["state.json", "live.json"])
def test_a_file_whose_first_stamp_was_cut_short_opens_as_new(tmp_path: Path, name: str) -> None:
    """A kill during the very first save could leave an empty meta table: nothing was in it,
    so it is a new file, not a foreign one."""
    (tmp_path / name).write_text('{"meta": {}}')
    store = Store.open(tmp_path)
    assert store.notes == []
    assert list(tmp_path.glob(f"{name}.damaged-*")) == []


def test_a_new_file_is_stamped_in_one_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[bytes] = []
    original = atomic_storage.write_atomically

    def counting(path: Path, payload: bytes) -> None:
        written.append(payload)
        original(path, payload)

    monkeypatch.setattr(atomic_storage, "write_atomically", counting)
    Store.open(tmp_path).close()
    assert len(written) == 2  # state.json and live.json, each whole in its first write
    assert all(b'"app":"backrun"' in payload for payload in written)


def test_a_link_planted_where_the_temporary_file_was_is_never_written_through(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    for name in (".state.json.tmp", ".live.json.tmp", "history/.2026.json.tmp"):
        (data / name).parent.mkdir(exist_ok=True)
        (data / name).symlink_to(outside)
    store.save_plan(Plan(("superman",)))
    assert outside.read_text() == "keep me"
    assert Store.open(data).load_plan() == Plan(("superman",))


def test_temporary_files_have_fresh_random_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name no one can plant a link at in advance."""
    renamed: list[str] = []
    original = os.replace

    def recording(source: str, target: str) -> None:
        renamed.append(Path(source).name)
        original(source, target)

    monkeypatch.setattr(os, "replace", recording)
    for content in (b"{}", b"{}"):
        atomic_storage.write_atomically(tmp_path / "x.json", content)
    assert len(set(renamed)) == 2
    assert all(n.startswith(".x.json.") and n != ".x.json.tmp" for n in renamed)


def saved_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    store = Store.open(data)
    store.save_plan(Plan(("superman",)))
    store.close()
    return data


@pytest.mark.parametrize("read_only", [False, True], ids=["app", "history-command"])
def test_a_data_file_linked_outside_the_folder_is_refused_and_left_alone(
    tmp_path: Path, read_only: bool
) -> None:
    data = saved_folder(tmp_path)
    outside = tmp_path / "elsewhere.json"
    (data / "state.json").rename(outside)
    before = outside.read_bytes()
    (data / "state.json").symlink_to(outside)
    opener = Store.open_read_only if read_only else Store.open
    with pytest.raises(LinkOutsideError, match="is a link to .*elsewhere.json, outside"):
        opener(data)
    assert outside.read_bytes() == before
    assert (data / "state.json").is_symlink()


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    data = saved_folder(tmp_path)
    (data / "state.json").rename(data / "kept.json")
    (data / "state.json").symlink_to(data / "kept.json")
    assert Store.open(data).load_plan() == Plan(("superman",))


def test_a_history_year_linked_outside_is_skipped_with_a_message(tmp_path: Path) -> None:
    data = saved_folder(tmp_path)
    (data / "history").mkdir()
    outside = tmp_path / "2025.json"
    outside.write_text('{"meta": {"1": {"app": "backrun", "schema": 2}}}')
    (data / "history" / "2025.json").symlink_to(outside)
    store = Store.open(data)
    assert list(store.sessions()) == []
    assert any("2025.json is a link" in note for note in store.notes)
    assert store.load_plan() == Plan(("superman",))


def test_a_live_session_dated_in_the_future_is_set_aside_and_said(
    tmp_path: Path, catalog: Catalog
) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    workout = start_workout(catalog, [WorkoutItem("superman", 2)]).tap().tap()
    far = datetime(2099, 6, 1, 7, 30, tzinfo=UTC)
    store.save_live(
        Session(new_session_id(far), far, SymptomReport(2, "lower", "none"), "go", "full", workout)
    )
    store.close()
    reopened = Store.open(data)
    assert reopened.load_live() is None
    [note] = reopened.notes
    assert "dated 01 Jun 2099, in the future" in note and "set aside" in note
    [aside] = data.glob("live.json.set-aside-*.json")
    assert "2099-06-01" in aside.read_text()


def test_a_time_a_few_hours_ahead_of_this_clock_is_kept(tmp_path: Path, catalog: Catalog) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    soon = datetime.now(timezone(timedelta(hours=14))) + timedelta(hours=2)
    workout = start_workout(catalog, [WorkoutItem("superman", 2)]).tap()
    store.save_live(
        Session(
            new_session_id(soon), soon, SymptomReport(2, "lower", "none"), "go", "full", workout
        )
    )
    store.close()
    reopened = Store.open(data)
    assert reopened.notes == [] and reopened.load_live() is not None


def hostile_folder(tmp_path: Path, name: str, change: object) -> Path:
    """A saved folder, then one of its files changed by hand as `change` says."""
    data = saved_folder(tmp_path)
    path = data / name
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        path.write_text('{"meta": {"1": {"app": "backrun", "schema": 2}}}')
    tables = json.loads(path.read_text())
    text = change(tables) if callable(change) else None
    path.write_text(text if isinstance(text, str) else json.dumps(tables))
    return data


NOT_RECORDS = {
    "settings-list": ("state.json", "settings", [1, 2], "it is a list, not a record"),
    "run-text": ("runs.json", "runs", "abc", "it is text, not a record"),
    "session-text": ("history/2026.json", "sessions", "abc", "it is text, not a record"),
    "live-number": ("live.json", "live", 7, "it is a number, not a record"),
    "change-null": ("history/2025.json", "changes", None, "it is nothing, not a record"),
}


@pytest.mark.parametrize(("name", "table", "entry", "why"), NOT_RECORDS.values(), ids=NOT_RECORDS)
def test_an_entry_that_is_not_a_record_is_set_aside_and_the_rest_kept(
    tmp_path: Path, name: str, table: str, entry: object, why: str
) -> None:
    data = hostile_folder(tmp_path, name, lambda t: t.setdefault(table, {}).update({"1": entry}))
    store = Store.open(data)
    list(store.sessions())  # history and runs files are opened when first read
    store.runs()
    store.load_settings()
    [note] = store.notes
    assert why in note and "set aside" in note
    assert store.load_plan() == Plan(("superman",))  # the rest kept
    store.close()
    [aside] = (data / name).parent.glob(f"{Path(name).name}.set-aside-*.json")
    assert json.loads(aside.read_text())[0]["record"] == entry  # kept exactly
    reopened = Store.open(data)
    list(reopened.sessions())
    reopened.runs()
    assert reopened.notes == []  # and the file is right now: said once


def test_a_record_number_that_is_not_a_number_is_set_aside(tmp_path: Path) -> None:
    data = hostile_folder(tmp_path, "state.json", lambda t: t["plan"].update({"abc": {}}))
    store = Store.open(data)
    assert "record number 'abc'" in store.notes[0]
    assert store.load_plan() == Plan(("superman",))


def test_a_number_of_five_thousand_digits_sets_its_record_aside(tmp_path: Path) -> None:
    def huge(tables: dict[str, Any]) -> str:
        tables["plan"]["1"]["reps"] = "HUGE"
        tables["recent_checks"] = {"1": {"pain": "HUGE"}}
        return json.dumps(tables).replace('"HUGE"', "9" * 5000)

    data = hostile_folder(tmp_path, "state.json", huge)
    store = Store.open(data)
    assert "2 records in state.json" in store.notes[0]
    assert "a number far longer than any backrun writes" in store.notes[0]
    assert store.load_plan() is None and store.recent_checks() == []
    [aside] = data.glob("state.json.set-aside-*.json")
    assert "9" * 5000 in aside.read_text()  # every digit kept


def test_nesting_a_hundred_thousand_deep_moves_the_file_aside(tmp_path: Path) -> None:
    def deep(tables: dict[str, Any]) -> str:
        return json.dumps(tables)[:-1] + ', "x": {"1": ' + "[" * 100_000 + "]" * 100_000 + "}}"

    data = hostile_folder(tmp_path, "state.json", deep)
    store = Store.open(data)
    assert "nested far too deeply" in store.notes[0] and "moved aside" in store.notes[0]
    assert len(list(data.glob("state.json.damaged-*"))) == 1
    store.save_plan(Plan(("beetle",)))  # and the fresh file works


def test_an_unreadable_runs_file_leaves_the_runs_out_of_an_export_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = saved_folder(tmp_path)
    (data / "runs.json").mkdir()  # a folder where the runs file goes: it cannot be read
    for kind in ("json", "markdown", "html"):
        out = tmp_path / f"report.{kind}"
        assert cli.main(["export", "--data-dir", str(data), "--format", kind, "-o", str(out)]) == 0
        said = capsys.readouterr().err
        assert "runs.json (a folder is in its place)" in said and "Traceback" not in said
        text = out.read_text()
        if kind == "json":
            assert json.loads(text)["runs_not_read"].startswith("backrun cannot read")
        else:
            assert "Your runs could not be read, so none are in this report" in text
    assert (data / "runs.json").is_dir()  # left as it was
