"""All of the runner's data, read once from the store for an export or a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store

NO_WARNING_SIGNS = (
    "No warning signs were ticked at any check, and no doctor visit was advised. Every check "
    "asks about them first."
)


@dataclass(frozen=True)
class Everything:
    """All of the runner's data, read once from the store. Sessions are oldest first."""

    plan: Plan | None
    sessions: list[Session]
    checks: list[tuple[datetime, SymptomReport, str]]
    store: Store
    logged: list[Decision] = field(default_factory=list)  # changes made outside a session

    @classmethod
    def read(cls, store: Store) -> Everything:
        sessions = list(reversed(list(store.sessions())))
        logged = list(reversed(list(store.logged_changes())))
        return cls(store.load_plan(), sessions, list(store.checks()), store, logged)

    def no_runs_text(self) -> str:
        """What a report says in place of the runs when it has none."""
        problem = self.store.runs_problem
        if problem:
            return f"Your runs could not be read, so none are in this report. {problem}"
        return "No runs imported or logged yet."

    def safety(self, now: datetime) -> list[tuple[datetime, str]]:
        """(when, line) of every warning-sign day and doctor advice, newest first."""
        from backrun_tui.coach.safety.safety_record import safety_lines

        return safety_lines(self.checks, self.logged, now)

    @property
    def decisions(self) -> list[Decision]:
        """Every change, oldest first: those of the sessions and those made outside one (a
        correction also kept in the session that followed it is listed once). The doctor
        advice is no change to the plan: it is in `safety`."""
        merged = {(d.at, d.text): d for d in self.logged if d.kind != "advice"}
        merged.update({(d.at, d.text): d for s in self.sessions for d in s.decisions})
        return sorted(merged.values(), key=lambda d: d.at)
