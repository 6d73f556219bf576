"""All of the runner's data, read once from the store for an export or a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Feedback
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.outcomes.psfs import Psfs, Score, change_words, courses
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store

ACTIVITIES_TITLE = "Everyday activities (Patient-Specific Functional Scale)"
ACTIVITIES_NOTE = (
    "The runner's own activities, each scored 0 (cannot do it) to 10 (as before the back "
    "problem), every two weeks; a change of 2 points in an activity is meaningful."
)
NO_ACTIVITIES = "No everyday activities named yet."
EARLIER_FLAGS = "Earlier flags are counted in the summary and named in the change log's months."
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
    psfs: Psfs = Psfs()  # the everyday activities
    scores: list[Score] = field(default_factory=list)  # every score given, oldest first

    @classmethod
    def read(cls, store: Store) -> Everything:
        sessions = list(reversed(list(store.sessions())))
        logged = list(reversed(list(store.logged_changes())))
        checks = list(store.checks())
        scores = list(store.psfs_scores())
        return cls(store.load_plan(), sessions, checks, store, logged, store.load_psfs(), scores)

    def activity_rows(self) -> list[tuple[str, str, str, str]]:
        """Each everyday activity: its name, its first and latest score with their days, and the
        change against the 2-point line."""
        rows = []
        for course in courses(self.psfs, self.scores):
            first, last = course.scores[0], course.scores[-1]
            name = course.activity.name + ("" if course.activity.retired is None else " (retired)")
            change = change_words(first.score, last.score) if len(course.scores) > 1 else "once"
            rows.append(
                (
                    name,
                    f"{first.score}/10 ({first.at:%d %b %Y})",
                    f"{last.score}/10 ({last.at:%d %b %Y})",
                    change,
                )
            )
        return rows

    def painful_flags(self) -> list[Feedback]:
        """Every exercise flagged painful, oldest first."""
        return [f for s in self.sessions for f in s.feedback if f.rating == "painful"]

    def month_lines(self, catalog: Catalog, now: datetime) -> list[tuple[str, str]]:
        """The change log's month lines before the last eight weeks (see change_log)."""
        from backrun_tui.report.change_log import monthly_lines

        def name_of(exercise_id: str) -> str:
            return catalog.get(exercise_id).name if exercise_id in catalog else exercise_id

        flags = [(f.at, name_of(f.exercise_id)) for f in self.painful_flags()]
        return monthly_lines(self.decisions, flags, now, name_of)

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
