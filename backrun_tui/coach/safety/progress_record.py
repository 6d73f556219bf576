"""The runner's progress between sessions: streaks, first and last session, doctor advice, and
the warning signs that still stand between the runner and training."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

from backrun_tui.coach.safety.triage import SymptomReport

URGENT_HOLDS_FOR = timedelta(hours=24)


@dataclass(frozen=True)
class Warning:
    """Warning signs ticked at a check: urgent ones hold for 24 hours, "see a doctor soon" ones
    until the runner says a doctor has checked them (or that they were ticked by mistake)."""

    outcome: Literal["urgent", "doctor_soon"]
    at: datetime
    report: SymptomReport

    def holds(self, now: datetime) -> bool:
        return self.outcome == "doctor_soon" or now - self.at < URGENT_HOLDS_FOR


@dataclass(frozen=True)
class Progress:
    """streaks: sessions in a row at the top of the range, per exercise.
    doctor_acknowledged: when the runner last said they had read the "see a doctor" advice.
    warning: the warning signs that still hold, if any.
    news_seen: when the runner last dismissed the "since last time" card."""

    streaks: dict[str, int] = field(default_factory=dict)
    first_session: datetime | None = None
    last_session_start: datetime | None = None
    last_session_end: datetime | None = None
    doctor_acknowledged: datetime | None = None
    warning: Warning | None = None
    news_seen: datetime | None = None

    def after_session(
        self, started: datetime, ended: datetime, streaks: dict[str, int] | None
    ) -> Progress:
        return replace(
            self,
            streaks=self.streaks if streaks is None else dict(streaks),
            first_session=self.first_session or started,
            last_session_start=started,
            last_session_end=ended,
        )
