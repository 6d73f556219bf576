"""The session model, the one owner of a session's rules: an event and the state in, the new
state, its decisions, what to save and what comes next out. Pure: no Textual, no files.

This module takes a day from the symptom check to the picker (check, gate, advice,
assessment) and dispatches every event; `day_start` takes it from launch to the check, and
`picker_model` and `workout_model` on from the picker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any, cast

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.first_assessment import plan_from_assessment
from backrun_tui.coach.ladder.progression import doing_well, next_day_check
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import Workout, everything_hurt
from backrun_tui.coach.safety import warning_gate as gate
from backrun_tui.coach.safety.triage import triage
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.day_start import (
    doctor_notice_read,
    doctor_or_check,
    doctor_visit_due,
    launch,
    news_read,
    resume_answered,
)
from backrun_tui.coach.session.psfs_model import HANDLERS as PSFS_HANDLERS
from backrun_tui.coach.session.psfs_model import psfs_first
from backrun_tui.coach.session.session_filing import file_session
from backrun_tui.coach.session.session_state import (
    RECENT_CHECKS,
    Clock,
    SessionState,
    Today,
    Transition,
    next_for,
    unchanged,
)
from backrun_tui.coach.session.writes import (
    LogDecisions,
    RecordCheck,
    SaveProgress,
    Write,
)

UNDER_WAY = "A session is under way: end it first with q."

Handler = Callable[[Catalog, SessionState, Any, Clock], Transition]


def apply(catalog: Catalog, state: SessionState, event: ev.Event, clock: Clock) -> Transition:
    """The one entry point: what `event` does to `state` at `now`."""
    handler = cast("Handler | None", HANDLERS.get(type(event)) or later_handlers().get(type(event)))
    if handler is None:
        return Transition(state, next_for(state))
    return handler(catalog, state, event, clock)


def start_over(catalog: Catalog, state: SessionState, _: ev.StartOver, clock: Clock) -> Transition:
    """A new check from the palette. A session not yet started is filed (its changes kept)."""
    if state.stage == "workout":
        return unchanged(state, UNDER_WAY)
    writes: tuple[Write, ...] = ()
    before_training = state.stage in ("assessment", "picker") or (
        state.stage == "psfs" and state.after_psfs == "picker"
    )
    if state.session is not None and before_training:
        state, writes = file_session(state, state.session, clock())
    return doctor_or_check(state, clock(), writes)


# --- the symptom check and the advice ---------------------------------------------------------


def check_answered(
    catalog: Catalog, state: SessionState, event: ev.CheckAnswered, clock: Clock
) -> Transition:
    if state.stage != "check":
        return unchanged(state)
    report = event.report
    result = triage(report)
    next_day = None
    if result.outcome == "go":
        since, ended = state.progress.last_session_start, state.progress.last_session_end
        last_decisions = [d for d in state.log if since is None or d.at >= since]
        # The usual pain is the pain before the last session: a check already answered since
        # (changing the answers) must not move it, or a second answer undoes the lighter day.
        usual_checks = [c for c in state.checks if ended is None or c[0] <= ended]
        next_day = next_day_check(
            catalog,
            state.plan,
            report.pain,
            usual_checks,
            ended,
            last_decisions,
            clock(),
        )
    checks = (*state.checks, (clock(), report.pain))[-RECENT_CHECKS:]
    well = doing_well(list(checks), state.progress.first_session, clock())
    today = Today(report, result, next_day, (well,) if well else ())
    progress, taken_back = gate.after_check(state.progress, report, result, clock())
    writes: tuple[Write, ...] = (RecordCheck(report, result.outcome, clock()),)
    ticked = progress.warning is not None and progress.warning != state.progress.warning
    if progress != state.progress:
        writes = (*writes, SaveProgress(progress))
    state = state._replace(
        today=today,
        checks=checks,
        answers=report,
        progress=progress,
        just_ticked=ticked or state.just_ticked,
    )
    if taken_back:  # warning signs that still hold: ask before they are let go
        return Transition(state._replace(stage="gate"), "gate", writes)
    reason = doctor_visit_due(state, clock())  # judged with today's check too
    if reason:
        state = state._replace(stage="doctor", doctor_reason=reason, reminded=True)
        return Transition(state, "doctor", writes)
    return psfs_first(Transition(state._replace(stage="advice"), "advice", writes), clock())


def gate_answered(
    _: Catalog, state: SessionState, event: ev.GateAnswered, clock: Clock
) -> Transition:
    """Warning signs taken back: logged when they were a mistake or a doctor has checked them;
    else they stand, and so does their advice."""
    holding = gate.standing(state.progress, clock())
    if state.stage != "gate" or holding is None:
        return unchanged(state)
    if event.choice == "mistake" and not state.just_ticked:
        return unchanged(state, gate.MISTAKE_TOO_LATE)
    if event.choice == "keep":
        today = Today(holding.report, triage(holding.report), None)
        state = state._replace(stage="advice", today=today, answers=holding.report)
        return Transition(state, "advice")
    decision = gate.correction(holding, event.choice, clock())
    progress = replace(state.progress, warning=None)
    state = state._replace(
        stage="advice",
        progress=progress,
        log=(*state.log, decision),
        corrections=(*state.corrections, decision),
    )
    writes = (SaveProgress(progress), LogDecisions((decision,)))
    return Transition(state, "advice", writes, (decision,))


def advice_chosen(
    catalog: Catalog, state: SessionState, event: ev.AdviceChosen, clock: Clock
) -> Transition:
    today = state.today
    if state.stage != "advice" or today is None:
        return unchanged(state)
    choice = event.choice
    if choice == "recheck":
        return Transition(state._replace(stage="check", today=None), "check")
    state = state._replace(just_ticked=False)  # the advice is left: no "mistake" after this
    if choice == "quit":
        return Transition(state._replace(stage="closed"), "quit")
    allowed = today.result.allows_strength if choice == "train" else today.result.allows_stretches
    if not allowed:
        return unchanged(state)
    mode = today.mode_for(choice)
    session = Session(
        new_session_id(clock()), clock(), today.report, today.result.outcome, mode, Workout((), ())
    )
    if state.corrections:  # today's corrections go into today's session (history, report)
        session = session.with_decisions(list(state.corrections))
        state = state._replace(corrections=())
    plan = state.plan
    if today.next_day is not None and today.next_day.decisions:
        plan = today.next_day.plan
        session = session.with_decisions(list(today.next_day.decisions))
    # No plan yet: the assessment finds one. Not when every exercise rests after it hurt: trying
    # other rungs then is no step a physiotherapist would take (the picker says why).
    if not plan.exercise_ids and mode == "full" and not everything_hurt(catalog, plan):
        state = state._replace(stage="assessment", session=session, plan=plan)
        return Transition(state, "assessment")
    from backrun_tui.coach.session.picker_model import open_picker

    return open_picker(catalog, state, session, plan, clock())


def assessment_done(
    catalog: Catalog, state: SessionState, event: ev.AssessmentDone, clock: Clock
) -> Transition:
    if state.stage != "assessment" or state.session is None:
        return unchanged(state)
    from backrun_tui.coach.session.picker_model import open_picker

    resting = state.plan.benched
    plan, decisions = plan_from_assessment(catalog, dict(event.answers), clock(), resting)
    session = state.session.with_decisions(decisions)
    return psfs_first(open_picker(catalog, state, session, plan, clock()), clock())


HANDLERS: dict[type, Callable[..., Transition]] = {
    ev.Launch: launch,
    ev.ResumeAnswered: resume_answered,
    ev.NewsRead: news_read,
    ev.DoctorNoticeRead: doctor_notice_read,
    ev.StartOver: start_over,
    ev.CheckAnswered: check_answered,
    ev.GateAnswered: gate_answered,
    ev.AdviceChosen: advice_chosen,
    ev.AssessmentDone: assessment_done,
    **PSFS_HANDLERS,
}


@cache
def later_handlers() -> dict[type, Callable[..., Transition]]:
    """The picker's and the workout's events. Their modules load on first use: start-up shows
    the symptom check (or the resume question) and needs neither."""
    from backrun_tui.coach.session import offer_model, picker_model, run_model, workout_model

    return {
        **picker_model.HANDLERS,
        **workout_model.HANDLERS,
        **offer_model.HANDLERS,
        **run_model.HANDLERS,
    }
