"""The runner's progress between sessions: streaks, first and last session, doctor advice."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime


@dataclass(frozen=True)
class Progress:
    """streaks: sessions in a row at the top of the range, per exercise.
    doctor_acknowledged: when the runner last said they had read the "see a doctor" advice."""

    streaks: dict[str, int] = field(default_factory=dict)
    first_session: datetime | None = None
    last_session_start: datetime | None = None
    last_session_end: datetime | None = None
    doctor_acknowledged: datetime | None = None

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
