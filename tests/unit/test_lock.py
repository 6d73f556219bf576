"""One backrun per data folder: a second one is told who holds it, exits 3 and writes nothing,
and a holder killed with SIGKILL lets go of the folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backrun_tui.cli import main as cli
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.store.lock import LOCK_NAME, AlreadyRunningError, DataDirLock, LockFileError
from backrun_tui.store.repository import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}

HOLDER = """
import sys, time
from pathlib import Path
from backrun_tui.store.lock import DataDirLock

lock = DataDirLock(Path(sys.argv[1])).acquire()  # held while the object lives
print("holding", flush=True)
time.sleep(60)
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A folder with a plan already saved."""
    folder = tmp_path / "data"
    store = Store.open(folder)
    store.save_plan(Plan(("superman", "beetle")))
    store.close()
    return folder


@pytest.fixture
def holder(data: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the folder's lock (killed at the end of the test)."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)],
        cwd=REPO_ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline() == "holding\n"
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by name."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backrun_tui", *args],
        cwd=REPO_ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_a_second_acquire_names_the_holder(data: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(AlreadyRunningError) as raised:
        DataDirLock(data).acquire()
    message = str(raised.value)
    assert f"process {holder.pid} " in message
    assert str(data) in message
    assert "changed nothing" in message


def test_a_second_instance_exits_3_and_writes_nothing(
    data: Path, holder: subprocess.Popen[str]
) -> None:
    before = snapshot(data)
    assert LOCK_NAME in before
    result = run_cli("--data-dir", str(data))
    assert result.returncode == 3
    # Said once the terminal is given back: the check is drawn before the folder is opened.
    said = result.stderr.rsplit("\x1b[?1049l", 1)[-1]
    assert "already running" in said
    assert f"process {holder.pid} " in said
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert snapshot(data) == before
    assert holder.poll() is None  # and the one running carries on


def test_the_lock_is_let_go_when_its_holder_is_killed(
    data: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(AlreadyRunningError):
        DataDirLock(data).acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    lock = DataDirLock(data).acquire()
    try:
        assert (data / LOCK_NAME).read_text().startswith(f"process {os.getpid()} ")
    finally:
        lock.release()


def test_release_lets_the_next_one_in(tmp_path: Path) -> None:
    first = DataDirLock(tmp_path).acquire()
    with pytest.raises(AlreadyRunningError):
        DataDirLock(tmp_path).acquire()  # a second open file, as another process would have
    first.release()
    DataDirLock(tmp_path).acquire().release()


def test_a_folder_in_the_lock_files_place_is_named_in_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / LOCK_NAME).mkdir()
    with pytest.raises(LockFileError, match=f"lock file {tmp_path / LOCK_NAME} .a folder is"):
        DataDirLock(tmp_path).acquire()
    assert cli.main(["--data-dir", str(tmp_path), "runs", "import", str(tmp_path)]) != 0
    said = capsys.readouterr().err
    assert LOCK_NAME in said and "remove or rename what is there" in said
    assert "Traceback" not in said
