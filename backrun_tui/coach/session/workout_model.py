"""The session model during the workout: reps, holds, sets, sides, rests, ratings, the painful
flag and the end, with double progression and filing when the session ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.feedback import Feedback, Weighed, apply_feedback, skip_to_ask
from backrun_tui.coach.ladder.plan_changes import apply_outdoor_setting
from backrun_tui.coach.ladder.progression import progress_after_session
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import count_of, set_goal
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.after_pain import gentle_from_here, offer_question, replacement_offer
from backrun_tui.coach.session.session_filing import file_session
from backrun_tui.coach.session.session_state import (
    Clock,
    Next,
    SessionState,
    Transition,
    unchanged,
)
from backrun_tui.coach.session.writes import SaveLive, SavePlan, Write


def current_exercise(catalog: Catalog, state: SessionState) -> Exercise | None:
    workout = state.workout
    return None if workout.finished else catalog.get(workout.current.exercise_id)


def full_hold(catalog: Catalog, state: SessionState) -> int:
    """The seconds of a hold at the current position (0 for reps)."""
    exercise = current_exercise(catalog, state)
    return exercise.hold_seconds or 0 if exercise and exercise.is_hold else 0


def held(catalog: Catalog, state: SessionState) -> int:
    """Seconds of the current hold done so far (0 for reps)."""
    return full_hold(catalog, state) - state.hold_left


def unfinished_set(catalog: Catalog, state: SessionState) -> str:
    """What of the current set is not in a finished set yet: "7 reps", "12 s held", or ""."""
    if state.stage != "workout" or state.workout.finished or state.workout.awaiting_feedback:
        return ""
    if state.workout.count:
        return count_of(state.workout.count, "rep")
    seconds = held(catalog, state)
    return f"{seconds} s held" if seconds else ""


def at_position(catalog: Catalog, state: SessionState, session: Session) -> SessionState:
    """The state at a new position of the workout: a hold starts full and paused."""
    state = state._replace(session=session, hold_running=False)
    return state._replace(hold_left=full_hold(catalog, state))


def begin(catalog: Catalog, state: SessionState, session: Session, now: datetime) -> Transition:
    """The picker's list becomes today's workout (an empty one ends at once)."""
    state = at_position(catalog, state._replace(stage="workout"), session)
    if session.workout.finished:
        return end(catalog, state, now)
    return Transition(state, "count", (SaveLive(session),))


def resume(catalog: Catalog, state: SessionState, live: Session, now: datetime) -> Transition:
    """Back to the set (and reps) where an interrupted session stopped, or to its rating."""
    state = at_position(catalog, state._replace(stage="workout"), live)
    if live.workout.finished:
        return end(catalog, state, now)
    return unchanged(state)


def _saved(state: SessionState, session: Session, nxt: Next = "count") -> Transition:
    return Transition(state._replace(session=session), nxt, (SaveLive(session),))


def tap(catalog: Catalog, state: SessionState, _: ev.Tap, __: Any) -> Transition:
    exercise = counting(catalog, state)
    if exercise is None or exercise.is_hold:
        return unchanged(state)
    assert state.session is not None
    return _saved(state, state.session.with_workout(state.workout.tap()))


def undo(catalog: Catalog, state: SessionState, _: ev.Undo, __: Any) -> Transition:
    exercise = counting(catalog, state)
    if exercise is None or exercise.is_hold or state.workout.count == 0:
        return unchanged(state)
    assert state.session is not None
    return _saved(state, state.session.with_workout(state.workout.undo()))


def counting(catalog: Catalog, state: SessionState) -> Exercise | None:
    """The exercise being counted now: in a workout, not finished, not waiting for its rating."""
    exercise = current_exercise(catalog, state)
    if state.stage != "workout" or exercise is None or state.workout.awaiting_feedback:
        return None
    return exercise


def hold_toggled(catalog: Catalog, state: SessionState, _: ev.HoldToggled, __: Any) -> Transition:
    exercise = counting(catalog, state)
    if exercise is None or not exercise.is_hold:
        return unchanged(state)
    return Transition(state._replace(hold_running=not state.hold_running), "count")


def hold_tick(catalog: Catalog, state: SessionState, _: ev.HoldTick, clock: Clock) -> Transition:
    """A second of a running hold; at zero the hold is done (with the bell, if it is on)."""
    exercise = counting(catalog, state)
    if not state.hold_running or exercise is None or not exercise.is_hold:
        return unchanged(state)
    state = state._replace(hold_left=max(state.hold_left - 1, 0))
    if state.hold_left > 0:
        return Transition(state, "count")
    done = set_done(catalog, state, ev.SetDone(), clock)
    return done._replace(ring=state.settings.bell)


def set_done(catalog: Catalog, state: SessionState, _: ev.SetDone, clock: Clock) -> Transition:
    """Record the set (one side of it, or the seconds held) and say what comes next: the
    other side, a rest before the next set, or the question about the exercise."""
    if counting(catalog, state) is None:
        return unchanged(state)
    assert state.session is not None
    workout, step = state.workout.finish_set(clock(), seconds=held(catalog, state))
    session = state.session.with_workout(workout)
    state = at_position(catalog, state, session)
    nxt: Next = {"next_side": "count", "rest": "rest"}.get(step, "rate")  # type: ignore[assignment]
    return Transition(state, nxt, (SaveLive(session),))


def done_at_target(
    catalog: Catalog, state: SessionState, _: ev.DoneAtTarget, clock: Clock
) -> Transition:
    """A set done without counting: a hold is recorded as held in full, a set of reps at its
    goal (as many as that set last time, at least the low end of the range) unless more were
    counted. Said on screen, so the runner sees what was recorded."""
    exercise = counting(catalog, state)
    if exercise is None:
        return unchanged(state)
    session = state.session
    assert session is not None
    workout = state.workout
    if exercise.is_hold:
        state = state._replace(hold_left=0, hold_running=False)
        amount = f"{exercise.hold_seconds} s held"
    else:
        last = list(state.last_sets.get(exercise.id, ()))
        goal = set_goal(exercise, state.settings, last, workout.set_number, workout.side)
        workout = replace(workout, count=max(workout.count, goal))
        state = state._replace(session=session.with_workout(workout))
        amount = count_of(workout.count, "rep")
    done = set_done(catalog, state, ev.SetDone(), clock)
    return done._replace(message=f"Recorded at target: {amount}.")


def rated(catalog: Catalog, state: SessionState, event: ev.Rated, clock: Clock) -> Transition:
    """The answer about a finished exercise: the coach acts on it, then the next exercise
    (after a rest, unless it was a stretch), or the end of the session."""
    if state.stage != "workout" or not state.workout.awaiting_feedback:
        return unchanged(state)
    finished = current_exercise(catalog, state)
    assert finished is not None
    now = clock()
    feedback = Feedback(finished.id, event.rating, event.pain, now)
    if event.skip_ok is None:
        question = skip_to_ask(
            catalog, state.plan, feedback, **_feedback_context(state, finished.id)
        )
        if question:
            return Transition(state, "ask", message=question)
    rest_first = not finished.is_stretch
    moved = _answer(catalog, state, feedback, now, skip_ok=bool(event.skip_ok), rest=rest_first)
    if moved.next == "count" and rest_first:
        return moved._replace(next="rest")
    return moved


def flagged_painful(
    catalog: Catalog, state: SessionState, event: ev.FlaggedPainful, clock: Clock
) -> Transition:
    """ "This hurts": keep the reps done before it started to hurt, swap it, move on at once."""
    exercise = current_exercise(catalog, state)
    if state.stage != "workout" or exercise is None:
        return unchanged(state)
    assert state.session is not None
    kept = state.session.with_workout(state.workout.keep_partial(clock(), held(catalog, state)))
    state = state._replace(session=kept, hold_running=False)
    return _answer(catalog, state, Feedback(exercise.id, "painful", event.pain, clock()), clock())


def _feedback_context(state: SessionState, exercise_id: str) -> Weighed:
    """What the coach weighs besides the answer: today's pain, steps and reps of the exercise."""
    assert state.session is not None
    return Weighed(
        progressed_today=state.session.progressed_today,
        pain_today=state.session.report.pain,
        reps=tuple(r.reps for r in state.workout.sets_of(exercise_id)),
        rep_low=state.settings.rep_low,
    )


def _answer(
    catalog: Catalog,
    state: SessionState,
    feedback: Feedback,
    now: datetime,
    skip_ok: bool = False,
    rest: bool = False,
) -> Transition:
    """The coach acts on the answer; then the easier exercise that replaced it is offered (with
    a rest first when `rest`), or the session goes on or ends."""
    assert state.session is not None
    plan, decisions = apply_feedback(
        catalog,
        state.plan,
        feedback,
        **_feedback_context(state, feedback.exercise_id),
        skip_ok=skip_ok,
    )
    plan, outdoor = apply_outdoor_setting(catalog, plan, state.settings.outdoor, now)
    decisions = [*decisions, *outdoor]  # rung 12 goes outdoors the moment it is planned
    writes: tuple[Write, ...] = (SavePlan(plan),) if plan != state.plan else ()
    session = state.session.with_feedback(feedback, decisions)
    gentle = gentle_from_here(catalog, session, plan, state.settings, feedback)
    offer = None
    if gentle is not None:
        session, decision = gentle
        decisions = [*decisions, decision]
    else:
        offer = replacement_offer(catalog, session, feedback, decisions, rest)
    session = session.with_workout(session.workout.next_exercise())
    state = at_position(catalog, state._replace(plan=plan, offer=offer), session)
    if offer is not None:
        question = offer_question(catalog, offer)
        return Transition(state, "offer", (*writes, SaveLive(session)), tuple(decisions), question)
    if session.workout.finished:
        ended = end(catalog, state, now)
        return ended._replace(
            writes=(*writes, *ended.writes), decisions=(*decisions, *ended.decisions)
        )
    return Transition(state, "count", (*writes, SaveLive(session)), tuple(decisions))


def end_session(
    catalog: Catalog, state: SessionState, _: ev.EndSession, clock: Clock
) -> Transition:
    if state.stage != "workout" or state.session is None:
        return unchanged(state)
    kept = state.session.with_workout(state.workout.keep_partial(clock(), held(catalog, state)))
    return end(catalog, state._replace(session=kept), clock())


def end(catalog: Catalog, state: SessionState, now: datetime) -> Transition:
    """The session is over: double progression, then into the history, then the summary."""
    assert state.session is not None
    ended = state.session.ended(now)
    plan, streaks, decisions = progress_after_session(
        catalog,
        state.plan,
        ended,
        state.progress.streaks,
        state.settings,
        state.progress.last_session_end,
    )
    plan, outdoor = apply_outdoor_setting(catalog, plan, state.settings.outdoor, now)
    decisions = [*decisions, *outdoor]  # rung 12 goes outdoors the moment it is planned
    ended = ended.with_decisions(decisions)
    state, writes = file_session(state, ended, now, plan, streaks)
    state = state._replace(stage="summary", session=ended, hold_running=False)
    return Transition(state, "summary", writes, tuple(decisions))


HANDLERS: dict[type, Callable[..., Transition]] = {
    ev.Tap: tap,
    ev.Undo: undo,
    ev.HoldToggled: hold_toggled,
    ev.HoldTick: hold_tick,
    ev.SetDone: set_done,
    ev.DoneAtTarget: done_at_target,
    ev.Rated: rated,
    ev.FlaggedPainful: flagged_painful,
    ev.EndSession: end_session,
}
