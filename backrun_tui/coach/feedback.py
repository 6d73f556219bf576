"""The quick question after each exercise, and what the coach does with the answer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from backrun_tui.coach.catalog import Catalog
from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.plan import Bench, Plan, promote, regress
from backrun_tui.coach.triage import pain_zone

Rating = Literal["painful", "too_hard", "just_right", "too_easy"]
RATINGS: tuple[Rating, ...] = ("painful", "too_hard", "just_right", "too_easy")
RATING_LABELS: dict[Rating, str] = {
    "painful": "Painful",
    "too_hard": "Too hard / lost form",
    "just_right": "Just right",
    "too_easy": "Too easy",
}


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
) -> tuple[Plan, list[Decision]]:
    """Change the plan at once when an exercise hurt, was too hard, or was too easy.

    Painful or too hard: the easier variant, else the next easier rung not in the plan (a
    painful exercise also rests). Too easy: the next harder rung, one such step per session,
    and only while today's pain is in the green (amber holds the exercise where it is)."""
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
    if feedback.rating == "too_easy" and pain_zone(pain_today) != "green":
        reason = f"pain is {pain_today}/10 today; moving up waits until pain is 0-3"
        text = f"{exercise.name} stays: {reason}"
        return plan, [Decision("hold", exercise.id, None, reason, text, now)]
    if feedback.rating == "too_easy" and not progressed_today:
        new_plan, maybe = promote(catalog, plan, exercise.id, "too easy", now)
        if maybe is None:
            tip = f"; to make it harder: {exercise.harder_tip}" if exercise.harder_tip else ""
            text = f"{exercise.name} stays: nothing harder is free{tip}"
            return plan, [Decision("hold", exercise.id, None, "too easy", text, now)]
        return new_plan, [maybe]
    return plan, []
