"""What follows pain (or "too hard") in a session: after a painful flag at 6/10 or more the rest
of the session is gentle; otherwise the easier exercise that takes the painful one's place is
offered at once, in the same session, and the runner may decline."""

from __future__ import annotations

from dataclasses import replace

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Feedback
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import session_items
from backrun_tui.coach.safety.triage import FLARE_UP_PAIN
from backrun_tui.coach.session.session_state import Offer
from backrun_tui.coach.settings import Settings


def gentle_from_here(
    catalog: Catalog, session: Session, plan: Plan, settings: Settings, feedback: Feedback
) -> tuple[Session, Decision] | None:
    """A painful flag at 6/10 or more (red) makes the rest of the session a flare-up session:
    the stretches and the easiest rungs not done yet, fewer sets."""
    pain = feedback.pain
    if pain is None or pain < FLARE_UP_PAIN or feedback.rating != "painful":
        return None
    if session.mode not in ("full", "light"):
        return None
    workout = session.workout
    passed = {i.exercise_id for i in workout.items[: workout.item_index + 1]}
    rest = tuple(
        item
        for item in session_items(catalog, plan, "flare_up", settings.sets)
        if item.exercise_id not in passed
    )
    sided = tuple(catalog.get(i.exercise_id).sided == "sides" for i in rest)
    name = catalog.get(feedback.exercise_id).name
    reason = f"pain {pain}/10 in {name}"
    text = (
        f"The rest of today is a gentle flare-up session: {reason}, so only the stretches "
        "and the easiest exercises follow"
    )
    gentle = replace(session, mode="flare_up").with_workout(workout.with_rest(rest, sided))
    return gentle, Decision("gentle", feedback.exercise_id, None, reason, text, feedback.at)


def replacement_offer(
    catalog: Catalog,
    session: Session,
    feedback: Feedback,
    decisions: list[Decision],
    rest_first: bool,
) -> Offer | None:
    """The easier exercise that took the painful (or too hard) one's place in the plan, to try
    now; None when there is none, or today's session already holds it. `session`: before the
    workout moves on from the exercise."""
    if feedback.rating not in ("painful", "too_hard"):
        return None
    swapped = next(
        (d for d in decisions if d.kind == "regress" and d.from_id == feedback.exercise_id),
        None,
    )
    if swapped is None or swapped.to_id is None or catalog.get(swapped.to_id).is_stretch:
        return None
    workout = session.workout
    if any(item.exercise_id == swapped.to_id for item in workout.items):
        return None
    sets = workout.items[workout.item_index].sets
    return Offer(swapped.to_id, sets, rest_first, feedback.exercise_id)


def offer_question(catalog: Catalog, offer: Offer) -> str:
    easier, instead = catalog.get(offer.exercise_id), catalog.get(offer.instead_of)
    return (
        f"{easier.name} takes the place of {instead.name} in your plan. Try {easier.name} now, "
        f"{offer.sets} sets? Go gently, and stop if it hurts too."
    )
