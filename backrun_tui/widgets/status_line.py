"""A screen's own message line, above its keys: on a narrow terminal the app's messages go here
instead of toasts, which would stack over the counter and hide what a runner must read."""

from __future__ import annotations

import time

from rich.markup import escape
from textual.timer import Timer
from textual.widgets import Static

SHOWN_AT_MOST = 3  # messages at once; the oldest goes first


class StatusLine(Static):
    """Messages wrap in full; each one goes when its time is up (or a newer one pushes it out)."""

    def __init__(self) -> None:
        super().__init__("", id="status-line", markup=True)
        self.messages: list[tuple[float, str, str]] = []  # (until, text, severity)
        self.sweeper: Timer | None = None

    def say(self, message: str, title: str, severity: str, seconds: float) -> None:
        words = f"{title}: {message}" if title and not message.startswith(title) else message
        self.messages = [m for m in self.messages if m[1] != words][-(SHOWN_AT_MOST - 1) :]
        self.messages.append((time.monotonic() + seconds, words, severity))
        self.show()
        if self.sweeper is None:
            self.sweeper = self.set_interval(0.5, self.sweep)

    def sweep(self) -> None:
        now = time.monotonic()
        kept = [m for m in self.messages if m[0] > now]
        if len(kept) != len(self.messages):
            self.messages = kept
            self.show()

    def show(self) -> None:
        worst = "information"
        for _, _, severity in self.messages:
            if severity == "error" or (severity == "warning" and worst != "error"):
                worst = severity
        self.set_classes(f"-{worst}" if self.messages else "")
        self.update("\n".join(escape(text) for _, text, _ in self.messages))
        self.display = bool(self.messages)
