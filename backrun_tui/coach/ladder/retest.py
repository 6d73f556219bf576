"""Benched exercises: after a cool-down they are offered again as a retest, never silently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import PLAN_SIZE, Bench, Plan, add_exercise, is_free, swap

COOL_DOWN = timedelta(days=14)


def due_retests(plan: Plan, today: date, cool_down: timedelta = COOL_DOWN) -> list[Bench]:
    """Benched exercises whose cool-down is over, longest resting first."""
    return sorted((b for b in plan.benched if today - b.since >= cool_down), key=lambda b: b.since)


def accept_retest(
    catalog: Catalog, plan: Plan, bench: Bench, now: datetime
) -> tuple[Plan, Decision]:
    """Bring a rested exercise back: in place of what replaced it, else added if there is room."""
    rested = replace(plan, benched=tuple(b for b in plan.benched if b != bench))
    days = (now.date() - bench.since).days
    reason = (
        f"retest after {days} days' rest (you chose to try it again)"
        if bench.why == "painful"
        else f"retest {days} days after the assessment (you chose to try it)"
    )
    back, replaced = bench.exercise_id, bench.replaced_by
    if replaced and replaced in rested and is_free(catalog, rested, back, in_place_of=replaced):
        return swap(catalog, rested, replaced, back, "retest", reason, now)
    ladder_count = sum(1 for i in rested.exercise_ids if catalog.get(i).kind != "addon")
    strength = not catalog.get(back).is_stretch  # a rested stretch just rejoins the stretches
    if ladder_count < PLAN_SIZE and strength and is_free(catalog, rested, back):
        new_plan, decision = add_exercise(catalog, rested, bench.exercise_id, "retest", reason, now)
        if decision is not None:
            return new_plan, decision
    name = catalog.get(bench.exercise_id).name
    text = f"{name} is free to use again: {reason}"
    return rested, Decision("retest", bench.exercise_id, None, reason, text, now)


def decline_retest(
    catalog: Catalog, plan: Plan, bench: Bench, now: datetime
) -> tuple[Plan, Decision]:
    """Keep it resting for another cool-down."""
    again = Bench(bench.exercise_id, now.date(), bench.replaced_by, bench.why)
    benched = tuple(again if b == bench else b for b in plan.benched)
    reason = f"you declined the retest; offered again in {COOL_DOWN.days} days"
    text = f"{catalog.get(bench.exercise_id).name} keeps resting: {reason}"
    return replace(plan, benched=benched), Decision(
        "bench", bench.exercise_id, None, reason, text, now
    )
