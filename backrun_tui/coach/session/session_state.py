"""The state of a running backrun: what the history says, today's check and session, and where
the runner is. One value, replaced whole by the session model on every event (`_replace`).
NamedTuples: immutable, and cheap to define at start-up."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Literal, NamedTuple

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.progression import NextDay
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import SessionMode, SetRecord, Workout
from backrun_tui.coach.outcomes.psfs import Psfs
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import SymptomReport, TriageResult
from backrun_tui.coach.session.writes import Write
from backrun_tui.coach.settings import Settings

Stage = Literal[
    "resume",
    "news",
    "doctor",
    "check",
    "gate",
    "advice",
    "assessment",
    "psfs",
    "picker",
    "workout",
    "summary",
    "closed",
]
# What the interface shows next. In a workout: "count" (the counter, at the current exercise,
# set and side), "rest" (the rest timer, then the counter), "rate" (the question after an
# exercise), "ask" (a yes/no question in the transition's message, answered by the same event
# again with the answer in it), "offer" (the easier exercise that replaced a painful one, to
# try now: answered by TryInstead).
Next = Literal[
    "resume",
    "news",
    "doctor",
    "check",
    "gate",
    "advice",
    "assessment",
    "psfs",
    "picker",
    "count",
    "rest",
    "rate",
    "ask",
    "offer",
    "summary",
    "quit",
]

Clock = Callable[[], datetime]  # read at most once per event

RECENT_CHECKS = 60
RECENT_DECISIONS = 100


class Offer(NamedTuple):
    """The easier exercise that took a painful (or too hard) one's place, offered at once."""

    exercise_id: str
    sets: int
    rest_first: bool  # a rest before it (after a finished exercise), or straight on
    instead_of: str


class Today(NamedTuple):
    """What the symptom check decided for today."""

    report: SymptomReport
    result: TriageResult
    next_day: NextDay | None
    notes: tuple[str, ...] = ()  # more for the advice screen (e.g. "you are doing well")

    def mode_for(self, choice: Literal["train", "stretches"]) -> SessionMode:
        """The kind of session a choice on the advice screen gives today."""
        if choice == "stretches":
            return "stretches"
        if self.result.flare_up:
            return "flare_up"
        return "light" if self.next_day is not None and self.next_day.lighter else "full"


class SessionState(NamedTuple):
    """plan, settings, progress, checks (time, pain), log (recent decisions), last_sets (the
    last sets of each exercise) and psfs are what the history says; the rest is today."""

    plan: Plan = Plan(())
    settings: Settings = Settings()
    progress: Progress = Progress()
    checks: tuple[tuple[datetime, int], ...] = ()
    log: tuple[Decision, ...] = ()
    last_sets: Mapping[str, tuple[SetRecord, ...]] = MappingProxyType({})
    stage: Stage = "check"
    live: Session | None = None  # an interrupted session, offered to resume
    doctor_reason: str = ""
    reminded: bool = False  # the doctor-visit advice was shown since backrun started
    today: Today | None = None
    answers: SymptomReport | None = None  # the last check's answers: a new check starts there
    corrections: tuple[Decision, ...] = ()  # today's, for the session that follows
    # Warning signs ticked at this check, its advice not yet left: only now can they be taken
    # back as "ticked by mistake" (later, only a doctor's check opens training).
    just_ticked: bool = False
    session: Session | None = None
    hold_left: int = 0
    hold_running: bool = False
    offer: Offer | None = None
    psfs: Psfs = Psfs()  # the runner's activities and their latest scores
    after_psfs: Stage = "advice"  # where the day goes once the activities are scored
    psfs_asked_for: bool = False  # the runner asked for the activities: Esc leaves them as they are

    @property
    def workout(self) -> Workout:
        return self.session.workout if self.session else Workout((), ())

    @property
    def first_run(self) -> bool:
        """No plan yet, and nothing resting: training today starts with the assessment."""
        return not self.plan.exercise_ids and not self.plan.benched

    @property
    def can_train(self) -> bool:
        """Strength work is allowed today (not urgent, not "see a doctor soon")."""
        return self.today is not None and self.today.result.allows_strength

    def pending_decisions(self) -> tuple[Decision, ...]:
        """Today's changes that are not in the log yet (the session is not filed)."""
        if self.session is None or self.stage == "summary":
            return ()
        return self.session.decisions


class Transition(NamedTuple):
    """What one event did: the new state, what comes next, what to save, the changes made (each
    with its one-line reason), a message for the runner, and whether to ring the bell."""

    state: SessionState
    next: Next
    writes: tuple[Write, ...] = ()
    decisions: tuple[Decision, ...] = ()
    message: str = ""
    ring: bool = False


def unchanged(state: SessionState, message: str = "") -> Transition:
    """An event that changes nothing now (out of place, or refused with a message)."""
    return Transition(state, next_for(state), message=message)


def next_for(state: SessionState) -> Next:
    """What the interface shows for a state, when an event changed nothing of the flow."""
    if state.stage == "workout":
        if state.offer is not None:
            return "offer"
        return "rate" if state.workout.awaiting_feedback else "count"
    if state.stage == "closed":
        return "quit"
    return state.stage
