"""Driving whole sessions through the session service, as the screens would, without Textual."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Transition, next_for
from backrun_tui.service import Records, SessionService
from backrun_tui.store.errors import StoreError

Rate = Callable[[str], ev.Rated]
START = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
Launcher = Callable[..., SessionService]  # a new service on the same store: a new launch


class StepClock:
    """A clock that moves on a minute each time it is read (at most once per event)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


class ActivitiesSkipped(SessionService):
    """The service as a runner who skips the everyday activities' scores (Esc) whenever they are
    asked: for the tests about everything else. What an event did is returned as it was, going
    on where the skip leads."""

    def apply(self, event: ev.Event) -> Transition:
        step = super().apply(event)
        if step.next != "psfs" or isinstance(event, ev.PsfsSkipped):
            return step
        skipped = super().apply(ev.PsfsSkipped())
        return step._replace(state=skipped.state, next=skipped.next)


def new_service(
    catalog: Catalog, records: Records, start: datetime, *, activities: bool = False
) -> SessionService:
    """A service as backrun builds one at launch; with `activities`, the everyday activities'
    scores are asked of the test (else skipped whenever they are asked)."""
    kind = SessionService if activities else ActivitiesSkipped
    return kind(catalog, records, StepClock(start), errors=(StoreError,))


def just_right(_: str) -> ev.Rated:
    return ev.Rated("just_right")


def to_picker(service: SessionService, pain: int = 2, choice: str = "train") -> None:
    """Launch, answer the check, choose on the advice screen (first run: pass all rungs)."""
    step = service.apply(ev.Launch())
    if step.next == "resume":
        step = service.apply(ev.ResumeAnswered(False))
    if step.next == "news":  # the "since last time" card
        service.apply(ev.NewsRead())
    service.apply(ev.CheckAnswered(SymptomReport(pain, "lower", "none")))
    step = service.apply(ev.AdviceChosen(choice))  # type: ignore[arg-type]
    if step.next == "assessment":
        ladder = service.catalog.ladder()
        service.apply(ev.AssessmentDone(tuple((e.id, True) for e in ladder[:4])))


def sets(service: SessionService, reps: int = 10, rate: Rate = just_right) -> Iterator[str]:
    """Do every set of the workout (holds run out, reps tapped), rating each exercise; yields
    each exercise id as it is rated. Stops at an offer of an easier exercise after pain."""
    catalog = service.catalog
    while service.state.stage == "workout":
        if service.state.offer is not None:
            return  # the easier exercise offered after pain: the caller answers it
        exercise = catalog.get(service.state.workout.current.exercise_id)
        if next_for(service.state) == "rate":
            service.apply(rate(exercise.id))
            yield exercise.id
            continue
        if exercise.is_hold:
            service.apply(ev.HoldToggled())
            while service.state.hold_running:
                service.apply(ev.HoldTick())
            continue
        for _ in range(reps):
            service.apply(ev.Tap())
        service.apply(ev.SetDone())


def whole_workout(service: SessionService, reps: int = 10, rate: Rate = just_right) -> list[str]:
    service.apply(ev.StartWorkout())
    return list(sets(service, reps, rate))
