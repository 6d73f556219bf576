"""backrun on systems other than Linux, simulated here (CI runs on Linux): nothing POSIX-only is
imported or called unguarded, the lock works without os.uname, and signals Windows lacks are
skipped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from app_helpers import AppFactory

from backrun_tui.store import lock as lock_module
from backrun_tui.store.lock import AlreadyRunningError, DataDirLock

REPO_ROOT = Path(__file__).resolve().parents[2]
WITHOUT_POSIX = """
import sys
for name in ("fcntl", "termios", "pty", "tty", "resource"):
    sys.modules[name] = None  # importing any of these now fails, as on Windows
import backrun_tui.cli.main, backrun_tui.tui.app
import backrun_tui.store.repository, backrun_tui.store.lock
print("imported")
"""


def test_backrun_imports_without_posix_only_modules() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_POSIX],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == "imported\n", result.stderr


def test_the_lock_names_its_holder_without_os_uname(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "uname", raising=False)
    monkeypatch.setenv("COMPUTERNAME", "MAT-PC")
    held = DataDirLock(tmp_path).acquire()
    try:
        with pytest.raises(AlreadyRunningError, match="on MAT-PC, since"):
            DataDirLock(tmp_path).acquire()
    finally:
        held.release()
    DataDirLock(tmp_path).acquire().release()  # let go: the next one gets in


def test_a_holder_that_cannot_be_read_still_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to read a locked file: the message goes without the holder."""
    held = DataDirLock(tmp_path).acquire()

    def refuse(_path: Path) -> bytes:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(lock_module.Path, "read_bytes", refuse)
    try:
        with pytest.raises(AlreadyRunningError) as raised:
            DataDirLock(tmp_path).acquire()
        assert str(raised.value).startswith(f"backrun is already running on {tmp_path}. Use")
    finally:
        held.release()


async def test_signals_the_system_lacks_are_skipped(
    monkeypatch: pytest.MonkeyPatch, make_app: AppFactory
) -> None:
    """No SIGHUP (Windows), and a signal that cannot be handled here (not the main thread)."""
    monkeypatch.delattr(signal, "SIGHUP", raising=False)
    asked: list[object] = []
    real = signal.signal

    def not_here(signum: signal.Signals, handler: Any) -> Any:
        if signum != signal.SIGTERM:  # the test runner's own (SIGINT) go through
            return real(signum, handler)
        asked.append(signum)
        raise ValueError("signal only works in main thread of the main interpreter")

    monkeypatch.setattr(signal, "signal", not_here)
    make_app().watch_signals()  # neither raises nor asks for SIGHUP
    assert asked == [signal.SIGTERM]
