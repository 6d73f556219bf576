"""The first assessment: walk the ladder from the top and keep the first four rungs the runner
can do slowly, pain-free, with good form; but climb only as far as the runner can. When two or
more of rungs 1-4 are not possible yet, it stops there and starts from what was possible and
the easier forms, and says a physiotherapist can help choose a start (`docs/programme.md`, "How
the plan changes")."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.plan import PLAN_SIZE, Bench, Plan, _decision, ordered

FIRST_RUNGS = 4  # rungs 1-4: the start of the ladder
STOP_AFTER_FAILED = 2  # this many of them not possible yet: the climb stops
HARDEST_FROM = 9  # rungs 9-12 ...
HARDEST_NEED = 3  # ... only when at least this many of rungs 1-4 were possible


def _first_rungs(catalog: Catalog) -> list[Exercise]:
    return [e for e in catalog.ladder() if (e.rung or 0) <= FIRST_RUNGS]


def failed_first_rungs(catalog: Catalog, answers: dict[str, bool]) -> list[Exercise]:
    """The rungs of 1-4 answered "not yet", easiest first."""
    return [e for e in _first_rungs(catalog) if answers.get(e.id) is False]


def stopped_climbing(catalog: Catalog, answers: dict[str, bool]) -> bool:
    return len(failed_first_rungs(catalog, answers)) >= STOP_AFTER_FAILED


def hardest_allowed(catalog: Catalog, answers: dict[str, bool]) -> bool:
    """Rungs 9-12 may enter a plan only when three of rungs 1-4 were possible."""
    return sum(1 for e in _first_rungs(catalog) if answers.get(e.id)) >= HARDEST_NEED


def next_assessment_exercise(
    catalog: Catalog, answers: dict[str, bool], resting: frozenset[str] = frozenset()
) -> Exercise | None:
    """The next rung to ask about, walking the ladder from the top; None when the plan is full,
    every rung has been answered, or the climb stops (two of rungs 1-4 not yet possible; rungs
    9-12 without three of rungs 1-4 possible). A resting exercise is not asked about: it comes
    back only as a retest, after its rest."""
    if sum(answers.values()) >= PLAN_SIZE or stopped_climbing(catalog, answers):
        return None
    for exercise in catalog.ladder():
        if exercise.id in answers or exercise.id in resting:
            continue
        if (exercise.rung or 0) >= HARDEST_FROM and not hardest_allowed(catalog, answers):
            return None
        return exercise
    return None


def plan_from_assessment(
    catalog: Catalog, answers: dict[str, bool], now: datetime, resting: tuple[Bench, ...] = ()
) -> tuple[Plan, list[Decision]]:
    """The first four rungs the runner can do slowly, pain-free, with good form (never one
    that is resting; those keep resting). A rung the runner could not do yet rests too: no swap
    or promotion picks it until it has been retested. When the climb stopped, the plan is what
    was possible of rungs 1-4 and the easier forms of those that were not."""
    rest_ids = {b.exercise_id for b in resting}
    stopped = stopped_climbing(catalog, answers)
    passed = [
        e.id
        for e in catalog.ladder()
        if answers.get(e.id)
        and e.id not in rest_ids
        and ((e.rung or 0) < HARDEST_FROM or hardest_allowed(catalog, answers))
        and (not stopped or (e.rung or 0) <= FIRST_RUNGS)
    ][:PLAN_SIZE]
    not_yet = tuple(
        Bench(e.id, now.date(), why="not_yet")
        for e in catalog.ladder()
        if answers.get(e.id) is False and e.id not in rest_ids
    )
    reason = "passed the assessment (slow, pain-free, good form)"
    decisions = [_decision(catalog, "assessment", None, i, reason, now) for i in passed]
    if stopped:
        for failed, easier in easier_forms(catalog, answers, rest_ids | set(passed)):
            why = f"the easier form of {failed.name}, which is not possible yet"
            decisions.append(_decision(catalog, "assessment", None, easier.id, why, now))
            passed.append(easier.id)
    return Plan(ordered(catalog, passed), (*resting, *not_yet)), decisions


def easier_forms(
    catalog: Catalog, answers: dict[str, bool], taken: set[str]
) -> list[tuple[Exercise, Exercise]]:
    """(failed rung, its easier exercise) for the rungs of 1-4 not possible yet that have an
    easier exercise of their own in the catalog."""
    forms = []
    for failed in failed_first_rungs(catalog, answers):
        if failed.easier and failed.easier in catalog and failed.easier not in taken:
            forms.append((failed, catalog.get(failed.easier)))
    return forms


def stopped_message(catalog: Catalog, answers: dict[str, bool]) -> str:
    """What the runner reads when the climb stopped; "" when it did not."""
    if not stopped_climbing(catalog, answers):
        return ""
    failed = failed_first_rungs(catalog, answers)
    names = [e.name for e in failed]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    # The easier forms to try with a physiotherapist: those with no exercise of their own here.
    tips = "; ".join(
        f"{e.name}: {e.easier_tip[0].lower()}{e.easier_tip[1:]}"
        for e in failed
        if e.easier_tip and not (e.easier and e.easier in catalog)
    )
    said = (
        f"The assessment stopped at the start of the ladder: {listed} are not possible yet. "
        "A physiotherapist can help you choose where to start."
    )
    return f"{said} Easier forms to try with them: {tips}." if tips else said
