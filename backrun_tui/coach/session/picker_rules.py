"""What the picker offers today: the list, the swaps an exercise has, a due retest, the notes."""

from __future__ import annotations

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.plan import Bench, alternative_option, easier_option, harder_option
from backrun_tui.coach.ladder.retest import COOL_DOWN, due_retests
from backrun_tui.coach.ladder.skips import passed_over
from backrun_tui.coach.ladder.workout import (
    EVERYTHING_HURT,
    WorkoutItem,
    everything_hurt,
    session_items,
)
from backrun_tui.coach.running.schedule import hard_rungs_rest, why_resting
from backrun_tui.coach.session.session_state import SessionState

MODE_NOTES = {
    "full": "Stretches first as a warm-up, then your strength exercises.",
    "light": "A lighter day: your plan with one set fewer, after your back was worse than usual.",
    "flare_up": "A flare-up day: the stretches and the two easiest exercises, fewer sets, gently. "
    "Your plan is kept for when the pain settles.",
    "stretches": "Stretches only today (a = back to today's session).",
}
# Stretches on a day without strength work: `a` has no session to go back to.
STRETCHES_ONLY_TODAY = {
    "doctor_soon": "Stretches only today, and only if they feel comfortable: no strength work "
    "until a doctor has checked you.",
    "severe": "Stretches and gentle movement only today, and only if they feel comfortable: "
    "your pain is severe. Contact a doctor if it does not ease within a day or two.",
}
SWAP_FINDERS = {"easier": easier_option, "harder": harder_option, "outdoor": alternative_option}


def today_items(catalog: Catalog, state: SessionState) -> list[WorkoutItem]:
    """Today's exercises with their sets, in order; not the hardest rungs on the day before a
    long run or in the last days before a race (see `coach.schedule`)."""
    if state.session is None:
        return []
    items = session_items(catalog, state.plan, state.session.mode, state.settings.sets)
    if not hard_rungs_rest(state.settings, state.session.started_at.date()):
        return items
    return [i for i in items if not catalog.get(i.exercise_id).hard]


def schedule_note(catalog: Catalog, state: SessionState) -> str:
    """Which planned exercises rest today for the long run or the race, and why; or ""."""
    if state.session is None or state.session.mode not in ("full", "light"):
        return ""
    reason = hard_rungs_rest(state.settings, state.session.started_at.date())
    names = [catalog.get(i).name for i in state.plan.exercise_ids if catalog.get(i).hard]
    return why_resting(names, reason) if reason and names else ""


def swap_options(catalog: Catalog, state: SessionState, exercise_id: str) -> dict[str, Exercise]:
    """The swaps a planned exercise has today (only on a full day: a lighter, flare-up or
    stretches-only day is no day to change the plan). Never a harder one the runner was just
    moved down from (see `harder_held_back`)."""
    if state.session is None or state.session.mode != "full" or exercise_id not in state.plan:
        return {}
    found = {k: find(catalog, state.plan, exercise_id) for k, find in SWAP_FINDERS.items()}
    if harder_held_back(catalog, state, exercise_id):
        found["harder"] = None
    return {k: v for k, v in found.items() if v is not None}


NO_SWAP_TODAY = {
    "light": "a lighter day is no day to change the plan",
    "flare_up": "a flare-up day is no day to change the plan",
    "stretches": "a stretches-only day has no swaps",
}


def no_swap_reason(catalog: Catalog, state: SessionState, exercise_id: str, which: str) -> str:
    """Why `e`, `h` or `o` has nothing to swap to today, in words for the picker's line."""
    exercise = catalog.get(exercise_id)
    if state.session is None:
        return ""
    if state.session.mode != "full":
        return f"No swaps today: {NO_SWAP_TODAY.get(state.session.mode, 'not today')}."
    if exercise_id not in state.plan:
        return f"No swaps for {exercise.name}: the stretches stay as they are."
    if which == "harder":
        held_back = harder_held_back(catalog, state, exercise_id)
        if held_back:
            return f"{held_back[0].upper()}{held_back[1:]}."
        top = exercise.rung == max(e.rung or 0 for e in catalog.ladder())
        where = "the top of the ladder" if top else "below rungs already in your plan or resting"
        return f"No harder swap for {exercise.name}: it is {where}."
    if which == "easier":
        first = exercise.rung == min(e.rung or 99 for e in catalog.ladder())
        where = (
            "it is the first rung of the ladder"
            if first
            else "every easier rung is in your plan already or resting"
        )
        tip = ' To ease it, see "To make it easier" in its details.' if exercise.easier_tip else ""
        return f"No easier swap for {exercise.name}: {where}.{tip}"
    return f"No outdoor swap for {exercise.name}: only some exercises have an outdoor version."


def harder_held_back(catalog: Catalog, state: SessionState, exercise_id: str) -> str:
    """Why there is no harder swap today, or "". Never one the coach moved the runner down from
    at the last session or since (too hard, or pain after a step up): moving up again is for
    the double progression or a "too easy", after another session. Never one that passes over
    a rung the runner cannot do yet or that rests after it hurt. (A swap the runner chose in
    the picker may be swapped back.)"""
    if state.session is None:
        return ""
    harder = harder_option(catalog, state.plan, exercise_id)
    if harder is None:
        return ""
    reason = hard_rungs_rest(state.settings, state.session.started_at.date())
    if harder.hard and reason:
        return f"no harder swap today: {harder.name} is one of the hardest rungs and {reason}"
    over = passed_over(catalog, state.plan, exercise_id, only_resting=True)
    if over:
        return f"no harder swap: it would pass over {'; '.join(over)}"
    since = state.progress.last_session_start
    for decision in reversed([*state.log, *state.pending_decisions()]):
        if decision.kind not in ("regress", "rollback") or decision.from_id != harder.id:
            continue
        if since is None or decision.at >= since:
            return (
                f"no harder swap today: you were moved down from {harder.name} on "
                f"{decision.at.day} {decision.at:%b} ({decision.reason})"
            )
    return ""


def retest_due(state: SessionState) -> Bench | None:
    """The exercise resting longest whose cool-down is over by today, offered on a full or light
    day."""
    if state.session is None or state.session.mode not in ("full", "light"):
        return None
    due = due_retests(state.plan, state.session.started_at.date())
    return due[0] if due else None


def retest_offer(catalog: Catalog, state: SessionState) -> str:
    bench = retest_due(state)
    if bench is None:
        return ""
    name = catalog.get(bench.exercise_id).name
    if bench.why == "not_yet":
        return (
            f"{name} was not yet possible at the assessment on {bench.since.day} "
            f"{bench.since:%b}. Try it today? r = retest, x = not yet"
        )
    return (
        f"{name} has rested since {bench.since.day} {bench.since:%b} after it hurt. "
        "Try it again today? r = retest, x = not yet"
    )


def mode_note(catalog: Catalog, state: SessionState) -> str:
    if state.session is None:
        return ""
    if state.session.mode in ("full", "light") and everything_hurt(catalog, state.plan):
        return EVERYTHING_HURT
    note = MODE_NOTES[state.session.mode]
    if state.session.mode == "stretches" and state.today is not None:
        result = state.today.result
        if not result.allows_strength:
            return STRETCHES_ONLY_TODAY["severe" if result.severe else "doctor_soon"]
        if result.flare_up:
            note = "Stretches only today (a = back to the gentle session)."
    if not state.plan.exercise_ids:  # a first run: there is no plan to keep yet
        note = note.replace(" Your plan is kept for when the pain settles.", "")
    return note


def missing_rungs_note(catalog: Catalog, state: SessionState) -> str:
    """Why a plan listed as 1, 2, 4, 5 has no 3: each rung below the highest planned one that is
    not in the plan, with why (resting after it hurt or not yet possible, and from when it is
    offered again; or passed on the way up)."""
    planned = {catalog.get(i).rung for i in state.plan.exercise_ids}
    top = max((r for r in planned if r is not None), default=0)
    benched = {catalog.get(b.exercise_id).rung: b for b in state.plan.benched}
    lines = []
    for exercise in catalog.ladder():
        rung = exercise.rung
        if rung is None or rung >= top or rung in planned or exercise.kind != "ladder":
            continue
        bench = benched.get(rung)
        if bench is None:
            why = "not in your plan: you have moved past it"
        else:
            again = bench.since + COOL_DOWN
            state_words = (
                "rests after it hurt" if bench.why == "painful" else "was not yet possible"
            )
            why = f"{state_words}; offered as a retest from {again.day} {again:%b}"
        lines.append(f"Rung {rung}, {exercise.name}, {why}.")
    return "\n".join(lines)


def assessment_note(catalog: Catalog, state: SessionState) -> str:
    """On the day of an assessment that stopped at the start of the ladder: why, and that a
    physiotherapist can help choose a start."""
    from backrun_tui.coach.ladder.first_assessment import stopped_message

    if state.session is None:
        return ""
    today = state.session.started_at.date()
    answers = {
        b.exercise_id: False
        for b in state.plan.benched
        if b.why == "not_yet" and b.since == today  # not possible at today's assessment
    }
    return stopped_message(catalog, answers)


def can_stretch_only(state: SessionState) -> bool:
    return state.session is not None and state.session.mode != "stretches"


def can_return_to_plan(state: SessionState) -> bool:
    return state.session is not None and state.session.mode == "stretches" and state.can_train


def no_strength_yet(catalog: Catalog, state: SessionState) -> bool:
    """A full day without a plan (the assessment passed nothing): stretches only."""
    return (
        state.session is not None
        and state.session.mode == "full"
        and not state.plan.exercise_ids
        and not everything_hurt(catalog, state.plan)
    )
