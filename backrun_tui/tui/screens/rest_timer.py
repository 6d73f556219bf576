"""The rest timer between sets: a big mm:ss countdown, +/-15 s, skip, and a bell at the end."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Label, ProgressBar

from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.big_digits import BigDigits
from backrun_tui.tui.widgets.key_legend import footer

STEP_SECONDS = 15
MAX_REST = 10 * 60


def mmss(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class RestSecondsLeft(Message):
    """The rest's start, or a second of it gone (for the spoken cues)."""

    def __init__(self, left: int, next_up: str, *, starting: bool = False) -> None:
        super().__init__()
        self.left, self.next_up, self.starting = left, next_up, starting


class RestTimerScreen(Screen[int]):
    """Counts down, then dismisses with the seconds actually rested."""

    CSS_PATH = css("rest_timer")
    BINDINGS = [
        Binding("plus,equals_sign", "adjust(15)", "15 s more", id="more", key_display="+"),
        Binding("minus", "adjust(-15)", "15 s less", id="less", key_display="-"),
        Binding("s,enter,space", "skip", "Skip rest", id="skip"),
    ]

    def __init__(
        self, seconds: int, next_up: str, *, bell: bool, progress: float, plain: bool = False
    ) -> None:
        super().__init__()
        self.remaining = seconds
        self.rested = 0
        self.next_up = next_up
        self.bell = bell
        self.session_progress = progress
        self.plain = plain
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="rest"):
            yield Label("Rest", id="rest-title")
            yield BigDigits(mmss(self.remaining), plain=self.plain, id="clock")
            yield Label(f"Next: {self.next_up}", id="next-up")
            yield ProgressBar(total=100, show_eta=False, id="session-progress")
        yield from footer()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).update(progress=self.session_progress * 100)
        self._timer = self.set_interval(1.0, self.tick)
        self.post_message(RestSecondsLeft(self.remaining, self.next_up, starting=True))

    def tick(self) -> None:
        """One second passes."""
        self.remaining = max(self.remaining - 1, 0)
        self.rested += 1
        self.query_one(BigDigits).value = mmss(self.remaining)
        self.post_message(RestSecondsLeft(self.remaining, self.next_up))
        if self.remaining == 0:
            if self.bell:
                self.app.bell()
            self.finish()

    def action_adjust(self, delta: int) -> None:
        self.remaining = min(max(self.remaining + delta, 0), MAX_REST)
        self.query_one(BigDigits).value = mmss(self.remaining)
        if self.remaining == 0:
            self.finish()

    def action_skip(self) -> None:
        self.finish()

    def finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.dismiss(self.rested)
