"""What the session model asks to be saved, as data: the service carries each one out.
(NamedTuples, cheap to define at start-up; DiscardLive carries nothing.)"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import count_of
from backrun_tui.coach.outcomes.psfs import Psfs, Score
from backrun_tui.coach.running.runs import Run, local
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import Outcome, SymptomReport
from backrun_tui.coach.settings import Settings


class SaveLive(NamedTuple):
    """The session in progress, saved on every change (a rep tap included)."""

    session: Session


class DiscardLive:
    """An interrupted session with nothing done or changed: nothing to keep."""


class SavePlan(NamedTuple):
    plan: Plan


class SaveSettings(NamedTuple):
    settings: Settings


class SaveProgress(NamedTuple):
    progress: Progress


class RecordCheck(NamedTuple):
    report: SymptomReport
    outcome: Outcome
    at: datetime


class LogDecisions(NamedTuple):
    """Changes kept in the log at once, before (or without) a session: corrections."""

    decisions: tuple[Decision, ...]


class FileSession(NamedTuple):
    """Move a session into the history, with the plan and progress it leaves behind."""

    session: Session
    plan: Plan
    progress: Progress


class SaveRun(NamedTuple):
    """A run logged, edited, deleted or restored by hand."""

    run: Run


class SavePsfs(NamedTuple):
    """The activities and when they were asked, with the scores just given (for the history)."""

    psfs: Psfs
    scores: tuple[Score, ...]


Write = (
    SaveLive
    | DiscardLive
    | SavePlan
    | SaveSettings
    | SaveProgress
    | RecordCheck
    | LogDecisions
    | FileSession
    | SaveRun
    | SavePsfs
)


def describe(write: Write) -> str:
    """What a write keeps, in the user's words (for "not saved yet: ...")."""
    if isinstance(write, SaveLive):
        reps = sum(r.reps for r in write.session.workout.done) + write.session.workout.count
        return f"this session ({count_of(reps, 'rep')} so far)"
    if isinstance(write, FileSession):
        return "the finished session"
    if isinstance(write, DiscardLive):
        return "closing the interrupted session"
    if isinstance(write, SavePlan):
        return "your plan"
    if isinstance(write, SaveSettings):
        return "your settings"
    if isinstance(write, SaveProgress):
        return "your progress"
    if isinstance(write, LogDecisions):
        return "the log of changes"
    if isinstance(write, SavePsfs):
        return "your activities' scores" if write.scores else "when to ask about your activities"
    if isinstance(write, SaveRun):
        return f"your run of {local(write.run.started_at):%a %d %b}"
    return "today's symptom check"
