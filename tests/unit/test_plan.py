"""The plan: the first-run assessment and how exercises move up, down and sideways."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.first_assessment import (
    next_assessment_exercise,
    plan_from_assessment,
    stopped_message,
)
from backrun_tui.coach.ladder.plan import (
    Bench,
    Plan,
    add_exercise,
    alternative_option,
    easier_option,
    harder_option,
    promote,
    regress,
    swap,
)
from backrun_tui.coach.ladder.retest import accept_retest, due_retests

LADDER = (
    "superman",
    "beetle",
    "single-leg-balance-reach",
    "high-plank-leg-lifts",
    "single-leg-bridge",
    "side-plank-lifts",
    "quadruped-limb-raises",
    "superman-pull",
    "single-leg-deadlift",
    "high-plank-limb-raises",
    "v-ups",
    "single-leg-jump-squats",
)


def walk(catalog: Catalog, can_do: set[str]) -> tuple[list[str], dict[str, bool]]:
    """Answer the assessment like a runner who can do exactly `can_do`."""
    asked: list[str] = []
    answers: dict[str, bool] = {}
    while (exercise := next_assessment_exercise(catalog, answers)) is not None:
        asked.append(exercise.id)
        answers[exercise.id] = exercise.id in can_do
    return asked, answers


# --- assessment ------------------------------------------------------------------------------


def test_assessment_asks_in_ladder_order_and_stops_after_four_passes(
    catalog: Catalog, now: datetime
) -> None:
    can_do = {"superman", "beetle", "single-leg-balance-reach", "superman-pull"}
    asked, answers = walk(catalog, can_do)
    assert asked == list(LADDER[:8])  # the fourth pass is superman-pull, rung 8
    plan, decisions = plan_from_assessment(catalog, answers, now)
    assert plan.exercise_ids == ("superman", "beetle", "single-leg-balance-reach", "superman-pull")
    assert [d.to_id for d in decisions] == list(plan.exercise_ids)
    assert all(d.kind == "assessment" and d.from_id is None for d in decisions)
    assert decisions[0].text.startswith("Superman added: ")
    assert stopped_message(catalog, answers) == ""  # one of rungs 1-4 failed: the climb goes on


def test_two_of_the_first_four_not_possible_stop_the_climb(catalog: Catalog, now: datetime) -> None:
    can_do = {"beetle", "single-leg-bridge", "superman-pull", "v-ups", "single-leg-jump-squats"}
    asked, answers = walk(catalog, can_do | {"single-leg-balance"})
    assert asked == list(LADDER[:3])  # Superman and Single Leg Balance & Reach: it stops
    plan, decisions = plan_from_assessment(catalog, answers, now)
    # What was possible, and the easier form of rung 3; nothing from higher up.
    assert plan.exercise_ids == ("beetle", "single-leg-balance")
    assert "the easier form of Single Leg Balance & Reach" in decisions[-1].text
    message = stopped_message(catalog, answers)
    assert "A physiotherapist can help you choose where to start" in message
    assert "Superman: lift only one arm and the opposite leg" in message


def test_failing_the_first_eight_never_gives_the_hardest_rungs(
    catalog: Catalog, now: datetime
) -> None:
    answers = {exercise_id: False for exercise_id in LADDER[:8]}
    answers |= {exercise_id: True for exercise_id in LADDER[8:]}  # V-Ups "yes", say
    plan, _ = plan_from_assessment(catalog, answers, now)
    assert plan.exercise_ids == ("single-leg-balance",)  # the easier form of rung 3 only
    assert all((catalog.get(i).rung or 0) <= 4 for i in plan.exercise_ids)


def test_hardest_rungs_need_three_of_the_first_four(catalog: Catalog, now: datetime) -> None:
    resting = tuple(Bench(i, now.date()) for i in ("superman", "beetle"))  # not asked
    rest_ids = frozenset(b.exercise_id for b in resting)
    asked, answers = [], {}
    while (exercise := next_assessment_exercise(catalog, answers, rest_ids)) is not None:
        asked.append(exercise.id)
        answers[exercise.id] = exercise.id not in ("single-leg-bridge", "side-plank-lifts")
    assert not any(catalog.get(i).rung >= 9 for i in asked)  # type: ignore[operator]
    plan, _ = plan_from_assessment(catalog, {**answers, "v-ups": True}, now, resting)
    assert "v-ups" not in plan.exercise_ids
    assert plan.exercise_ids == (
        "single-leg-balance-reach",
        "high-plank-leg-lifts",
        "quadruped-limb-raises",
        "superman-pull",
    )


def test_assessment_plan_takes_only_the_first_four_passes(catalog: Catalog, now: datetime) -> None:
    answers = dict.fromkeys(reversed(LADDER), True)  # answered out of order, all passed
    plan, decisions = plan_from_assessment(catalog, answers, now)
    assert plan.exercise_ids == LADDER[:4]
    assert len(decisions) == 4


def test_fewer_passes_give_a_shorter_plan(catalog: Catalog, now: datetime) -> None:
    asked, answers = walk(catalog, {"superman", "beetle", "high-plank-leg-lifts"})
    assert asked == list(LADDER)  # never four passes, so every rung was asked
    plan, decisions = plan_from_assessment(catalog, answers, now)
    assert plan.exercise_ids == ("superman", "beetle", "high-plank-leg-lifts")
    assert len(decisions) == 3


def test_a_reassessment_never_brings_back_a_resting_exercise(
    catalog: Catalog, now: datetime
) -> None:
    resting = (Bench("single-leg-balance-reach", now.date(), "single-leg-balance"),)
    answers: dict[str, bool] = {}
    asked = []
    rest_ids = frozenset({"single-leg-balance-reach"})
    while (exercise := next_assessment_exercise(catalog, answers, rest_ids)) is not None:
        asked.append(exercise.id)
        answers[exercise.id] = True
    assert "single-leg-balance-reach" not in asked  # not even asked about
    answers["single-leg-balance-reach"] = True  # a stale answer cannot bring it back either
    plan, decisions = plan_from_assessment(catalog, answers, now, resting)
    assert "single-leg-balance-reach" not in plan.exercise_ids
    assert plan.exercise_ids == ("superman", "beetle", "high-plank-leg-lifts", "single-leg-bridge")
    assert plan.benched == resting  # it keeps resting, to come back as a retest
    assert len(decisions) == 4


# --- swap and add ----------------------------------------------------------------------------


def test_swap_keeps_rung_order(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("superman", "beetle", "single-leg-bridge", "v-ups"))
    new, decision = swap(catalog, plan, "v-ups", "side-plank-lifts", "swap", "because", now)
    assert new.exercise_ids == ("superman", "beetle", "single-leg-bridge", "side-plank-lifts")
    v_ups = catalog.get("v-ups").name
    assert decision.text == f"{v_ups} -> Modified Low Side Plank Lifts: because"


def test_swap_never_duplicates_an_exercise(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("superman", "beetle"))
    with pytest.raises(ValueError):
        swap(catalog, plan, "superman", "beetle", "swap", "x", now)
    with pytest.raises(ValueError):
        swap(catalog, plan, "v-ups", "single-leg-bridge", "swap", "x", now)


def test_add_exercise_sorts_in_and_only_once(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("superman", "single-leg-deadlift"))
    added, decision = add_exercise(
        catalog, plan, "wall-lateral-pull-downs", "addon", "upper-back pain", now
    )
    assert added.exercise_ids == ("superman", "wall-lateral-pull-downs", "single-leg-deadlift")
    assert decision is not None
    assert decision.text == "Wall Lateral Pull-Downs added: upper-back pain"
    again, none = add_exercise(catalog, added, "wall-lateral-pull-downs", "addon", "again", now)
    assert again == added
    assert none is None


# --- neighbours ------------------------------------------------------------------------------


def _id(exercise: object) -> str | None:
    return getattr(exercise, "id", None)


def test_easier_option_prefers_the_variant(catalog: Catalog) -> None:
    plan = Plan(("beetle", "single-leg-balance-reach", "single-leg-bridge", "v-ups"))
    assert _id(easier_option(catalog, plan, "single-leg-balance-reach")) == "single-leg-balance"
    assert _id(easier_option(catalog, plan, "v-ups")) == "single-leg-v-ups"
    plan = Plan(("superman", "beetle", "superman-pull", "high-plank-limb-raises"))
    easier = easier_option(catalog, plan, "high-plank-limb-raises")
    assert _id(easier) == "high-plank-leg-lifts"


def test_easier_option_falls_to_the_next_easier_free_rung(catalog: Catalog) -> None:
    plan = Plan(("high-plank-leg-lifts", "single-leg-deadlift", "high-plank-limb-raises"))
    easier = easier_option(catalog, plan, "high-plank-limb-raises")
    assert _id(easier) == "superman-pull"  # rung 9 is in the plan, rung 8 is free


def test_easier_option_is_none_at_the_bottom(catalog: Catalog) -> None:
    plan = Plan(("superman", "beetle"))
    assert easier_option(catalog, plan, "beetle") is None
    assert easier_option(catalog, plan, "superman") is None


def test_harder_of_a_variant_is_its_rung(catalog: Catalog) -> None:
    plan = Plan(("superman", "beetle", "single-leg-balance", "high-plank-leg-lifts"))
    assert _id(harder_option(catalog, plan, "single-leg-balance")) == "single-leg-balance-reach"


def test_harder_never_skips_a_free_rung(catalog: Catalog) -> None:
    plan = Plan(("superman", "beetle", "single-leg-bridge", "quadruped-limb-raises"))
    assert _id(harder_option(catalog, plan, "beetle")) == "single-leg-balance-reach"
    assert _id(harder_option(catalog, plan, "single-leg-bridge")) == "side-plank-lifts"
    assert _id(harder_option(catalog, plan, "quadruped-limb-raises")) == "superman-pull"
    top = Plan(("v-ups", "single-leg-jump-squats"))
    assert harder_option(catalog, top, "single-leg-jump-squats") is None


def test_benched_exercises_are_never_offered(catalog: Catalog, now: datetime) -> None:
    rest = (
        Bench("single-leg-balance", now.date()),
        Bench("high-plank-leg-lifts", now.date()),
        Bench("side-plank-lifts", now.date()),
        Bench("forward-jump-squats", now.date()),
    )
    plan = Plan(("superman", "single-leg-balance-reach", "single-leg-bridge"), rest)
    assert _id(easier_option(catalog, plan, "single-leg-balance-reach")) == "beetle"
    assert _id(easier_option(catalog, plan, "single-leg-bridge")) == "beetle"
    assert _id(harder_option(catalog, plan, "single-leg-bridge")) == "quadruped-limb-raises"
    assert _id(harder_option(catalog, plan, "superman")) == "beetle"
    top = Plan(("single-leg-jump-squats",), rest)
    assert alternative_option(catalog, top, "single-leg-jump-squats") is None


def test_outdoor_alternative_of_jump_squats(catalog: Catalog) -> None:
    plan = Plan(("superman", "single-leg-jump-squats"))
    assert _id(alternative_option(catalog, plan, "single-leg-jump-squats")) == (
        "forward-jump-squats"
    )
    assert alternative_option(catalog, plan, "superman") is None


# --- regress and promote ---------------------------------------------------------------------


def test_regress_with_bench_swaps_benches_and_explains(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("beetle", "single-leg-balance-reach", "high-plank-leg-lifts", "single-leg-bridge"))
    new, decision = regress(
        catalog, plan, "single-leg-bridge", "flagged painful (pain 7/10)", now, bench=True
    )
    assert new.exercise_ids == (
        "superman",
        "beetle",
        "single-leg-balance-reach",
        "high-plank-leg-lifts",
    )
    assert new.benched == (Bench("single-leg-bridge", now.date(), replaced_by="superman"),)
    assert decision.kind == "regress"
    assert decision.text == "Single Leg Bridge -> Superman: flagged painful (pain 7/10)"
    assert (decision.from_id, decision.to_id, decision.at) == ("single-leg-bridge", "superman", now)


def test_regress_without_bench_leaves_nothing_resting(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("superman", "v-ups"))
    new, decision = regress(catalog, plan, "v-ups", "too hard", now, bench=False)
    assert new.exercise_ids == ("superman", "single-leg-v-ups")
    assert new.benched == ()
    names = catalog.get("v-ups").name, catalog.get("single-leg-v-ups").name
    assert decision.text == f"{names[0]} -> {names[1]}: too hard"


def test_regress_drops_when_nothing_easier_is_free(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("superman", "beetle", "single-leg-bridge"))
    new, decision = regress(catalog, plan, "beetle", "flagged painful", now, bench=True)
    assert new.exercise_ids == ("superman", "single-leg-bridge")
    assert "beetle" in new.benched_ids
    assert decision.kind == "drop"
    assert (decision.from_id, decision.to_id) == ("beetle", None)
    assert decision.text.startswith("Beetle (Dead Bug) taken out of the plan: flagged painful")


def test_regress_outside_the_plan_is_refused(catalog: Catalog, now: datetime) -> None:
    with pytest.raises(ValueError):
        regress(catalog, Plan(("superman",)), "v-ups", "x", now, bench=True)


def test_promote_moves_one_rung_up(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))
    new, decision = promote(catalog, plan, "high-plank-leg-lifts", "too easy", now)
    assert new.exercise_ids == (
        "superman",
        "beetle",
        "single-leg-balance-reach",
        "single-leg-bridge",
    )
    assert decision is not None
    assert decision.text == "High Plank Leg Lifts -> Single Leg Bridge: too easy"


def test_promote_at_the_top_changes_nothing(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("single-leg-jump-squats",))
    assert promote(catalog, plan, "single-leg-jump-squats", "too easy", now) == (plan, None)


def test_a_rung_and_its_variant_are_never_planned_together(catalog: Catalog) -> None:
    # Single Leg Balance stands for rung 3, so moving Beetle up skips rung 3 and its variant.
    plan = Plan(("superman", "beetle", "single-leg-balance", "high-plank-leg-lifts"))
    harder = harder_option(catalog, plan, "beetle")
    assert harder is not None and harder.id == "single-leg-bridge"
    # ...and the variant itself still grows into its own rung.
    grown = harder_option(catalog, plan, "single-leg-balance")
    assert grown is not None and grown.id == "single-leg-balance-reach"


def test_outdoor_alternative_blocks_its_rung(catalog: Catalog) -> None:
    plan = Plan(("v-ups", "forward-jump-squats"))
    assert harder_option(catalog, plan, "v-ups") is None


def test_a_rung_failed_at_the_assessment_is_never_a_swap_or_a_promotion(
    catalog: Catalog, now: datetime
) -> None:
    asked, answers = walk(
        catalog, {"superman", "beetle", "high-plank-leg-lifts", "single-leg-bridge"}
    )
    assert answers["single-leg-balance-reach"] is False  # rung 3: not yet
    plan, _ = plan_from_assessment(catalog, answers, now)
    assert plan.exercise_ids == ("superman", "beetle", "high-plank-leg-lifts", "single-leg-bridge")
    assert plan.benched == (Bench("single-leg-balance-reach", now.date(), why="not_yet"),)
    painful = easier_option(catalog, plan, "single-leg-bridge")  # rung 5 hurts
    assert painful is None or painful.id != "single-leg-balance-reach"
    harder = harder_option(catalog, plan, "superman")  # rung 1 moves up
    assert harder is not None and harder.id != "single-leg-balance-reach"
    assert harder.id == "side-plank-lifts"


def test_a_rung_not_yet_possible_is_offered_as_a_retest_after_its_cool_down(
    catalog: Catalog, now: datetime
) -> None:
    bench = Bench("single-leg-balance-reach", now.date(), why="not_yet")
    plan = Plan(("superman", "beetle", "high-plank-leg-lifts"), (bench,))
    assert due_retests(plan, now.date() + timedelta(days=13)) == []
    assert due_retests(plan, now.date() + timedelta(days=14)) == [bench]
    back, decision = accept_retest(catalog, plan, bench, now + timedelta(days=14))
    assert "single-leg-balance-reach" in back.exercise_ids
    assert decision.text == (
        "Single Leg Balance & Reach added: retest 14 days after the assessment "
        "(you chose to try it)"
    )


def test_no_assessment_hands_hard_rungs_to_someone_who_failed_the_first(
    catalog: Catalog, now: datetime
) -> None:
    """Every runner who can do the hardest rungs 9-12, whatever they can of rungs 1-8: the climb
    stops at the start of the ladder after two failures there, and rungs 9-12 need three of
    rungs 1-4."""
    for mask in range(2**8):
        can_do = {rung for n, rung in enumerate(LADDER[:8]) if mask >> n & 1} | set(LADDER[8:])
        _, answers = walk(catalog, can_do)
        plan, _ = plan_from_assessment(catalog, answers, now)
        rungs = [catalog.get(i).rung or 0 for i in plan.exercise_ids]
        first_passed = sum(1 for rung in LADDER[:4] if rung in can_do)
        if first_passed <= 2:
            assert all(r <= 4 for r in rungs), (can_do, plan)
        if first_passed < 3:
            assert all(r < 9 for r in rungs), (can_do, plan)
