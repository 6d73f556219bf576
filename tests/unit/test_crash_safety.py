"""Killed mid-set: a process tapping reps through the real coach and store is killed with
SIGKILL at random moments; after every kill the folder opens cleanly and holds every rep whose
save had returned."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backrun_tui.store.repository import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
KILLS = 7
SEED = 20261123

# Taps reps (a set is finished every 10 taps, so the count never reaches its cap) and prints
# the reps kept so far after each save has returned. A second run resumes the saved session.
TAPPER = """
import sys
from datetime import datetime
from pathlib import Path

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.store.lock import DataDirLock
from backrun_tui.store.repository import Store

folder = Path(sys.argv[1])
DataDirLock(folder).acquire()
store = Store.open(folder)
session = store.load_live()
if session is None:
    now = datetime.now().astimezone()
    workout = start_workout(load_catalog(), [WorkoutItem("superman", 100_000)])
    report = SymptomReport(2, "lower", "none")
    session = Session(new_session_id(now), now, report, "go", "full", workout)
while True:
    workout = session.workout.tap()
    if workout.count == 10:
        workout, _ = workout.finish_set(datetime.now().astimezone())
    session = session.with_workout(workout)
    store.save_live(session)
    print(sum(r.reps for r in workout.done) + workout.count, flush=True)
"""


def reps_kept(store: Store) -> int:
    live = store.load_live()
    assert live is not None
    return sum(r.reps for r in live.workout.done) + live.workout.count


def last_printed(output: bytes) -> int | None:
    """The last count whose line was printed whole (the kill may cut a line short)."""
    lines = output.split(b"\n")[:-1]
    return int(lines[-1]) if lines else None


def tap_then_kill(script: Path, data: Path, delay: float) -> int | None:
    """Run the tapper, kill it `delay` seconds after its first printed count (or during its
    start when delay < 0), and return the last count it printed."""
    child = subprocess.Popen(
        [sys.executable, str(script), str(data)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert child.stdout is not None
    try:
        if delay < 0:
            time.sleep(-delay)
        else:
            started, _, _ = select.select([child.stdout], [], [], 20)
            assert started, "the tapper printed nothing for 20 s"
            first = child.stdout.readline()  # the first save has returned
            assert first, child.stderr.read() if child.stderr else b""
            time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, err.decode()
    return last_printed(first + out if delay >= 0 else out)


def test_every_rep_saved_before_a_kill_is_kept(tmp_path: Path) -> None:
    script = tmp_path / "tapper.py"
    script.write_text(TAPPER)
    data = tmp_path / "data"
    rng = random.Random(SEED)
    delays = [-rng.uniform(0.0, 0.3)] + [rng.uniform(0.0, 0.4) for _ in range(KILLS - 1)]
    kept_before = 0
    for round_number, delay in enumerate(delays):
        printed = tap_then_kill(script, data, delay)
        store = Store.open(data)  # never raises: no file was left unreadable
        assert store.notes == [], f"round {round_number}: {store.notes}"
        if printed is not None:
            kept = reps_kept(store)
            assert kept >= printed, f"round {round_number}: saved {printed}, found {kept}"
            assert kept >= kept_before  # the resumed session went on from what was saved
            kept_before = kept
        store.close()
        leftovers = [p.name for p in data.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []  # a write cut short leaves one; opening the folder removes it
    assert kept_before > 0, "the tapper never got to save a rep"


@pytest.mark.parametrize(
    "leftover", [b"", b'{"meta": {"1": {"app": "backr', b"\x00" * 64], ids=["empty", "cut", "zeros"]
)
def test_a_leftover_temporary_file_does_not_break_opening(tmp_path: Path, leftover: bytes) -> None:
    """A kill between writing the temporary file and renaming it leaves it behind: the next
    launch reads the real file, and the next save simply writes over the leftover."""
    script = tmp_path / "tapper.py"
    script.write_text(TAPPER)
    data = tmp_path / "data"
    printed = tap_then_kill(script, data, 0.1)
    assert printed is not None
    for name in (".live.json.tmp", ".state.json.tmp"):
        (data / name).write_bytes(leftover)

    store = Store.open(data)
    assert store.notes == []
    assert reps_kept(store) >= printed
    store.close()
    again = tap_then_kill(script, data, 0.1)  # the tapper resumes and saves over the leftover
    assert again is not None and again > printed
    store = Store.open(data)
    assert store.notes == []
    assert reps_kept(store) >= again
    store.close()


def test_temporaries_left_by_a_killed_write_are_removed_at_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store.open(data).close()
    (data / "history").mkdir(exist_ok=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    strays = [
        data / ".live.json.tmp",
        data / ".state.json.tmp",
        data / "history" / ".2026.json.tmp",
    ]
    for stray in strays[:2]:
        stray.write_text('{"half": ')
    strays[2].symlink_to(outside)
    store = Store.open(data)
    store.close()
    assert not any(s.exists() or s.is_symlink() for s in strays)
    assert outside.read_text() == "keep me"  # a link is removed, never what it points to
