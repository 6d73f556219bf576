"""SIGTERM and SIGHUP (terminal closed) in the middle of a set: backrun exits within seconds,
restores the terminal exactly as a normal quit does, and keeps every rep tapped. A signal
during startup restores the terminal too.

The real command runs in a pseudo-terminal, driven by the bytes a terminal would send."""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import AppFactory, wait_until
from backrun_terminal import Backrun
from textual.drivers.headless_driver import HeadlessDriver
from walk import TAPS, tap_reps_mid_set

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.store.repository import Store
from backrun_tui.tui import ending

# What must be switched back on the way out: the alternate screen left, the cursor shown,
# mouse reporting and bracketed paste turned off.
MUST_RESTORE = [b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l", b"\x1b[?1006l", b"\x1b[?2004l"]
CSI_RUN_AT_END = re.compile(rb"(?:\x1b\[[0-9;?<>=]*[A-Za-z~])+\Z")
MODE_CHANGE = re.compile(rb"\x1b\[[?<][0-9;]*[A-Za-z]")


@pytest.fixture
def terminal(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Backrun]:
    data = tmp_path / "data"
    store = Store.open(data)
    store.save_plan(Plan(("superman",)))  # a plan, so the exercise picker comes next
    store.close()
    controlling = "without_a_signal" not in request.node.name
    term = Backrun(data, "80x24", controlling=controlling)
    yield term
    term.close()


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
    term = Backrun(data, "80x24")
    try:
        tap_reps_mid_set(term)
        term.press("q", then="End the session now?")  # mid-set: it asks first
        term.press("y", then="What you did")  # the summary
        term.press("q")
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
    terminal: Backrun, normal_quit_restores: list[bytes], signum: signal.Signals
) -> None:
    tap_reps_mid_set(terminal)
    sent = time.monotonic()
    terminal.signal(signum)
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
        term = Backrun(tmp_path / f"data{attempt}", "80x24")
        try:
            term.wait_for(b"\x1b[?1049h")  # the alternate screen is on
            term.signal(signal.SIGTERM)
            assert term.wait_exit(5) == 128 + signal.SIGTERM
        finally:
            term.close()
        output = bytes(term.output)
        assert b"Traceback" not in output
        assert restore_sequences(output) == normal_quit_restores, f"attempt {attempt}"


def test_a_terminal_that_goes_away_without_a_signal_ends_backrun(terminal: Backrun) -> None:
    """The terminal closes but no SIGHUP comes (backrun is not its controlling process, as
    under some supervisors): backrun notices the hang-up, keeps the reps and exits, instead of
    spinning on the dead terminal for ever and holding the data folder's lock."""
    tap_reps_mid_set(terminal)
    terminal.hang_up()
    assert terminal.wait_exit(15) == 128 + signal.SIGHUP
    store = Store.open(terminal.data)
    live = store.load_live()
    assert live is not None and live.workout.count == TAPS
    store.close()


async def test_a_signal_ends_backrun_even_when_textual_cannot_exit(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's own exit can be held up (seen: a layout after a storm of resizes, minutes
    long): a watchdog thread then gives the terminal back and ends the process."""
    ended: list[int] = []
    monkeypatch.setattr(ending, "EXIT_FOR_SURE", 0.2)
    monkeypatch.setattr(ending.os, "_exit", ended.append)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        monkeypatch.setattr(app, "exit", lambda *args, **kwargs: None)  # stuck
        app.on_signal(signal.SIGTERM, None)  # as Python calls it, between two steps
        await wait_until(pilot, lambda: bool(ended))
        assert ended == [128 + signal.SIGTERM]
