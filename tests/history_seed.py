"""A fixed history for the export, shell-command and history-screen tests, built with the coach.

Five sessions on fixed dates before Monday 23 Nov 2026 (app_helpers.START): one on 12 Oct, then
one a week on 2, 9 and 16 Nov and another on Fri 20 Nov, so the streak on the 23rd is 3 weeks.
On 2 Nov Single Leg Balance & Reach is flagged painful (pain 6): it is swapped and rests. On 9
Nov High Plank Leg Lifts is too easy: the coach moves up to Single Leg Bridge. Reps go up by
one each session. Imports no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from store_helpers import finish_in_store

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Feedback, Rating, apply_feedback
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store

FIRST_PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))
SESSION_DAYS = (
    datetime(2026, 10, 12, 7, 0, tzinfo=UTC),
    datetime(2026, 11, 2, 7, 0, tzinfo=UTC),
    datetime(2026, 11, 9, 7, 0, tzinfo=UTC),
    datetime(2026, 11, 16, 7, 0, tzinfo=UTC),
    datetime(2026, 11, 20, 18, 0, tzinfo=UTC),
)
PAINS = (4, 3, 2, 2, 1)
FIRST_REPS = 8
SETS = 2
PAINFUL = "single-leg-balance-reach"
# (session index, exercise, rating, pain asked after "painful")
ANSWERS: tuple[tuple[int, str, Rating, int | None], ...] = (
    (1, PAINFUL, "painful", 6),
    (2, "high-plank-leg-lifts", "too_easy", None),
)


@dataclass(frozen=True)
class SeededHistory:
    sessions: list[Session]  # as saved, oldest first
    plan: Plan  # the plan the last session left behind

    @property
    def decisions(self) -> list[str]:
        return [d.text for s in self.sessions for d in s.decisions]


def reps_in(index: int) -> int:
    return FIRST_REPS + index


def one_session(
    catalog: Catalog, plan: Plan, index: int, started: datetime
) -> tuple[Session, Plan]:
    """Cat Cow once, then two sets of every planned exercise, answered as ANSWERS says."""
    pain = PAINS[index]
    report = SymptomReport(pain, "lower", "none")
    items = [WorkoutItem("cat-cow", 1), *(WorkoutItem(i, SETS) for i in plan.exercise_ids)]
    workout = start_workout(catalog, items)
    session = Session(new_session_id(started), started, report, "go", "full", workout)
    at = started
    for item in items:
        sides = 2 if catalog.get(item.exercise_id).sided == "sides" else 1
        for _ in range(item.sets * sides):
            for _ in range(reps_in(index)):
                workout = workout.tap()
            at += timedelta(minutes=1)
            workout, _step = workout.finish_set(at)
        workout = workout.next_exercise()
        for day, exercise_id, rating, asked in ANSWERS:
            if day == index and exercise_id == item.exercise_id:
                feedback = Feedback(exercise_id, rating, asked, at)
                plan, decisions = apply_feedback(
                    catalog,
                    plan,
                    feedback,
                    progressed_today=session.progressed_today,
                    pain_today=pain,
                )
                session = session.with_feedback(feedback, decisions)
    return session.with_workout(workout), plan


def seed_history(store: Store, catalog: Catalog) -> SeededHistory:
    """Record the checks and finish the five sessions in the store, as the app would."""
    plan = FIRST_PLAN
    store.save_plan(plan)
    finished = []
    for index, started in enumerate(SESSION_DAYS):
        session, plan = one_session(catalog, plan, index, started)
        store.record_check(session.report, "go", started)
        ended_at = started + timedelta(minutes=40)
        finish_in_store(store, session, plan, ended_at)
        finished.append(session.ended(ended_at))
    return SeededHistory(finished, plan)
