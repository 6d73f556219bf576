"""How backrun ends: on Ctrl+Q, asking first when something is not saved; on a signal or a
terminal that went away, cleanly, with every change saved and the terminal given back, and for
sure within seconds even when Textual is stuck."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

from textual.app import App

from backrun_tui.tui.workarounds import terminal_hung_up

if TYPE_CHECKING:
    from backrun_tui.service import SessionService
    from backrun_tui.tui.spoken_cues import SpokenCues

EXIT_AT_MOST = 2.0  # seconds after a signal: the app exits then even if no refresh came
# Seconds after a signal: if Textual has still not exited (stuck in a long layout, or its queue
# held up behind a storm of resizes), give the terminal back and end the process.
EXIT_FOR_SURE = 10.0


class Ending(App[None]):
    """The part of the app that quits, and answers SIGTERM, SIGHUP and a hung-up terminal.
    Before the data is open (`launched` False) there is nothing to save."""

    service: SessionService
    spoken: SpokenCues
    launched: bool

    def on_unmount(self) -> None:
        """However backrun ends (a browser's server stopping too), what is pending is tried
        once more."""
        if self.launched:
            self.service.flush()
            self.spoken.close()

    async def action_quit(self) -> None:
        """Ctrl+Q (and q on the summary): quit, asking first when something is not saved."""
        self.run_worker(self.confirm_quit(), group="quit", exclusive=True)

    async def confirm_quit(self) -> bool:
        """Save what is pending; quit if all is saved, else ask. True when quitting."""
        if self.launched and not self.service.flush():
            from backrun_tui.tui.screens.dialogs import ConfirmScreen

            question = (
                f"{self.service.unsaved} Quit anyway? What is not saved will be lost. "
                "(Keep backrun open and free some space: it tries again every few seconds.)"
            )
            ask = ConfirmScreen(question, "Quit anyway", "Keep backrun open")
            if not await self.push_screen_wait(ask):
                return False
        self.exit()
        return True

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
        if self.launched:
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
        if self.launched and self.service.pending:
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
