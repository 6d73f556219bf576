"""What the runner does in a session, as events for the session model: one small record each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from backrun_tui.coach.feedback import Rating
from backrun_tui.coach.settings import Settings
from backrun_tui.coach.triage import SymptomReport

AdviceChoice = Literal["train", "stretches", "recheck", "quit"]
SwapKind = Literal["easier", "harder", "outdoor"]


@dataclass(frozen=True)
class Launch:
    """backrun starts: offer an interrupted session, the doctor reminder, or the check."""


@dataclass(frozen=True)
class ResumeAnswered:
    resume: bool


@dataclass(frozen=True)
class DoctorNoticeRead:
    understood: bool  # False: remind me next time


@dataclass(frozen=True)
class StartOver:
    """A new symptom check from the command palette; a session not yet started is filed."""


@dataclass(frozen=True)
class CheckAnswered:
    report: SymptomReport


@dataclass(frozen=True)
class AdviceChosen:
    choice: AdviceChoice


@dataclass(frozen=True)
class AssessmentDone:
    answers: tuple[tuple[str, bool], ...]  # (exercise id, passed), in the order asked


@dataclass(frozen=True)
class Swap:
    exercise_id: str
    which: SwapKind


@dataclass(frozen=True)
class Retest:
    accept: bool


@dataclass(frozen=True)
class StretchesOnly:
    pass


@dataclass(frozen=True)
class FullPlan:
    pass


@dataclass(frozen=True)
class SettingsChanged:
    settings: Settings


@dataclass(frozen=True)
class StartWorkout:
    pass


@dataclass(frozen=True)
class QuitPicker:
    pass


@dataclass(frozen=True)
class Tap:
    pass


@dataclass(frozen=True)
class Undo:
    pass


@dataclass(frozen=True)
class HoldToggled:
    pass


@dataclass(frozen=True)
class HoldTick:
    """One second of a running hold passes."""


@dataclass(frozen=True)
class SetDone:
    pass


@dataclass(frozen=True)
class Rated:
    rating: Rating
    pain: int | None = None


@dataclass(frozen=True)
class FlaggedPainful:
    pain: int


@dataclass(frozen=True)
class EndSession:
    """The runner ends the session; reps of a set in progress are kept."""


Event = (
    Launch
    | ResumeAnswered
    | DoctorNoticeRead
    | StartOver
    | CheckAnswered
    | AdviceChosen
    | AssessmentDone
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
    | Rated
    | FlaggedPainful
    | EndSession
)
