"""A screen's own message line, above its keys: the app's messages go here instead of toasts,
which stacked over the counter and hid what a runner must read. The messages belong to the app,
so one said just before a form closes is still there on the screen below."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from rich.markup import escape
from textual.widget import Widget
from textual.widgets import Static

SHOWN_AT_MOST = 3  # messages at once; the oldest goes first


# Titles that speak of the same thing: a newer one replaces the older ("Saved" after "Not
# saved", and the other way round), so the line never says both.
TOPICS = {"Saved": "saving", "Not saved": "saving", "Pain scale": "pain scale"}


@dataclass(frozen=True)
class Message:
    until: float  # time.monotonic() when it goes
    text: str
    severity: str
    topic: str  # a newer message of the same topic replaces it


@dataclass
class Messages:
    """What the app has said lately, newest last."""

    said: list[Message] = field(default_factory=list)

    def add(self, message: str, title: str, severity: str, seconds: float) -> None:
        words = f"{title}: {message}" if title and not message.startswith(title) else message
        topic = TOPICS.get(title, words)
        kept = [m for m in self.current() if m.topic != topic][-(SHOWN_AT_MOST - 1) :]
        self.said = [*kept, Message(time.monotonic() + seconds, words, severity, topic)]

    def withdraw(self, topic: str) -> None:
        """A message no longer true goes at once (the pain scale's refusal, once corrected)."""
        self.said = [m for m in self.said if m.topic != topic]

    def current(self) -> list[Message]:
        now = time.monotonic()
        self.said = [m for m in self.said if m.until > now]
        return self.said


class StatusLine(Static):
    """Shows the app's current messages, each in full, until its time is up."""

    def __init__(self, messages: Messages | None = None) -> None:
        super().__init__("", id="status-line", markup=True)
        self.messages = messages
        self.shown: list[str] = []

    def on_mount(self) -> None:
        self.show()
        self.set_interval(0.5, self.show)

    def said(self) -> Messages:
        """The app's messages (found on first use: a key can bring one before this mounts)."""
        if self.messages is None:
            found = getattr(self.app, "status_messages", None)
            self.messages = found if isinstance(found, Messages) else Messages()
        return self.messages

    def show(self) -> None:
        current = self.said().current()
        texts = [m.text for m in current]
        if texts == self.shown:
            return
        self.shown = texts
        severities = {m.severity for m in current}
        worst = next((s for s in ("error", "warning") if s in severities), "information")
        self.set_classes(f"-{worst}" if current else "")
        self.update("\n".join(escape(text) for text in texts))
        self.display = bool(texts)


def say_on_screen(
    screen: Widget, messages: Messages, message: str, title: str, severity: str, seconds: float
) -> bool:
    """Put a message on `screen`'s own line; False when it has none."""
    lines = screen.query(StatusLine)
    if not lines:
        return False
    messages.add(message, title, severity, seconds)
    lines.first().show()
    return True
