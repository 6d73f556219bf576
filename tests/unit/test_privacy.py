"""Privacy: backrun opens no network connection, and everything it writes in the data folder
is readable by the user alone, whatever the umask (the tests set a permissive umask of 0)."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from service_driver import new_service, to_picker, whole_workout

from backrun_tui.cli import main as cli
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.session.events import Rated
from backrun_tui.store.lock import LOCK_NAME, DataDirLock
from backrun_tui.store.repository import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
PLAN = Plan(("superman", "beetle"))

# Refuses every way of connecting anywhere and records the attempt. It is installed before
# backrun is imported in the subprocess below, and by the `no_network` fixture in this one.
GUARD = """
import socket

attempts = []

def refuse(*args, **kwargs):
    attempts.append(repr(args[1:3] or args[:1]))
    raise OSError("backrun must not open a network connection")

for name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, name, refuse)
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""

# The real app on a real folder, as the command runs it (lock, store, app): a symptom check,
# three reps, the session ended and filed, then an export of everything into the folder.
APP_SESSION = """
import asyncio, json, os, sys
from pathlib import Path

os.umask(0)
from backrun_tui.tui.app import BackrunApp
from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.ladder.plan import Plan

from backrun_tui.tui.context import Context
from backrun_tui.store.lock import DataDirLock
from backrun_tui.store.repository import Store

data = Path(sys.argv[1])
lock = DataDirLock(data).acquire()
store = Store.open(data)
store.save_plan(Plan(("superman",)))
app = BackrunApp(Context(load_catalog(), store))

async def session():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "f2", "f2", "f2")  # F2 pages through the warning signs first
        await pilot.pause()
        await pilot.press(*"run", "enter", "5", "ctrl+s")  # the everyday activities, scored
        await pilot.pause()
        await pilot.press("enter", "enter", "space", "space", "space", "q", "y")
        await pilot.pause()
        app.action_export()
        await pilot.press("q")  # quit on the summary
    assert app.return_code == 0

asyncio.run(session())
store.close()
print(json.dumps({"attempts": attempts, "sessions": len(list(Store.open(data).sessions()))}))
"""


def private_modes(folder: Path) -> dict[str, str]:
    """The paths in `folder` (itself included) whose permissions are not 0700 / 0600."""
    wrong = {}
    for path in [folder, *folder.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode != expected:
            wrong[path.relative_to(folder).as_posix() or "."] = oct(mode)
    return wrong


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[1:3] or args[:1]))
        raise OSError("backrun must not open a network connection")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_guard_catches_a_connection(no_network: list[str]) -> None:
    with pytest.raises(OSError, match="must not"):
        socket.create_connection(("example.org", 80), timeout=1)
    with socket.socket() as sock, pytest.raises(OSError, match="must not"):
        sock.connect(("127.0.0.1", 9))
    assert len(no_network) == 2


def whole_session(catalog: Catalog, store: Store, start: datetime) -> None:
    """A session as the app runs it, through the service: check, sets, a painful answer,
    filed in the history."""
    store.save_plan(PLAN)
    service = new_service(catalog, store, start)
    to_picker(service)

    def rate(exercise_id: str) -> Rated:
        return Rated("painful", 3) if exercise_id == "beetle" else Rated("just_right")

    assert "beetle" in whole_workout(service, rate=rate)
    assert service.state.stage == "summary" and not service.pending
    assert service.state.session is not None and service.state.session.decisions


def test_store_coach_and_commands_open_no_connection_and_keep_files_private(
    tmp_path: Path,
    catalog: Catalog,
    now: datetime,
    no_network: list[str],
    permissive_umask: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    lock = DataDirLock(data).acquire()
    store = Store.open(data)
    whole_session(catalog, store, now)
    store.close()
    lock.release()
    assert cli.main(["history", "--data-dir", str(data)]) == 0
    out = tmp_path / "exports" / "all.json"
    assert cli.main(["export", "--data-dir", str(data), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text())  # something was exported
    capsys.readouterr()

    assert no_network == []
    names = {p.relative_to(data).as_posix() for p in data.rglob("*")}
    assert {"state.json", "live.json", LOCK_NAME, "history", f"history/{now.year}.json"} <= names
    assert private_modes(data) == {}
    assert private_modes(out.parent) == {}  # an export is as private as the data


def test_the_app_opens_no_connection_and_keeps_files_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-c", GUARD + APP_SESSION, str(data)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"attempts": [], "sessions": 1}
    names = {p.relative_to(data).as_posix() for p in data.rglob("*")}
    assert {"state.json", "live.json", LOCK_NAME, "history", "exports"} <= names
    assert any(n.startswith("history/") for n in names)
    assert any(n.startswith("exports/") for n in names)
    assert private_modes(data) == {}


def test_the_folders_made_for_a_nested_data_folder_are_private(
    tmp_path: Path, permissive_umask: None
) -> None:
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o755)
    data = existing / "made" / "for" / "backrun"
    Store.open(data).close()
    for folder in (existing / "made", existing / "made" / "for", data):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert (
        stat.S_IMODE(existing.stat().st_mode) == 0o755
    )  # a folder that was there is left as it was
