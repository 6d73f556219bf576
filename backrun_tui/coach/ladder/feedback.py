"""The quick question after each exercise, and what the coach does with the answer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal, TypedDict

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.plan import Bench, Plan, promote, regress
from backrun_tui.coach.ladder.skips import passed_over, skip_question
from backrun_tui.coach.safety.triage import pain_zone

Rating = Literal["painful", "too_hard", "just_right", "too_easy"]
RATINGS: tuple[Rating, ...] = ("painful", "too_hard", "just_right", "too_easy")
RATING_LABELS: dict[Rating, str] = {
    "painful": "Painful",
    "too_hard": "Too hard / lost form",
    "just_right": "Just right",
    "too_easy": "Too easy",
}


class Weighed(TypedDict):
    """What the coach weighs besides the answer itself (apply_feedback's and skip_to_ask's
    keyword arguments)."""

    progressed_today: bool
    pain_today: int
    reps: tuple[int, ...] | None
    rep_low: int


@dataclass(frozen=True)
class Feedback:
    exercise_id: str
    rating: Rating
    pain: int | None  # 0-10, asked when the exercise was painful
    at: datetime


def apply_feedback(
    catalog: Catalog,
    plan: Plan,
    feedback: Feedback,
    *,
    progressed_today: bool,
    pain_today: int = 0,
    reps: tuple[int, ...] | None = None,
    rep_low: int = 0,
    skip_ok: bool = False,
) -> tuple[Plan, list[Decision]]:
    """Change the plan at once when an exercise hurt, was too hard, or was too easy.

    Painful or too hard: the easier variant, else the next easier rung not in the plan (a
    painful exercise also rests). Too easy: the next harder rung, one such step per session,
    only while today's pain is in the green (amber holds the exercise where it is), and only
    when every set (`reps`, this session's) reached the bottom of the range (`rep_low`). Each
    "too easy" that does not move the exercise says why in its own line. A move up that would
    pass over rungs the runner is not doing happens only with `skip_ok` (they were asked)."""
    exercise = catalog.get(feedback.exercise_id)
    now = feedback.at
    if feedback.rating == "painful":
        reason = "flagged painful" + (
            f" (pain {feedback.pain}/10)" if feedback.pain is not None else ""
        )
        if exercise.id in plan:
            new_plan, decision = regress(catalog, plan, exercise.id, reason, now, bench=True)
            return new_plan, [decision]
        if exercise.id in plan.benched_ids:
            return plan, []
        rested = replace(plan, benched=(*plan.benched, Bench(exercise.id, now.date())))
        text = f"{exercise.name} rests for now: {reason}"
        return rested, [Decision("bench", exercise.id, None, reason, text, now)]
    if exercise.id not in plan:
        return plan, []  # stretches and flare-up extras: nothing to swap
    if feedback.rating == "too_hard":
        new_plan, decision = regress(catalog, plan, exercise.id, "too hard", now, bench=False)
        return new_plan, [decision]
    if feedback.rating != "too_easy":
        return plan, []
    stays = _too_easy_stays(exercise, now, progressed_today, pain_today, reps, rep_low)
    if stays is not None:
        return plan, [stays]
    skipped = passed_over(catalog, plan, exercise.id)
    if skipped and not skip_ok:
        reason = f"moving up now would pass over {'; '.join(skipped)}, and you chose to stay"
        return plan, [_stays(exercise, reason, now)]
    reason = f"too easy; you chose to pass over {'; '.join(skipped)}" if skipped else "too easy"
    new_plan, maybe = promote(catalog, plan, exercise.id, reason, now)
    if maybe is not None:
        return new_plan, [maybe]
    tip = f"; to make it harder: {exercise.harder_tip}" if exercise.harder_tip else ""
    top = max(e.rung or 0 for e in catalog.ladder())
    where = "it is the top of the ladder" if exercise.rung == top else "nothing harder is free"
    text = f"{exercise.name} stays: {where}{tip}"
    return plan, [Decision("hold", exercise.id, None, "too easy", text, now)]


def skip_to_ask(
    catalog: Catalog,
    plan: Plan,
    feedback: Feedback,
    *,
    progressed_today: bool,
    pain_today: int = 0,
    reps: tuple[int, ...] | None = None,
    rep_low: int = 0,
) -> str:
    """The question to ask before acting on a "too easy" whose move up would pass over rungs
    the runner is not doing; "" when there is nothing to ask."""
    if feedback.rating != "too_easy" or feedback.exercise_id not in plan:
        return ""
    exercise = catalog.get(feedback.exercise_id)
    if _too_easy_stays(exercise, feedback.at, progressed_today, pain_today, reps, rep_low):
        return ""
    return skip_question(catalog, plan, exercise.id)


def _too_easy_stays(
    exercise: Exercise,
    now: datetime,
    progressed_today: bool,
    pain_today: int,
    reps: tuple[int, ...] | None,
    rep_low: int,
) -> Decision | None:
    """Why a "too easy" exercise does not move up today, if it does not."""
    if pain_zone(pain_today) != "green":
        reason = f"pain is {pain_today}/10 today; moving up waits until pain is 0-3"
        return _stays(exercise, reason, now)
    if progressed_today:
        return _stays(exercise, "one step up per session; it can move up next time", now)
    if reps is not None and (not reps or min(reps) < rep_low):
        reason = f"try more reps next time: every set at {rep_low} or more before moving up"
        return _stays(exercise, reason, now)
    return None


def _stays(exercise: Exercise, reason: str, now: datetime) -> Decision:
    return Decision("hold", exercise.id, None, reason, f"{exercise.name} stays: {reason}", now)
