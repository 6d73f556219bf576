"""Damaged, foreign-edited and unreadable data files: every record is checked as its file opens;
a bad one is set aside with a message and the rest kept; an unreadable file is left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from history_seed import seed_history

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.report.export import export
from backrun_tui.store.errors import UnreadableFileError
from backrun_tui.store.repository import Store
from backrun_tui.store.schema import BadRecord, ReportDoc, read


def edit(path: Path, change: object) -> None:
    """Change a data file by hand, as a person or another program might."""
    tables = json.loads(path.read_text())
    change(tables)  # type: ignore[operator]
    path.write_text(json.dumps(tables))


def set_aside_files(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.set-aside-*.json"))


def reopen(folder: Path, catalog: Catalog) -> Store:
    return Store.open(folder, known_ids=catalog.exercises)


def test_an_unknown_exercise_in_the_plan_is_dropped_and_the_rest_kept(
    tmp_path: Path, catalog: Catalog
) -> None:
    store = reopen(tmp_path, catalog)
    store.save_plan(Plan(("superman", "beetle")))
    store.close()
    edit(tmp_path / "state.json", lambda t: t["plan"]["1"]["exercise_ids"].append("moonwalk"))
    store = reopen(tmp_path, catalog)
    assert store.load_plan() == Plan(("superman", "beetle"))
    assert "exercises backrun does not know: moonwalk" in store.notes[0]
    [aside] = set_aside_files(tmp_path, "state.json")
    assert "moonwalk" in aside.read_text()
    store.close()
    assert reopen(tmp_path, catalog).notes == []  # fixed for good: no loop


def live_session_file(tmp_path: Path, catalog: Catalog) -> Path:
    store = reopen(tmp_path, catalog)
    seeded = seed_history(store, catalog)
    store.save_live(seeded.sessions[-1])
    store.close()
    return tmp_path / "live.json"


def test_an_unknown_exercise_in_the_live_session_sets_it_aside_once(
    tmp_path: Path, catalog: Catalog
) -> None:
    live = live_session_file(tmp_path, catalog)
    edit(live, lambda t: t["live"]["1"]["workout"]["items"][0].__setitem__(0, "moonwalk"))
    store = reopen(tmp_path, catalog)
    assert store.load_live() is None  # no resume offered of a session that cannot run
    assert "live.json" in store.notes[0] and "moonwalk" in store.notes[0]
    store.close()
    again = reopen(tmp_path, catalog)
    assert again.load_live() is None and again.notes == []  # the next launch is clean


def test_negative_reps_in_the_live_session_never_reach_the_history(
    tmp_path: Path, catalog: Catalog
) -> None:
    live = live_session_file(tmp_path, catalog)
    edit(live, lambda t: t["live"]["1"]["workout"]["done"][0].__setitem__("reps", -5))
    store = reopen(tmp_path, catalog)
    assert store.load_live() is None
    assert "expected a whole number >= 0" in store.notes[0]


def test_a_bad_value_in_the_history_sets_that_session_aside_and_exports_the_rest(
    tmp_path: Path, catalog: Catalog
) -> None:
    store = reopen(tmp_path, catalog)
    seed_history(store, catalog)
    [year] = sorted((tmp_path / "history").glob("*.json"))
    store.close()

    def bad_pain(tables: dict[str, dict[str, dict[str, object]]]) -> None:
        first = tables["sessions"]["1"]
        first["report"]["pain"] = "abc"  # type: ignore[index]

    edit(year, bad_pain)
    store = reopen(tmp_path, catalog)
    sessions = list(store.sessions())
    assert len(sessions) == 4  # five were kept; one is set aside
    assert "pain: expected a whole number, got text" in store.notes[-1]
    report = export(store, catalog, "markdown", sessions[0].started_at)
    assert "Sessions recorded: 4." in report
    assert set_aside_files(year.parent, year.name)


def test_a_truncated_history_file_is_moved_aside_and_said(tmp_path: Path, catalog: Catalog) -> None:
    store = reopen(tmp_path, catalog)
    seed_history(store, catalog)
    [year] = sorted((tmp_path / "history").glob("*.json"))
    store.close()
    year.write_bytes(year.read_bytes()[:200])
    store = reopen(tmp_path, catalog)
    assert list(store.sessions()) == []
    assert any("cut short" in note and year.name in note for note in store.notes)


def no_permission_for(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Reading `locked` fails as it does without read permission (simulated: tests may run as
    root, who may read anything, and on systems without chmod)."""
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)


def test_an_unreadable_file_is_left_alone_with_what_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    before = (tmp_path / "state.json").read_bytes()
    no_permission_for(monkeypatch, tmp_path / "state.json")
    with pytest.raises(UnreadableFileError) as raised:
        Store.open(tmp_path)
    assert "permission denied" in str(raised.value)
    assert "chmod u+rw" in str(raised.value)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live.json", "state.json"]
    assert (tmp_path / "state.json").read_bytes() == before  # nothing moved or rewritten


def test_an_unreadable_history_year_is_skipped_and_said(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = reopen(tmp_path, catalog)
    seed_history(store, catalog)
    [year] = sorted((tmp_path / "history").glob("*.json"))
    store.close()
    no_permission_for(monkeypatch, year)
    store = reopen(tmp_path, catalog)
    assert list(store.sessions()) == []
    assert any("cannot read" in note and year.name in note for note in store.notes)
    assert year.exists() and not set_aside_files(year.parent, year.name)


def test_plain_words_for_what_does_not_fit() -> None:
    with pytest.raises(BadRecord, match="pain: expected a whole number <= 10"):
        read({"pain": 42, "where": "lower", "legs": "none"}, ReportDoc)
    with pytest.raises(BadRecord, match="where: not a value backrun knows: .knee."):
        read({"pain": 2, "where": "knee", "legs": "none"}, ReportDoc)
