"""Promotions that would pass over a rung the runner is not doing: explained, and asked first."""

from __future__ import annotations

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan, harder_option

WHY_RESTING = {"painful": "resting after a painful flag", "not_yet": "not yet possible"}


def passed_over(
    catalog: Catalog, plan: Plan, exercise_id: str, *, only_resting: bool = False
) -> tuple[str, ...]:
    """The rungs a move up from this exercise would pass over without the runner doing them
    (resting, not yet possible, or otherwise not in the plan; only the first two when
    `only_resting`), each as "rung 5, Name (why)". Rungs already in the plan are not passed
    over: the runner does them."""
    target = harder_option(catalog, plan, exercise_id)
    exercise = catalog.get(exercise_id)
    if target is None or target.rung is None or exercise.rung is None:
        return ()
    if exercise.harder == target.id:
        return ()  # a variant growing into its own rung
    planned_rungs = {catalog.get(i).rung for i in plan.exercise_ids}
    resting = {b.exercise_id: WHY_RESTING[b.why] for b in plan.benched}
    skipped: list[str] = []
    for rung in catalog.ladder():
        if rung.rung is None or not exercise.rung < rung.rung < target.rung:
            continue
        if rung.rung in planned_rungs or (only_resting and rung.id not in resting):
            continue
        why = resting.get(rung.id, "not in your plan")
        skipped.append(f"rung {rung.rung}, {rung.name} ({why})")
    return tuple(skipped)


def skip_question(catalog: Catalog, plan: Plan, exercise_id: str) -> str:
    """The question before a move up that passes over rungs; "" when it passes over none."""
    skipped = passed_over(catalog, plan, exercise_id)
    target = harder_option(catalog, plan, exercise_id)
    if not skipped or target is None:
        return ""
    name = catalog.get(exercise_id).name
    return (
        f"{name} is ready to move up. The next free rung is rung {target.rung}, {target.name}: "
        f"it passes over {'; '.join(skipped)}. Moving more than one rung at a time is a bigger "
        "step than usual. Move up to it now?"
    )
