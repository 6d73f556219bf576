"""The session model, the one owner of a session's rules: an event and the state in, the new
state, its decisions, what to save and what comes next out. Pure: no Textual, no files.

This module takes a day from launch to the start of the workout (resume, doctor reminder,
symptom check, advice, assessment, picker); `workout_model` takes it from there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from backrun_tui.coach import events as ev
from backrun_tui.coach import workout_model as wm
from backrun_tui.coach.catalog import Catalog
from backrun_tui.coach.decisions import Decision, DecisionKind
from backrun_tui.coach.picker_rules import retest_due, swap_options, today_items
from backrun_tui.coach.plan import UPPER_BACK_EXERCISE, Plan, add_exercise, plan_from_assessment
from backrun_tui.coach.plan import swap as swap_in_plan
from backrun_tui.coach.plan_changes import apply_outdoor_setting
from backrun_tui.coach.progression import NOT_IMPROVING_AFTER, next_day_check, not_improving
from backrun_tui.coach.retest import accept_retest, decline_retest
from backrun_tui.coach.session import Session, new_session_id
from backrun_tui.coach.session_filing import file_session
from backrun_tui.coach.session_state import (
    RECENT_CHECKS,
    Clock,
    SessionState,
    Today,
    Transition,
    next_for,
)
from backrun_tui.coach.triage import triage
from backrun_tui.coach.workout import Workout, start_workout
from backrun_tui.coach.writes import (
    RecordCheck,
    SaveLive,
    SavePlan,
    SaveProgress,
    SaveSettings,
    Write,
)

SWAP_REASONS = {
    "easier": "you chose an easier one",
    "harder": "you chose a harder one",
    "outdoor": "outdoor alternative",
}
UNDER_WAY = "A session is under way: end it first with q."

Handler = Callable[[Catalog, SessionState, Any, Clock], Transition]


def apply(catalog: Catalog, state: SessionState, event: ev.Event, clock: Clock) -> Transition:
    """The one entry point: what `event` does to `state` at `now`."""
    handler = cast(Handler | None, HANDLERS.get(type(event)))
    if handler is None:
        return Transition(state, next_for(state))
    return handler(catalog, state, event, clock)


def unchanged(state: SessionState, message: str = "") -> Transition:
    return Transition(state, next_for(state), message=message)


# --- launch, resume, doctor reminder ------------------------------------------------------------


def launch(catalog: Catalog, state: SessionState, _: ev.Launch, clock: Clock) -> Transition:
    """Offer an interrupted session; one that ended or never started a set is filed first."""
    live = state.live
    if live is not None and live.workout.items and live.ended_at is None:
        return Transition(replace(state, stage="resume"), "resume")
    writes: tuple[Write, ...] = ()
    if live is not None:
        state, writes = file_session(replace(state, live=None), live, clock())
    return doctor_or_check(state, clock(), writes)


def resume_answered(
    catalog: Catalog, state: SessionState, event: ev.ResumeAnswered, clock: Clock
) -> Transition:
    live = state.live
    if state.stage != "resume" or live is None:
        return unchanged(state)
    state = replace(state, live=None)
    if event.resume:
        return wm.resume(catalog, state, live, clock())
    state, writes = file_session(state, live, clock())
    return doctor_or_check(state, clock(), writes)


def doctor_or_check(
    state: SessionState, now: datetime, writes: tuple[Write, ...] = ()
) -> Transition:
    """Three weeks without improvement: advise a doctor on every launch until read (and again
    three weeks after it was read); else straight to the symptom check."""
    state = replace(state, today=None, session=None, hold_running=False)
    reason = not_improving(list(state.checks), state.progress.first_session, now)
    seen = state.progress.doctor_acknowledged
    if reason and (seen is None or now - seen >= NOT_IMPROVING_AFTER):
        return Transition(replace(state, stage="doctor", doctor_reason=reason), "doctor", writes)
    return Transition(replace(state, stage="check"), "check", writes)


def doctor_notice_read(
    _: Catalog, state: SessionState, event: ev.DoctorNoticeRead, clock: Clock
) -> Transition:
    if state.stage != "doctor":
        return unchanged(state)
    state = replace(state, stage="check", doctor_reason="")
    if not event.understood:
        return Transition(state, "check")
    progress = replace(state.progress, doctor_acknowledged=clock())
    return Transition(replace(state, progress=progress), "check", (SaveProgress(progress),))


def start_over(catalog: Catalog, state: SessionState, _: ev.StartOver, clock: Clock) -> Transition:
    """A new check from the palette. A session not yet started is filed (its changes kept)."""
    if state.stage == "workout":
        return unchanged(state, UNDER_WAY)
    writes: tuple[Write, ...] = ()
    if state.session is not None and state.stage in ("assessment", "picker"):
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
        since = state.progress.last_session_start
        last_decisions = [d for d in state.log if since is None or d.at >= since]
        next_day = next_day_check(
            catalog,
            state.plan,
            report.pain,
            list(state.checks),
            state.progress.last_session_end,
            last_decisions,
            clock(),
        )
    checks = (*state.checks, (clock(), report.pain))[-RECENT_CHECKS:]
    today = Today(report, result, next_day)
    state = replace(state, stage="advice", today=today, checks=checks)
    return Transition(state, "advice", (RecordCheck(report, result.outcome, clock()),))


def advice_chosen(
    catalog: Catalog, state: SessionState, event: ev.AdviceChosen, clock: Clock
) -> Transition:
    today = state.today
    if state.stage != "advice" or today is None:
        return unchanged(state)
    choice = event.choice
    if choice == "recheck":
        return Transition(replace(state, stage="check", today=None), "check")
    if choice == "quit":
        return Transition(replace(state, stage="closed"), "quit")
    allowed = today.result.allows_strength if choice == "train" else today.result.allows_stretches
    if not allowed:
        return unchanged(state)
    mode = today.mode_for(choice)
    session = Session(
        new_session_id(clock()), clock(), today.report, today.result.outcome, mode, Workout((), ())
    )
    plan = state.plan
    if today.next_day is not None and today.next_day.decisions:
        plan = today.next_day.plan
        session = session.with_decisions(list(today.next_day.decisions))
    if not plan.exercise_ids and mode == "full":
        state = replace(state, stage="assessment", session=session, plan=plan)
        return Transition(state, "assessment")
    return open_picker(catalog, state, session, plan, clock())


def assessment_done(
    catalog: Catalog, state: SessionState, event: ev.AssessmentDone, clock: Clock
) -> Transition:
    if state.stage != "assessment" or state.session is None:
        return unchanged(state)
    plan, decisions = plan_from_assessment(catalog, dict(event.answers), clock())
    return open_picker(catalog, state, state.session.with_decisions(decisions), plan, clock())


def open_picker(
    catalog: Catalog, state: SessionState, session: Session, plan: Plan, now: datetime
) -> Transition:
    """Today's list: with the upper-back add-on when the check asks for it (not on a flare-up
    or stretches-only day), and the outdoor alternative when that setting is on."""
    assert state.today is not None
    if state.today.result.add_upper_back_exercise and session.mode in ("full", "light"):
        reason = "for your upper-back pain"
        plan, added = add_exercise(catalog, plan, UPPER_BACK_EXERCISE, "addon", reason, now)
        if added is not None:
            session = session.with_decisions([added])
    plan, outdoor = apply_outdoor_setting(catalog, plan, state.settings.outdoor, now)
    session = session.with_decisions(outdoor)
    writes: tuple[Write, ...] = (SavePlan(plan), SaveLive(session)) if session.decisions else ()
    state = replace(state, stage="picker", session=session, plan=plan)
    return Transition(state, "picker", writes, session.decisions)


# --- the picker ----------------------------------------------------------------------------------


def record(state: SessionState, plan: Plan, decisions: list[Decision]) -> Transition:
    """Keep changes made in the picker: in the session, the plan, and saved."""
    assert state.session is not None
    session = state.session.with_decisions(decisions)
    state = replace(state, plan=plan, session=session)
    writes = (SavePlan(plan), SaveLive(session)) if decisions else ()
    return Transition(state, "picker", writes, tuple(decisions))


def swap(catalog: Catalog, state: SessionState, event: ev.Swap, clock: Clock) -> Transition:
    if state.stage != "picker" or event.exercise_id not in catalog:
        return unchanged(state)
    exercise = catalog.get(event.exercise_id)
    target = swap_options(catalog, state, exercise.id).get(event.which)
    if target is None:
        return unchanged(state, f"No {event.which} exercise is free for {exercise.name}.")
    kind: DecisionKind = "alternative" if event.which == "outdoor" else "swap"
    reason = SWAP_REASONS[event.which]
    plan, decision = swap_in_plan(
        catalog, state.plan, exercise.id, target.id, kind, reason, clock()
    )
    return record(state, plan, [decision])


def retest(catalog: Catalog, state: SessionState, event: ev.Retest, clock: Clock) -> Transition:
    bench = retest_due(state) if state.stage == "picker" else None
    if bench is None:
        return unchanged(state)
    answer = accept_retest if event.accept else decline_retest
    plan, decision = answer(catalog, state.plan, bench, clock())
    return record(state, plan, [decision])


def stretches_only(_: Catalog, state: SessionState, __: ev.StretchesOnly, ___: Any) -> Transition:
    if state.stage != "picker" or state.session is None or state.session.mode == "stretches":
        return unchanged(state)
    return Transition(replace(state, session=replace(state.session, mode="stretches")), "picker")


def full_plan(_: Catalog, state: SessionState, __: ev.FullPlan, ___: Any) -> Transition:
    """Back from stretches only to the day's own kind of session (a flare-up stays one)."""
    session, today = state.session, state.today
    if state.stage != "picker" or session is None or today is None:
        return unchanged(state)
    if session.mode != "stretches" or not state.can_train:
        return unchanged(state)
    session = replace(session, mode=today.mode_for("train"))
    return Transition(replace(state, session=session), "picker")


def settings_changed(
    catalog: Catalog, state: SessionState, event: ev.SettingsChanged, clock: Clock
) -> Transition:
    """New settings are kept at once; in the picker, today's list follows them."""
    saved: tuple[Write, ...] = (SaveSettings(event.settings),)
    state = replace(state, settings=event.settings)
    if state.stage != "picker" or state.session is None:
        return Transition(state, next_for(state), saved)
    plan, changes = apply_outdoor_setting(catalog, state.plan, event.settings.outdoor, clock())
    done = record(state, plan, changes)
    return replace(done, writes=(*saved, *done.writes))


def start_workout_event(
    catalog: Catalog, state: SessionState, _: ev.StartWorkout, clock: Clock
) -> Transition:
    if state.stage != "picker" or state.session is None:
        return unchanged(state)
    workout = start_workout(catalog, today_items(catalog, state))
    return wm.begin(catalog, state, state.session.with_workout(workout), clock())


def quit_picker(
    catalog: Catalog, state: SessionState, _: ev.QuitPicker, clock: Clock
) -> Transition:
    if state.stage != "picker" or state.session is None:
        return unchanged(state)
    state, writes = file_session(state, state.session, clock())
    return Transition(replace(state, stage="closed", session=None), "quit", writes)


HANDLERS: dict[type, Callable[..., Transition]] = {
    ev.Launch: launch,
    ev.ResumeAnswered: resume_answered,
    ev.DoctorNoticeRead: doctor_notice_read,
    ev.StartOver: start_over,
    ev.CheckAnswered: check_answered,
    ev.AdviceChosen: advice_chosen,
    ev.AssessmentDone: assessment_done,
    ev.Swap: swap,
    ev.Retest: retest,
    ev.StretchesOnly: stretches_only,
    ev.FullPlan: full_plan,
    ev.SettingsChanged: settings_changed,
    ev.StartWorkout: start_workout_event,
    ev.QuitPicker: quit_picker,
    **wm.HANDLERS,
}
