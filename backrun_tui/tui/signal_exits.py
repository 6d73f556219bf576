"""How backrun ends on a signal or a terminal that went away: cleanly, with every change saved
and the terminal given back, and for sure within seconds even when Textual is stuck."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import sys
import threading

from textual.app import App

from backrun_tui.service import SessionService
from backrun_tui.tui.workarounds import terminal_hung_up

EXIT_AT_MOST = 2.0  # seconds after a signal: the app exits then even if no refresh came
# Seconds after a signal: if Textual has still not exited (stuck in a long layout, or its queue
# held up behind a storm of resizes), give the terminal back and end the process.
EXIT_FOR_SURE = 10.0


class SignalExits(App[None]):
    """The part of the app that answers SIGTERM, SIGHUP and a hung-up terminal."""

    service: SessionService

    def watch_signals(self) -> None:
        """Terminal closed (SIGHUP) or asked to stop (SIGTERM): save and exit cleanly, so the
        terminal is restored. Every change is saved as it happens, so exiting loses nothing."""
        self.signal_loop = asyncio.get_running_loop()
        for signum in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
            if signum is None:  # Windows has no SIGHUP
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, OSError):
                signal.signal(signum, self.on_signal)

    def on_signal(self, signum: int, _frame: object) -> None:
        """Python runs this between any two steps of the main thread, even one stuck in a long
        layout: the clean exit goes to the event loop, and a watchdog thread ends the process
        if that exit has not come within EXIT_FOR_SURE seconds."""
        self.signal_loop.call_soon_threadsafe(self.exit_on_signal, signum)
        watchdog = threading.Timer(EXIT_FOR_SURE, self.end_now, args=(128 + signum,))
        watchdog.daemon = True
        watchdog.start()

    def exit_on_signal(self, signum: int) -> None:
        self.service.flush()
        # After the next refresh, so a screen being mounted right now finishes first (Textual's
        # Header fails if its app exits in between); and a moment later in any case, for a
        # terminal that is gone, where no refresh comes.
        self.call_after_refresh(self.exit, None, 128 + signum)
        self.set_timer(EXIT_AT_MOST, functools.partial(self.exit, None, 128 + signum))

    def end_now(self, code: int) -> None:
        """The last resort after a signal (on the watchdog thread): the terminal restored and
        the process ended. Every change was saved as it happened; what a failing disk still
        holds back is said on the terminal."""
        with contextlib.suppress(Exception):
            if self._driver is not None:
                self._driver.stop_application_mode()
        if self.service.pending:
            print(f"backrun: {self.service.unsaved}", file=sys.stderr)
        sys.stderr.flush()
        os._exit(code)

    def watch_terminal(self) -> None:
        """Look every second whether the terminal has hung up without a SIGHUP (see
        textual_workarounds); then leave as on SIGHUP. Only on a real terminal."""
        stdin = sys.__stdin__
        if self.is_headless or stdin is None or not stdin.isatty():
            return
        fd = stdin.fileno()

        def look() -> None:
            if terminal_hung_up(fd):
                watcher.stop()
                self.exit_on_signal(signal.SIGHUP)

        watcher = self.set_interval(1.0, look)
