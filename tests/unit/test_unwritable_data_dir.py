"""A data folder backrun cannot write: the command says so plainly, exits non-zero without a
traceback and writes nothing; a folder that only reads still shows the history."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from backrun_tui.cli import main as cli
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.store.lock import LOCK_NAME, DataDirLock
from backrun_tui.store.repository import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534
PYTHONPATH = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))


def run_cli(*args: str, user: int | None = None) -> subprocess.CompletedProcess[str]:
    as_user = {"user": user, "group": user, "extra_groups": []} if user is not None else {}
    return subprocess.run(
        [sys.executable, "-m", "backrun_tui", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": PYTHONPATH},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        **as_user,  # type: ignore[arg-type]
    )


LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]")


def data_files(folder: Path) -> dict[str, bytes]:
    """The data files' content (the lock file names whoever holds it, so it is left out)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != LOCK_NAME}


def said_at_the_end(stderr: str) -> str:
    """What is said once the terminal is given back: the app draws its first screen before it
    opens the folder (Textual draws on stderr), and leaves the alternate screen to say why."""
    after = stderr.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[-1]
    return ESCAPES.sub("", after)


def assert_refused(result: subprocess.CompletedProcess[str], folder: Path, reason: str) -> None:
    assert result.returncode == 2
    said = said_at_the_end(result.stderr)
    assert said.startswith("backrun: cannot use ")
    assert str(folder) in said
    assert reason in said
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", [[], ["history"]], ids=["app", "history"])
def test_a_folder_under_a_file_is_refused_plainly(tmp_path: Path, command: list[str]) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    folder = blocker / "backrun"
    assert_refused(run_cli(*command, "--data-dir", str(folder)), folder, "is a file")
    assert blocker.read_text() == "mine"


def test_a_file_in_place_of_the_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    squatter = tmp_path / "backrun"
    squatter.write_text("mine")
    result = run_cli("--data-dir", str(squatter))
    assert_refused(result, squatter, "is a file")
    assert squatter.read_text() == "mine"


@pytest.fixture
def read_only_user() -> int | None:
    """Who runs the command so that a 0555 folder is really read-only: the current user, or
    `nobody` when the tests run as root (root writes anywhere)."""
    if os.geteuid() != 0:
        return None
    try:
        probe = run_cli("--version", user=NOBODY)
    except OSError:
        probe = None
    if probe is None or probe.returncode != 0:
        pytest.skip("running as root, and user nobody cannot run this Python")
    return NOBODY


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder another user can reach (pytest's own is private to root)."""
    top = Path(tempfile.mkdtemp(prefix="backrun-ro-"))
    top.chmod(0o755)
    try:
        yield top
    finally:
        for path in [top, *top.rglob("*")]:
            if path.is_dir():
                path.chmod(0o700)
        shutil.rmtree(top)


def make_read_only(folder: Path, user: int | None) -> None:
    if user is not None:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, user, user)
    folder.chmod(0o555)
    if user is None and os.access(folder, os.W_OK):
        pytest.skip("this user can write into read-only folders")


@pytest.mark.parametrize("command", [[], ["history"]], ids=["app", "history"])
def test_a_new_read_only_folder_is_refused_and_stays_empty(
    shared_tmp: Path, read_only_user: int | None, command: list[str]
) -> None:
    folder = shared_tmp / "data"
    folder.mkdir()
    make_read_only(folder, read_only_user)
    result = run_cli(*command, "--data-dir", str(folder), user=read_only_user)
    assert_refused(result, folder, "Permission denied")
    assert list(folder.iterdir()) == []


def test_a_read_only_folder_with_data_still_shows_the_history(
    shared_tmp: Path, read_only_user: int | None
) -> None:
    folder = shared_tmp / "data"
    lock = DataDirLock(folder).acquire()  # a folder backrun has run on has its lock file
    store = Store.open(folder)
    store.save_plan(Plan(("superman",)))
    store.close()
    lock.release()
    make_read_only(folder, read_only_user)
    before = data_files(folder)
    result = run_cli("history", "--data-dir", str(folder), user=read_only_user)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert data_files(folder) == before


def test_a_read_only_file_system_is_refused_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Runs as any user, root included: creating anything in the folder fails as it does on a
    read-only file system (a mounted backup, a locked-down home)."""
    folder = tmp_path / "data"
    folder.mkdir()
    real_open = os.open

    def read_only_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).startswith(str(folder)) and flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only_open)
    assert cli.main(["--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"backrun: cannot use the data folder {folder}: Read-only file system")
    assert list(folder.iterdir()) == []
