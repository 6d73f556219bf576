"""`backrun history` and `backrun export` in the shell: tables, files, and polite refusals."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from history_seed import SESSION_DAYS, seed_history

from backrun_tui.cli.shell_commands import history_table, run_command
from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.store import codec
from backrun_tui.store.repository import Store

HOLD_LOCK = (
    "import sys\n"
    "from pathlib import Path\n"
    "from backrun_tui.store.lock import DataDirLock\n"
    "lock = DataDirLock(Path(sys.argv[1])).acquire()\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backrun_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BACKRUN_HOME": str(home)},
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def seeded(data: Path, catalog: Catalog) -> Path:
    store = Store.open(data)
    seed_history(store, catalog)
    store.close()
    return data


def table_dates(stdout: str) -> list[datetime]:
    """The dates in the first column of the history table, e.g. "Fri 20 Nov 2026 18:00"."""
    rows = [row for row in stdout.strip().splitlines()[1:] if not row.startswith(" ")]
    return [datetime.strptime(" ".join(row.split()[:5]), "%a %d %b %Y %H:%M") for row in rows]


def test_help_lists_the_commands(tmp_path: Path) -> None:
    helped = run_cli("--help", home=tmp_path)
    assert helped.returncode == 0
    assert "history" in helped.stdout and "export" in helped.stdout
    assert "--plain" in helped.stdout
    export_help = run_cli("export", "--help", home=tmp_path)
    assert export_help.returncode == 0
    assert "csv,json,markdown" in export_help.stdout and "--output" in export_help.stdout
    assert not (tmp_path / "state.json").exists()  # asking for help touches no data


@pytest.mark.parametrize("width", [120, 80, 50])
def test_history_wraps_each_change_in_full_within_the_width(catalog: Catalog, width: int) -> None:
    store = Store.in_memory()
    seed_history(store, catalog)
    sessions = list(store.sessions())
    table = history_table(sessions, width)
    lines = table.splitlines()
    assert all(len(line) <= width for line in lines[1:] if not line[0].isalpha()), table
    flat = " ".join(line.strip() for line in lines)
    for session in sessions:
        for decision in session.decisions:
            assert decision.text in flat  # each change whole, never cut
    assert len([line for line in lines if line[0].isalpha()]) == len(sessions) + 1


def test_history_keeps_a_change_with_a_semicolon_whole_and_counts_sets_not_sides(
    catalog: Catalog,
) -> None:
    """`backrun history` split one change at ";" into what looked like two, and counted the left
    and the right side of a set as two sets."""
    store = Store.in_memory()
    seed_history(store, catalog)
    session = list(store.sessions())[0]
    text = "Superman stays: nothing harder is free; to make it harder: go slower"
    one = Decision("hold", "superman", None, "too easy", text, session.started_at)
    table = history_table([replace(session, decisions=(one,))], 200)
    [row] = [line for line in table.splitlines()[1:] if line[0].isalpha()]
    assert row.endswith(text)  # one change, on its row
    sided = {r.set_number for r in session.workout.done if r.side == "L"}
    assert sided  # the seeded session has a one-sided exercise
    sets = len({(r.exercise_id, r.set_number) for r in session.workout.done})
    assert row.split()[7] == str(sets) and sets < len(session.workout.done)


def test_history_of_a_fresh_folder_says_there_are_none(data: Path, tmp_path: Path) -> None:
    result = run_cli("history", "--data-dir", str(data), home=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    assert "No sessions yet" in result.stdout
    assert result.stderr == ""


def test_history_prints_a_table_newest_first(seeded: Path, tmp_path: Path) -> None:
    result = run_cli("history", "--data-dir", str(seeded), home=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["date", "pain", "day", "sets", "reps", "changes"]
    dates = table_dates(result.stdout)
    assert dates == sorted((d.replace(tzinfo=None) for d in SESSION_DAYS), reverse=True)
    flat = " ".join(line.strip() for line in result.stdout.splitlines())  # changes wrap
    assert "Single Leg Balance & Reach -> Single Leg Balance: flagged painful (pain 6/10)" in flat
    assert "1/10" in result.stdout.splitlines()[1]  # the newest session's pain


def test_history_lists_warning_signs_taken_back_without_a_session(
    data: Path, tmp_path: Path
) -> None:
    store = Store.open(data)
    text = "Warning signs taken back (Chest pain): you said they were a mistake"
    store.log_decisions(
        (Decision("correction", None, None, "mistake", text, datetime(2026, 5, 2)),)
    )
    store.close()
    result = run_cli("history", "--data-dir", str(data), home=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    assert "No sessions yet" in result.stdout
    assert f"02 May 2026 00:00  {text}" in result.stdout


def test_history_limit_and_the_data_dir_from_the_environment(seeded: Path) -> None:
    result = run_cli("--data-dir", str(seeded), "history", "--limit", "2", home=seeded)
    assert result.returncode == 0, result.stderr
    assert len(table_dates(result.stdout)) == 2
    from_env = run_cli("history", "--limit", "1", home=seeded)
    assert table_dates(from_env.stdout) == [SESSION_DAYS[-1].replace(tzinfo=None)]


def test_export_csv_to_a_file(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "sets.csv"
    result = run_cli(
        "export", "--format", "csv", "-o", str(out), "--data-dir", str(seeded), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(out) in result.stderr
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 0
    assert {r["exercise_id"] for r in rows} >= {"superman", "single-leg-balance-reach"}
    assert all(r["reps"].isdigit() for r in rows)


def test_export_json_to_stdout_parses(seeded: Path, tmp_path: Path, catalog: Catalog) -> None:
    result = run_cli("export", "--format", "json", "--data-dir", str(seeded), home=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    sessions = [codec.session_from_doc(d) for d in document["sessions"]]
    assert [s.started_at for s in sessions] == list(SESSION_DAYS)


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_export_of_a_fresh_folder(fmt: str, data: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", fmt, "--data-dir", str(data), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_export_to_an_impossible_place_fails_politely(seeded: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "report.md"
    result = run_cli(
        "export", "--format", "markdown", "-o", str(out), "--data-dir", str(seeded), home=tmp_path
    )
    assert result.returncode == 2
    assert "could not write" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_format_is_refused(data: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", "xml", "--data-dir", str(data), home=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert not data.exists()


@contextmanager
def holding(folder: Path) -> Iterator[None]:
    """Another process holds the data folder's lock, as a running backrun would."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield
    finally:
        assert child.stdin is not None
        child.stdin.close()  # the holder reads stdin to its end, then exits
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


@pytest.fixture
def held(seeded: Path) -> Iterator[Path]:
    with holding(seeded):
        yield seeded


@pytest.mark.parametrize(
    "command",
    [("history",), ("export", "--format", "csv"), ("export", "--format", "json", "-o", "x.json")],
    ids=["history", "export-stdout", "export-file"],
)
def test_commands_read_while_another_backrun_runs_and_change_nothing(
    held: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    before = {p: p.read_bytes() for p in held.rglob("*") if p.is_file()}
    result = subprocess.run(
        [sys.executable, "-m", "backrun_tui", *command, "--data-dir", str(held)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if command[0] == "history":
        assert len(table_dates(result.stdout)) == len(SESSION_DAYS)
    elif "-o" in command:
        assert json.loads((tmp_path / "x.json").read_text())["sessions"]
    else:
        assert result.stdout.count("\n") > len(SESSION_DAYS)
    assert {
        p: p.read_bytes() for p in held.rglob("*") if p.is_file()
    } == before  # read, never written


def test_history_reads_a_folder_with_a_bad_record_and_leaves_it_as_it_is(
    seeded: Path, tmp_path: Path
) -> None:
    year = next((seeded / "history").glob("*.json"))
    data = json.loads(year.read_text())
    first = next(iter(data["sessions"]))
    data["sessions"][first]["report"]["pain"] = "abc"
    year.write_text(json.dumps(data))
    before = {p: p.read_bytes() for p in seeded.rglob("*") if p.is_file()}
    result = run_cli("history", "--data-dir", str(seeded), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(table_dates(result.stdout)) == len(SESSION_DAYS) - 1
    assert "could not be used" in result.stderr and "skipped here" in result.stderr
    assert {p: p.read_bytes() for p in seeded.rglob("*") if p.is_file()} == before


def test_a_reader_that_stops_early_gets_no_traceback(
    seeded: Path, tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`backrun history | head`: the pipe closes before everything is printed."""

    class ClosedPipe(io.StringIO):
        def __init__(self, fd: int) -> None:
            super().__init__()
            self.fd = fd

        def write(self, _: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return self.fd

    with (tmp_path / "stdout").open("w") as stand_in:
        monkeypatch.setattr(sys, "stdout", ClosedPipe(stand_in.fileno()))
        store = Store.open_read_only(seeded)
        args = argparse.Namespace(command="history", limit=20)
        assert run_command(args, store, catalog) == 0
