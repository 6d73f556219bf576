"""The plan: which strength exercises the runner does, and how exercises are swapped."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from backrun_tui.coach.decisions import Decision, DecisionKind, describe
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise

PLAN_SIZE = 4
UPPER_BACK_EXERCISE = "wall-lateral-pull-downs"


@dataclass(frozen=True)
class Bench:
    """An exercise resting: flagged painful ("painful"), or not yet possible at the assessment
    ("not_yet"). Either way no swap or promotion picks it; after a cool-down it is offered as a
    retest."""

    exercise_id: str
    since: date
    replaced_by: str | None = None  # what took its place, swapped back on a retest
    why: Literal["painful", "not_yet"] = "painful"


@dataclass(frozen=True)
class Plan:
    """The runner's strength exercises (stretches are always part of a session)."""

    exercise_ids: tuple[str, ...]
    benched: tuple[Bench, ...] = ()

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercise_ids

    @property
    def benched_ids(self) -> frozenset[str]:
        return frozenset(b.exercise_id for b in self.benched)

    def unavailable(self) -> frozenset[str]:
        """Exercises a swap must not pick: already planned, or resting."""
        return frozenset(self.exercise_ids) | self.benched_ids


def ordered(catalog: Catalog, exercise_ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Exercise ids by rung, easiest first, without duplicates."""
    unique = dict.fromkeys(exercise_ids)
    return tuple(sorted(unique, key=lambda i: (catalog.get(i).rung or 0, i)))


# --- neighbours -----------------------------------------------------------------------------


def _relatives(catalog: Catalog, exercise_id: str) -> set[str]:
    """Exercises that stand for the same step of the ladder: a rung, its easier variant and its
    outdoor alternative. The plan holds one of them at a time."""
    exercise = catalog.get(exercise_id)
    related = {exercise_id}
    if exercise.kind == "variant" and exercise.harder:
        related.add(exercise.harder)
    if exercise.easier and catalog.get(exercise.easier).kind == "variant":
        related.add(exercise.easier)
    if exercise.alternative:
        related.add(exercise.alternative)
    if exercise.kind == "alternative":
        related.update(e.id for e in catalog.ladder() if e.alternative == exercise_id)
    return related


def _blocked(catalog: Catalog, plan: Plan, moving_id: str) -> frozenset[str]:
    """What a swap of `moving_id` must not pick: the rest of the plan and its relatives, and
    anything resting."""
    blocked = set(plan.unavailable())
    for planned in plan.exercise_ids:
        if planned != moving_id:
            blocked |= _relatives(catalog, planned)
    return frozenset(blocked)


def is_free(catalog: Catalog, plan: Plan, exercise_id: str, in_place_of: str | None = None) -> bool:
    """Whether an exercise may enter the plan (in place of `in_place_of`, when given): it is not
    planned, not resting, and no relative of it is planned."""
    return exercise_id not in _blocked(catalog, plan, in_place_of or exercise_id)


def easier_option(catalog: Catalog, plan: Plan, exercise_id: str) -> Exercise | None:
    """The easier variant of an exercise, else the next easier rung not in the plan or resting."""
    exercise = catalog.get(exercise_id)
    blocked = _blocked(catalog, plan, exercise_id)
    if exercise.easier and exercise.easier not in blocked:
        return catalog.get(exercise.easier)
    if exercise.kind == "addon" or exercise.rung is None:
        return None
    below = [e for e in catalog.ladder() if e.rung is not None and e.rung < exercise.rung]
    for candidate in reversed(below):
        if candidate.id not in blocked:
            return candidate
    return None


def harder_option(catalog: Catalog, plan: Plan, exercise_id: str) -> Exercise | None:
    """What a variant grows into, else the next harder rung not in the plan or resting."""
    exercise = catalog.get(exercise_id)
    blocked = _blocked(catalog, plan, exercise_id)
    if exercise.harder and exercise.harder not in blocked:
        return catalog.get(exercise.harder)
    if exercise.kind in ("addon", "alternative") or exercise.rung is None:
        return None
    # A variant sits beside its rung, so the search starts at that rung itself.
    start = exercise.rung if exercise.kind == "variant" else exercise.rung + 1
    for candidate in catalog.ladder():
        if candidate.rung is not None and candidate.rung >= start and candidate.id not in blocked:
            return candidate
    return None


def alternative_option(catalog: Catalog, plan: Plan, exercise_id: str) -> Exercise | None:
    """The outdoor alternative of an exercise, if it has one and it is free to use."""
    exercise = catalog.get(exercise_id)
    if exercise.alternative and exercise.alternative not in _blocked(catalog, plan, exercise_id):
        return catalog.get(exercise.alternative)
    return None


# --- changes ---------------------------------------------------------------------------------


def swap(
    catalog: Catalog,
    plan: Plan,
    from_id: str,
    to_id: str,
    kind: DecisionKind,
    reason: str,
    now: datetime,
) -> tuple[Plan, Decision]:
    """Replace one exercise of the plan with another, keeping rung order."""
    if from_id not in plan:
        raise ValueError(f"{from_id} is not in the plan")
    if to_id in plan:
        raise ValueError(f"{to_id} is already in the plan")
    ids = [to_id if i == from_id else i for i in plan.exercise_ids]
    new_plan = replace(plan, exercise_ids=ordered(catalog, ids))
    return new_plan, _decision(catalog, kind, from_id, to_id, reason, now)


def add_exercise(
    catalog: Catalog, plan: Plan, exercise_id: str, kind: DecisionKind, reason: str, now: datetime
) -> tuple[Plan, Decision | None]:
    """Add an exercise (e.g. the upper-back add-on); no decision if it is already there."""
    if exercise_id in plan:
        return plan, None
    new_plan = replace(plan, exercise_ids=ordered(catalog, [*plan.exercise_ids, exercise_id]))
    return new_plan, _decision(catalog, kind, None, exercise_id, reason, now)


def regress(
    catalog: Catalog, plan: Plan, exercise_id: str, reason: str, now: datetime, *, bench: bool
) -> tuple[Plan, Decision]:
    """Swap an exercise that hurt or was too hard for an easier one, at once.

    A painful exercise (bench=True) also rests, to be offered again later as a retest. When no
    easier exercise is free, the exercise leaves the plan; the stretches always remain."""
    if exercise_id not in plan:
        raise ValueError(f"{exercise_id} is not in the plan")
    target = easier_option(catalog, plan, exercise_id)
    if bench:
        rest = Bench(exercise_id, now.date(), target.id if target else None)
        plan = replace(plan, benched=(*plan.benched, rest))
    if target is not None:
        return swap(catalog, plan, exercise_id, target.id, "regress", reason, now)
    remaining = tuple(i for i in plan.exercise_ids if i != exercise_id)
    after = "it rests for now" if bench else "it leaves the plan for now"
    text_reason = f"{reason}; no easier exercise is free, so {after}"
    return replace(plan, exercise_ids=remaining), _decision(
        catalog, "drop", exercise_id, None, text_reason, now
    )


def promote(
    catalog: Catalog, plan: Plan, exercise_id: str, reason: str, now: datetime
) -> tuple[Plan, Decision | None]:
    """Move up to the next harder exercise not in the plan; None when there is none."""
    target = harder_option(catalog, plan, exercise_id)
    if target is None:
        return plan, None
    return swap(catalog, plan, exercise_id, target.id, "promote", reason, now)


def _decision(
    catalog: Catalog,
    kind: DecisionKind,
    from_id: str | None,
    to_id: str | None,
    reason: str,
    now: datetime,
) -> Decision:
    from_name = catalog.get(from_id).name if from_id else None
    to_name = catalog.get(to_id).name if to_id else None
    return Decision(kind, from_id, to_id, reason, describe(from_name, to_name, reason), now)
