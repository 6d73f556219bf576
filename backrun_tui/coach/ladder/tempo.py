"""Tempo mode's beat: backrun counts the reps itself, so many seconds up and so many down.

Pure arithmetic on a clock's readings (seconds, e.g. `time.monotonic()`), so a test can drive
it with made-up times. Pausing keeps the part of a rep already done."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Phase = Literal["up", "down"]


@dataclass(frozen=True)
class TempoRun:
    """A running (or paused) tempo: `up` seconds up, then `down` seconds down, per rep."""

    up: float
    down: float
    elapsed: float = 0.0  # seconds run before the current stretch
    since: float | None = None  # when the current stretch began; None while paused

    @property
    def running(self) -> bool:
        return self.since is not None

    @property
    def rep_seconds(self) -> float:
        return self.up + self.down

    def seconds(self, now: float) -> float:
        """Seconds of tempo run so far (not counting pauses)."""
        return self.elapsed + (max(now - self.since, 0.0) if self.since is not None else 0.0)

    def started(self, now: float) -> TempoRun:
        return self if self.running else replace(self, since=now)

    def paused(self, now: float) -> TempoRun:
        return replace(self, elapsed=self.seconds(now), since=None) if self.running else self

    def reps(self, now: float) -> int:
        """Whole reps done by `now`: one more each time a `down` half ends."""
        return int(self.seconds(now) // self.rep_seconds)

    def beat(self, now: float) -> tuple[Phase, int]:
        """The half of the rep under way and the whole seconds left in it (counted down,
        never 0): ("up", 2), ("up", 1), ("down", 2), ..."""
        into = self.seconds(now) % self.rep_seconds
        if into < self.up:
            return "up", max(int(self.up - into + 0.999), 1)
        return "down", max(int(self.rep_seconds - into + 0.999), 1)
