"""Shared helpers of the app tests: a fake clock, key presses, reading the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from textual.pilot import Pilot
from textual.widgets import Static

from backrun_tui.app import BackrunApp

START = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)


class FakeClock:
    """Moves on a minute each time it is read, so records keep their order."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


AppFactory = Callable[..., BackrunApp]


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def screen_text(app: BackrunApp) -> str:
    """Everything the current screen shows in its labels and statics."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)
