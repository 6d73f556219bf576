"""The app and the terminal's size: the too-small notice over any screen while the terminal is
smaller than backrun can lay out, the version in the header only where it fits, and the size
read again once a storm of resizes is over."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.timer import Timer

from backrun_tui import __version__
from backrun_tui.tui.screens.too_small import TooSmallScreen, too_small
from backrun_tui.tui.workarounds import terminal_size_now

SIZE_RECHECK = 0.25  # seconds after the last resize: the terminal's size is read again
VERSION_FROM = 76  # columns: the header has room for the version from here


class FitsTheTerminal(App[None]):
    """The part of the app that follows the terminal's size."""

    plain: bool
    _size_recheck: Timer | None = None

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)
        self.sub_title = self.header_line(event.size.width)
        # Once a storm of resizes is over, make sure the last size heard is the terminal's own
        # (see textual_workarounds.terminal_size_now).
        if self._size_recheck is not None:
            self._size_recheck.stop()
        self._size_recheck = self.set_timer(SIZE_RECHECK, self.match_the_terminal_size)

    def header_line(self, width: int) -> str:
        """The header's second part: the version only where the header has room for it."""
        words = self.SUB_TITLE or ""
        return f"{words} · v{__version__}" if width >= VERSION_FROM else words

    def match_the_terminal_size(self) -> None:
        self._size_recheck = None
        real = terminal_size_now(self)
        if real is not None and real != self.size:
            self.post_message(events.Resize(real, real))

    def check_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height, plain=self.plain):
            if showing:
                self.screen.show_size(width, height)  # type: ignore[attr-defined]
            else:  # (one left under a screen that came up meanwhile goes when back on top)
                self.push_screen(TooSmallScreen(plain=self.plain))
        elif showing:
            self.pop_screen()
