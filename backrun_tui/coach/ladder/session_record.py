"""A session: today's symptom check, workout, answers and the changes they caused."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.feedback import Feedback
from backrun_tui.coach.ladder.workout import SessionMode, Workout
from backrun_tui.coach.safety.triage import Outcome, SymptomReport


@dataclass(frozen=True)
class Session:
    id: str
    started_at: datetime
    report: SymptomReport
    outcome: Outcome
    mode: SessionMode
    workout: Workout
    feedback: tuple[Feedback, ...] = ()
    decisions: tuple[Decision, ...] = ()
    ended_at: datetime | None = None

    @property
    def progressed_today(self) -> bool:
        """A step up was taken today, or undone by the next-day check: no (other) step up."""
        return any(d.kind in ("promote", "rollback") and d.to_id for d in self.decisions)

    def with_workout(self, workout: Workout) -> Session:
        return replace(self, workout=workout)

    def with_feedback(self, feedback: Feedback, decisions: list[Decision]) -> Session:
        return replace(
            self, feedback=(*self.feedback, feedback), decisions=(*self.decisions, *decisions)
        )

    def with_decisions(self, decisions: list[Decision]) -> Session:
        return replace(self, decisions=(*self.decisions, *decisions))

    def ended(self, now: datetime) -> Session:
        return replace(self, ended_at=now)


def new_session_id(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")
