"""What the runner does in a session, as events for the session model: one small record each.

Immutable NamedTuples (or plain classes when there is nothing to carry): they are made at
start-up, where each dataclass would cost a quarter of a millisecond."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from backrun_tui.coach.ladder.feedback import Rating
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.settings import Settings

if TYPE_CHECKING:
    from backrun_tui.coach.outcomes.psfs import ActivityAnswer
    from backrun_tui.coach.running.run_log import RunEntry
    from backrun_tui.coach.running.runs import Run

AdviceChoice = Literal["train", "stretches", "recheck", "quit"]
SwapKind = Literal["easier", "harder", "outdoor"]


class Launch:
    """backrun starts: offer an interrupted session, the doctor reminder, or the check."""


class ResumeAnswered(NamedTuple):
    resume: bool


class NewsRead:
    """The "since last time" card was read."""


class DoctorNoticeRead(NamedTuple):
    understood: bool  # False: remind me next time


class StartOver:
    """A new symptom check from the command palette; a session not yet started is filed."""


class CheckAnswered(NamedTuple):
    report: SymptomReport


class GateAnswered(NamedTuple):
    """New answers take back warning signs that still hold: was it a mistake, has a doctor
    checked them, or do they stand ("keep")?"""

    choice: Literal["mistake", "doctor", "keep"]


class AdviceChosen(NamedTuple):
    choice: AdviceChoice


class AssessmentDone(NamedTuple):
    answers: tuple[tuple[str, bool], ...]  # (exercise id, passed), in the order asked


class PsfsAnswered(NamedTuple):
    """The everyday activities named, renamed or retired, and scored."""

    answers: tuple[ActivityAnswer, ...]


class PsfsSkipped:
    """The activities' scores skipped this time: asked again in two weeks."""


class ScoreActivities:
    """The runner asks to name, rename, retire or score the everyday activities now."""


class Swap(NamedTuple):
    exercise_id: str
    which: SwapKind


class Retest(NamedTuple):
    accept: bool


class StretchesOnly:
    """Today: the stretches only."""


class FullPlan:
    """Back from stretches only to the day's own session."""


class SettingsChanged(NamedTuple):
    settings: Settings


class StartWorkout:
    """The picker's list becomes today's workout."""


class QuitPicker:
    """The runner leaves the picker without training."""


class Tap:
    """One rep."""


class Undo:
    """One rep less."""


class HoldToggled:
    """A hold starts or pauses."""


class HoldTick:
    """One second of a running hold passes."""


class SetDone:
    """The set (or this side of it) is done."""


class DoneAtTarget:
    """The set (or this side of it) was done without counting: record it at its target."""


class Rated(NamedTuple):
    """The answer after an exercise. skip_ok: the answer to the question a "too easy" asks
    when moving up would pass over rungs (None: not asked yet)."""

    rating: Rating
    pain: int | None = None
    skip_ok: bool | None = None


class FlaggedPainful(NamedTuple):
    pain: int


class TryInstead(NamedTuple):
    """The answer to the easier exercise offered after a painful flag: try it now, or not."""

    accept: bool


class EndSession:
    """The runner ends the session; reps of a set in progress are kept."""


class RunLogged(NamedTuple):
    """A run logged by hand (from the runs screen or the advice screen)."""

    entry: RunEntry


class RunEdited(NamedTuple):
    run: Run
    entry: RunEntry


class RunDeleted(NamedTuple):
    run: Run


class RunRestored(NamedTuple):
    run: Run


Event = (
    Launch
    | ResumeAnswered
    | NewsRead
    | DoctorNoticeRead
    | StartOver
    | CheckAnswered
    | GateAnswered
    | AdviceChosen
    | AssessmentDone
    | PsfsAnswered
    | PsfsSkipped
    | ScoreActivities
    | Swap
    | Retest
    | StretchesOnly
    | FullPlan
    | SettingsChanged
    | StartWorkout
    | QuitPicker
    | Tap
    | Undo
    | HoldToggled
    | HoldTick
    | SetDone
    | DoneAtTarget
    | Rated
    | FlaggedPainful
    | TryInstead
    | EndSession
    | RunLogged
    | RunEdited
    | RunDeleted
    | RunRestored
)
