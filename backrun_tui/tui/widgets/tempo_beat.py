"""Tempo mode's beat on screen: "▲ up 2" / "▼ down 1", and a message for each rep it counts."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label

from backrun_tui.coach.ladder.tempo import TempoRun

TICK_SECONDS = 0.1  # how often the beat is looked at; the clock decides when a rep is done
ARROWS = {"up": "▲ up", "down": "▼ down"}


class TempoBeat(Label):
    """Counts reps at a tempo while running. `clock` (seconds) is replaceable, so a test can
    move time on and call `tick` without sleeping."""

    class Rep(Message):
        """The tempo finished a rep."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.clock: Callable[[], float] = time.monotonic
        self.run: TempoRun | None = None
        self.counted = 0  # reps of this run already sent as Rep messages
        self.timer: Timer | None = None

    def on_mount(self) -> None:
        self.timer = self.set_interval(TICK_SECONDS, self.tick, pause=True)
        self.display = False

    @property
    def armed(self) -> bool:
        """Tempo mode is on for this set (running or not)."""
        return self.run is not None

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def arm(self, up: int, down: int) -> None:
        """Ready for a new set, waiting for Space."""
        self.run, self.counted = TempoRun(up, down), 0
        self._pause_timer()
        self.display = True
        self.update(f"Tempo {up} s up · {down} s down")

    def disarm(self) -> None:
        self.run = None
        self._pause_timer()
        self.display = False

    def toggle(self) -> None:
        """Space: start, pause or go on."""
        if self.run is None:
            return
        now = self.clock()
        if self.run.running:
            self.pause()
        else:
            self.run = self.run.started(now)
            if self.timer is not None:
                self.timer.resume()
            self.tick()

    def pause(self) -> None:
        if self.run is not None and self.run.running:
            self.run = self.run.paused(self.clock())
            self._pause_timer()
            self.update(f"Paused · {self.counted} counted")

    def tick(self) -> None:
        """Show the beat, and post a Rep for each rep done since the last look."""
        run = self.run
        if run is None or not run.running:
            return
        now = self.clock()
        for _ in range(run.reps(now) - self.counted):
            self.counted += 1
            self.post_message(self.Rep())
        phase, left = run.beat(now)
        self.update(f"{ARROWS[phase]} {left}")
        self.set_class(phase == "up", "-up")

    def _pause_timer(self) -> None:
        if self.timer is not None:
            self.timer.pause()
