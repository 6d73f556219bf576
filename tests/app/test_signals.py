"""SIGTERM and SIGHUP (terminal closed) in the middle of a set: backrun exits within seconds,
restores the terminal exactly as a normal quit does, and keeps every rep tapped. A signal
during startup restores the terminal too.

The real command runs in a pseudo-terminal, driven by the bytes a terminal would send."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import AppFactory
from textual.drivers.headless_driver import HeadlessDriver

from backrun_tui.coach.plan import Plan
from backrun_tui.store.repository import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
F2, ENTER, SPACE = b"\x1bOQ", b"\r", b" "
TAPS = 3
# What must be switched back on the way out: the alternate screen left, the cursor shown,
# mouse reporting and bracketed paste turned off.
MUST_RESTORE = [b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l", b"\x1b[?1006l", b"\x1b[?2004l"]
CSI_RUN_AT_END = re.compile(rb"(?:\x1b\[[0-9;?<>=]*[A-Za-z~])+\Z")
MODE_CHANGE = re.compile(rb"\x1b\[[?<][0-9;]*[A-Za-z]")


class Terminal:
    """backrun running in a pseudo-terminal of 80x24, with everything it wrote."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env.update(TERM="xterm-256color", PYTHONPATH=str(REPO_ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backrun_tui", "--data-dir", str(data)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=REPO_ROOT,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, seconds: float) -> bool:
        """Collect output for a while; False once the terminal has nothing more to give."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the other side is closed
                    return False
                if not chunk:
                    return False
                self.output.extend(chunk)
        return True

    def wait_for(self, condition: object, seconds: float = 15.0) -> None:
        """Read until the output shows `condition` (bytes) or it holds (a callable)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if callable(condition) and condition():
                return
            if isinstance(condition, bytes) and condition in self.output:
                return
            if not self.read(0.05):
                break
        tail = bytes(self.output[-400:])
        raise AssertionError(f"gave up waiting for {condition!r}; the terminal shows {tail!r}")

    def send(self, keys: bytes, then: object) -> None:
        os.write(self.master, keys)
        self.wait_for(then)

    def wait_exit(self, seconds: float) -> int:
        """Read until the process ends (so it never blocks on a full terminal)."""
        end = time.monotonic() + seconds
        while self.process.poll() is None and time.monotonic() < end:
            self.read(0.05)
        code = self.process.poll()
        assert code is not None, f"still running {seconds} s later"
        while self.read(0.1):
            pass
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)

    def live_count(self) -> int | None:
        try:
            doc = json.loads((self.data / "live.json").read_bytes())
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        live = doc.get("live", {}).get("1")
        return live["workout"]["count"] if live else None


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    data = tmp_path / "data"
    store = Store.open(data)
    store.save_plan(Plan(("superman",)))  # a plan, so the exercise picker comes next
    store.close()
    term = Terminal(data)
    yield term
    term.close()


def see_advice(term: Terminal) -> None:
    """F2 until the advice shows: it first pages through the warning signs not yet seen."""
    for _ in range(8):
        os.write(term.master, F2)
        term.read(0.5)
        if b"Running:" in term.output:
            return
    raise AssertionError("F2 never got past the symptom check")


def tap_reps_mid_set(term: Terminal) -> None:
    term.wait_for(b"Pain right now")
    term.send(b"1", then=b"1/10")  # pain 1
    see_advice(term)
    term.send(ENTER, then=b"Easier")  # the exercise picker
    term.send(ENTER, then=b"Space for each rep")  # the rep counter
    for tapped in range(1, TAPS + 1):
        term.send(SPACE, then=lambda n=tapped: term.live_count() == n)
    term.read(0.2)


def restore_sequences(output: bytes) -> list[bytes]:
    """The terminal modes switched in the escape sequences that end the output."""
    run = CSI_RUN_AT_END.search(output)
    assert run is not None, f"the output does not end with escape sequences: {output[-200:]!r}"
    return MODE_CHANGE.findall(run.group())


@pytest.fixture(scope="module")
def normal_quit_restores(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """What backrun writes on the way out after a normal quit (end the session, then q)."""
    data = tmp_path_factory.mktemp("normal") / "data"
    store = Store.open(data)
    store.save_plan(Plan(("superman",)))
    store.close()
    term = Terminal(data)
    try:
        tap_reps_mid_set(term)
        term.send(b"q", then=b"End the session now?")  # mid-set: it asks first
        term.send(b"y", then=b"What you did")  # the summary
        os.write(term.master, b"q")
        assert term.wait_exit(10) == 0
    finally:
        term.close()
    output = bytes(term.output)
    assert b"Traceback" not in output
    store = Store.open(data)
    [session] = list(store.sessions())
    assert sum(r.reps for r in session.workout.done) == TAPS
    store.close()
    return restore_sequences(output)


def test_a_normal_quit_restores_the_terminal(normal_quit_restores: list[bytes]) -> None:
    for sequence in MUST_RESTORE:
        assert sequence in normal_quit_restores


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_mid_set_exits_cleanly_and_keeps_the_reps(
    terminal: Terminal, normal_quit_restores: list[bytes], signum: signal.Signals
) -> None:
    tap_reps_mid_set(terminal)
    sent = time.monotonic()
    terminal.process.send_signal(signum)
    assert terminal.wait_exit(5) == 128 + signum
    assert time.monotonic() - sent < 5
    output = bytes(terminal.output)
    assert b"Traceback" not in output
    assert b"Error" not in output
    assert restore_sequences(output) == normal_quit_restores

    store = Store.open(terminal.data)
    assert store.notes == []
    live = store.load_live()
    assert live is not None and live.ended_at is None  # the next launch offers to resume it
    assert live.workout.count == TAPS
    store.close()


async def test_signals_are_handled_before_the_terminal_is_switched(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No moment where the terminal is in the alternate screen while a SIGTERM or SIGHUP would
    still kill backrun outright (leaving the terminal unusable)."""
    handled: dict[str, bool] = {}
    switch = HeadlessDriver.start_application_mode

    def spy(driver: HeadlessDriver) -> None:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            handled[signum.name] = signal.getsignal(signum) is not signal.SIG_DFL
        switch(driver)

    monkeypatch.setattr(HeadlessDriver, "start_application_mode", spy)
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert handled == {"SIGTERM": True, "SIGHUP": True}


def test_a_signal_while_starting_still_restores_the_terminal(
    tmp_path: Path, normal_quit_restores: list[bytes]
) -> None:
    """SIGTERM the moment the terminal switches to the alternate screen, before the first
    screen is mounted: the terminal comes back all the same."""
    for attempt in range(2):
        term = Terminal(tmp_path / f"data{attempt}")
        try:
            term.wait_for(b"\x1b[?1049h")  # the alternate screen is on
            term.process.send_signal(signal.SIGTERM)
            assert term.wait_exit(5) == 128 + signal.SIGTERM
        finally:
            term.close()
        output = bytes(term.output)
        assert b"Traceback" not in output
        assert restore_sequences(output) == normal_quit_restores, f"attempt {attempt}"
