"""The session model in the picker: today's list, swaps, retests, stretches only, settings,
and the start (or not) of the workout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from backrun_tui.coach.decisions import Decision, DecisionKind
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import UPPER_BACK_EXERCISE, Plan, add_exercise
from backrun_tui.coach.ladder.plan import swap as swap_in_plan
from backrun_tui.coach.ladder.plan_changes import apply_outdoor_setting
from backrun_tui.coach.ladder.retest import accept_retest, decline_retest
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import start_workout
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session import workout_model as wm
from backrun_tui.coach.session.picker_rules import retest_due, swap_options, today_items
from backrun_tui.coach.session.session_filing import file_session
from backrun_tui.coach.session.session_state import (
    Clock,
    SessionState,
    Transition,
    next_for,
    unchanged,
)
from backrun_tui.coach.session.writes import SaveLive, SavePlan, SaveProgress, SaveSettings, Write

EVERYTHING_RESTS = (
    "Nothing to do today: every exercise and stretch for today is resting after it hurt. Pain "
    "in every exercise is itself a reason to see a physiotherapist or doctor; please book a "
    "visit. backrun gives advice, not a diagnosis."
)
SWAP_REASONS = {
    "easier": "you chose an easier one",
    "harder": "you chose a harder one",
    "outdoor": "outdoor alternative",
}


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
    state = state._replace(stage="picker", session=session, plan=plan)
    return Transition(state, "picker", writes, session.decisions)


# --- the picker ----------------------------------------------------------------------------------


def record(state: SessionState, plan: Plan, decisions: list[Decision]) -> Transition:
    """Keep changes made in the picker: in the session, the plan, and saved."""
    assert state.session is not None
    session = state.session.with_decisions(decisions)
    state = state._replace(plan=plan, session=session)
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
    return Transition(state._replace(session=replace(state.session, mode="stretches")), "picker")


def full_plan(_: Catalog, state: SessionState, __: ev.FullPlan, ___: Any) -> Transition:
    """Back from stretches only to the day's own kind of session (a flare-up stays one)."""
    session, today = state.session, state.today
    if state.stage != "picker" or session is None or today is None:
        return unchanged(state)
    if session.mode != "stretches" or not state.can_train:
        return unchanged(state)
    session = replace(session, mode=today.mode_for("train"))
    return Transition(state._replace(session=session), "picker")


def settings_changed(
    catalog: Catalog, state: SessionState, event: ev.SettingsChanged, clock: Clock
) -> Transition:
    """New settings are kept at once; in the picker, today's list follows them. A new rep range
    starts the sessions-in-a-row count again (the top of the range has moved), and says so."""
    new, old = event.settings, state.settings
    saved: tuple[Write, ...] = (SaveSettings(new),)
    restart: list[Decision] = []
    ranged = (new.rep_low, new.rep_high) != (old.rep_low, old.rep_high)
    if ranged and any(state.progress.streaks.values()):
        reason = f"the rep range changed to {new.rep_low}-{new.rep_high}"
        text = f"Sessions in a row at the top of the range count again from zero: {reason}"
        restart = [Decision("restart", None, None, reason, text, clock())]
        progress = replace(state.progress, streaks={})
        state = state._replace(progress=progress)
        saved = (*saved, SaveProgress(progress))
    state = state._replace(settings=new)
    if state.stage != "picker" or state.session is None:
        return Transition(state, next_for(state), saved, tuple(restart))
    plan, changes = apply_outdoor_setting(catalog, state.plan, new.outdoor, clock())
    done = record(state, plan, [*restart, *changes])
    return done._replace(writes=(*saved, *done.writes))


def start_workout_event(
    catalog: Catalog, state: SessionState, _: ev.StartWorkout, clock: Clock
) -> Transition:
    if state.stage != "picker" or state.session is None:
        return unchanged(state)
    items = today_items(catalog, state)
    if not items:  # never an empty session that ends in "nothing counted"
        return unchanged(state, EVERYTHING_RESTS)
    workout = start_workout(catalog, items)
    return wm.begin(catalog, state, state.session.with_workout(workout), clock())


def quit_picker(
    catalog: Catalog, state: SessionState, _: ev.QuitPicker, clock: Clock
) -> Transition:
    if state.stage != "picker" or state.session is None:
        return unchanged(state)
    state, writes = file_session(state, state.session, clock())
    return Transition(state._replace(stage="closed", session=None), "quit", writes)


HANDLERS: dict[type, Callable[..., Transition]] = {
    ev.Swap: swap,
    ev.Retest: retest,
    ev.StretchesOnly: stretches_only,
    ev.FullPlan: full_plan,
    ev.SettingsChanged: settings_changed,
    ev.StartWorkout: start_workout_event,
    ev.QuitPicker: quit_picker,
}
