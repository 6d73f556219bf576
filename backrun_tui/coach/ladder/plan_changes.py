"""Plan changes that follow the runner's settings (outdoors or not)."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan, is_free, swap


def apply_outdoor_setting(
    catalog: Catalog, plan: Plan, outdoor: bool, now: datetime
) -> tuple[Plan, list[Decision]]:
    """Outdoors, a rung with an outdoor alternative is swapped for it (Single Leg Jump Squats ->
    Forward Jump Squats); indoors again, it is swapped back."""
    decisions: list[Decision] = []
    for exercise in catalog.ladder():
        alternative = exercise.alternative
        if alternative is None:
            continue
        if outdoor and exercise.id in plan and is_free(catalog, plan, alternative, exercise.id):
            plan, decision = swap(
                catalog, plan, exercise.id, alternative, "alternative", "outdoor setting is on", now
            )
            decisions.append(decision)
        elif (
            not outdoor and alternative in plan and is_free(catalog, plan, exercise.id, alternative)
        ):
            plan, decision = swap(
                catalog,
                plan,
                alternative,
                exercise.id,
                "alternative",
                "outdoor setting is off",
                now,
            )
            decisions.append(decision)
    return plan, decisions
