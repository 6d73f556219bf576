"""The session model's part for the everyday activities (the PSFS): asked after the first
run's assessment, then every two weeks after the symptom check (never before its warning
signs, and not on a day they send the runner to a doctor now), always skippable; and whenever
the runner asks, once today's check is done and no workout is under way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.outcomes import psfs
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import (
    Clock,
    SessionState,
    Stage,
    Transition,
    next_for,
    unchanged,
)
from backrun_tui.coach.session.writes import SavePsfs


def psfs_first(step: Transition, now: datetime) -> Transition:
    """The activities' scores before the step's advice or picker, when they are due."""
    state = step.state
    if step.next not in ("advice", "picker") or not psfs.due(state.psfs, now):
        return step
    if step.next == "advice":
        today = state.today
        if state.first_run or today is None or today.result.outcome == "urgent":
            return step  # a first run is asked after its assessment
    then = state.stage
    return step._replace(state=state._replace(stage="psfs", after_psfs=then), next="psfs")


def psfs_answered(
    _: Catalog, state: SessionState, event: ev.PsfsAnswered, clock: Clock
) -> Transition:
    if state.stage != "psfs":
        return unchanged(state)
    after = psfs.answered(state.psfs, event.answers, clock())
    writes = (SavePsfs(after, psfs.new_scores(state.psfs, after)),)
    message = psfs.answer_message(state.psfs, after)
    state = state._replace(psfs=after, stage=state.after_psfs, psfs_asked_for=False)
    return Transition(state, next_for(state), writes, message=message)


ASKED_FROM: tuple[Stage, ...] = ("advice", "picker", "summary")
NOT_NOW = (
    "Your everyday activities can be scored once today's symptom check is done, and not during "
    "a workout: from today's advice, the exercise picker or the summary."
)
LEFT_AS_THEY_WERE = "Your everyday activities are as they were."


def score_activities(
    _: Catalog, state: SessionState, __: ev.ScoreActivities, clock: Clock
) -> Transition:
    """The activities' screen now, at the runner's asking: after the check's warning signs, and
    not on a day they send the runner to a doctor now."""
    today = state.today
    urgent = today is not None and today.result.outcome == "urgent"
    if state.stage not in ASKED_FROM or today is None or urgent:
        return unchanged(state, NOT_NOW)
    state = state._replace(stage="psfs", after_psfs=state.stage, psfs_asked_for=True)
    return Transition(state, "psfs")


def psfs_skipped(_: Catalog, state: SessionState, __: ev.PsfsSkipped, clock: Clock) -> Transition:
    if state.stage != "psfs":
        return unchanged(state)
    if state.psfs_asked_for:  # the runner changed their mind: the two-week round stands
        state = state._replace(stage=state.after_psfs, psfs_asked_for=False)
        return Transition(state, next_for(state), message=LEFT_AS_THEY_WERE)
    after = psfs.skipped(state.psfs, clock())
    when = clock() + psfs.ASK_EVERY
    message = f"Your activities are asked again from {when:%a %d %b}."
    writes = (SavePsfs(after, ()),)
    state = state._replace(psfs=after, stage=state.after_psfs, psfs_asked_for=False)
    return Transition(state, next_for(state), writes, message=message)


HANDLERS: dict[type, Callable[..., Transition]] = {
    ev.PsfsAnswered: psfs_answered,
    ev.PsfsSkipped: psfs_skipped,
    ev.ScoreActivities: score_activities,
}
