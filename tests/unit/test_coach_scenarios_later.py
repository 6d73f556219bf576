"""The coach across many sessions, part 2: retests, the next-day check, "not improving" and the
outdoor setting; plus checks that the simulator's invariants really catch a broken plan.

Same simulator and table format as test_coach_scenarios.py."""

from __future__ import annotations

from datetime import date

import pytest
from coach_sim import (
    BAL,
    FIRST_FOUR,
    HPLL,
    OUTDOORS,
    SLB,
    SLBR,
    TOO_EASY,
    TOO_HARD,
    TOP_RUNGS,
    Day,
    Scenario,
    check_plan,
    check_scenario,
    painful,
    rated,
    top,
)

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Bench, Plan

RETESTS = [
    Scenario(
        "retest-is-offered-after-the-cool-down-and-brings-it-back",
        FIRST_FOUR,
        (rated(0, SLBR, painful(6)), Day(13, before=("accept",)), Day(14, before=("accept",))),
        FIRST_FOUR,
        kinds=("regress", "retest"),
        texts=(
            "Single Leg Balance -> Single Leg Balance & Reach: retest after 14 days' rest "
            "(you chose to try it again)",
        ),
        due=((2, SLBR),),
    ),
    Scenario(
        "a-declined-retest-rests-another-cool-down",
        FIRST_FOUR,
        (
            rated(0, SLBR, painful(6)),
            Day(14, before=("decline",)),
            Day(27, before=("accept",)),
            Day(28, before=("accept",)),
        ),
        FIRST_FOUR,
        kinds=("regress", "bench", "retest"),
        texts=("Single Leg Balance & Reach keeps resting: you declined the retest; offered again",),
        due=((1, SLBR), (3, SLBR)),
        # pain a steady 1/10: doing well, no doctor visit advised
    ),
    Scenario(
        "a-retest-after-the-replacement-moved-on-frees-it-without-a-swap",
        FIRST_FOUR,
        (rated(0, SLBR, painful(6)), rated(2, BAL, TOO_EASY), Day(14, before=("accept",))),
        ("superman", "beetle", HPLL, SLB),
        kinds=("regress", "promote", "retest"),
        texts=("Single Leg Balance -> Single Leg Bridge: too easy", "is free to use again"),
        due=((2, SLBR),),
    ),
    Scenario(
        "a-retested-stretch-never-joins-the-strength-plan",
        FIRST_FOUR,
        (
            rated(0, "superman", painful(6), also={"cat-cow": painful(5)}),
            Day(14, before=("accept", "accept")),
        ),
        FIRST_FOUR,
        kinds=("bench", "drop", "retest", "retest"),
        texts=("Cat Cow rests for now", "Cat Cow is free to use again", "Superman added"),
        due=((1, "cat-cow"), (1, "superman")),
    ),
    Scenario(
        "a-retest-never-puts-a-rung-beside-its-variant",
        ("superman", "beetle", BAL, HPLL),
        (
            rated(0, "superman", painful(6)),
            rated(3, SLBR, painful(7), pain=7),
            Day(14, before=("decline",)),
            Day(17, before=("accept",)),
        ),
        ("beetle", BAL, HPLL),
        kinds=("drop", "bench", "bench", "retest"),
        texts=("Single Leg Balance & Reach is free to use again",),
        benched=(("superman", None),),
        modes=("full", "flare_up", "full", "full"),
        due=((2, "superman"), (3, SLBR)),
    ),
    Scenario(
        "a-retest-never-puts-a-variant-beside-its-rung",
        ("superman", "beetle", BAL, HPLL),
        (rated(0, BAL, painful(5)), rated(2, HPLL, TOO_HARD), Day(14, before=("accept",))),
        ("superman", "beetle", SLBR),
        kinds=("drop", "regress", "retest"),
        texts=("s2: Single Leg Balance is free to use again",),
        due=((2, BAL),),
    ),
]

NEXT_DAY = [
    Scenario(
        "next-day-pain-two-up-undoes-the-promotion-and-lightens",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL), Day(3, pain=3)),
        FIRST_FOUR,
        kinds=("promote", "rollback"),
        texts=(
            "Single Leg Bridge -> High Plank Leg Lifts: pain 3/10 today, 2+ above your usual "
            "1/10 after the last session",
            "so today is lighter and the last step up is undone.",
        ),
        modes=("full", "full", "light"),
    ),
    Scenario(
        "next-day-pain-one-up-keeps-the-promotion",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL), Day(3, pain=2)),
        ("superman", "beetle", SLBR, SLB),
        kinds=("promote",),
        modes=("full", "full", "full"),
    ),
    Scenario(
        "next-day-check-after-49-hours-keeps-the-promotion",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL), Day(4, pain=3, hour=2)),
        ("superman", "beetle", SLBR, SLB),
        kinds=("promote",),
        modes=("full", "full", "full"),
    ),
    Scenario(
        "next-day-check-at-exactly-48-hours-still-counts",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL), Day(4, pain=3, hour=1)),
        FIRST_FOUR,
        kinds=("promote", "rollback"),
        modes=("full", "full", "light"),
    ),
    Scenario(
        "next-day-without-a-promotion-still-lightens",
        FIRST_FOUR,
        (Day(0), Day(1, pain=3)),
        FIRST_FOUR,
        texts=("so today is lighter.",),
        modes=("full", "light"),
    ),
    Scenario(
        "a-too-easy-step-is-undone-the-next-day",
        FIRST_FOUR,
        (rated(0, HPLL, TOO_EASY), Day(1, pain=3)),
        FIRST_FOUR,
        kinds=("promote", "rollback"),
        modes=("full", "light"),
    ),
    Scenario(
        "the-undone-step-is-not-taken-again-on-the-light-day",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL), rated(3, HPLL, TOO_EASY, pain=3)),
        FIRST_FOUR,
        kinds=("promote", "rollback", "hold"),
        modes=("full", "full", "light"),
    ),
]

NOT_IMPROVING = [
    Scenario(
        "under-three-weeks-says-nothing",
        FIRST_FOUR,
        tuple(Day(d, pain=3) for d in (0, 7, 14, 20)),
        FIRST_FOUR,
    ),
    Scenario(
        "three-flat-weeks-advise-a-doctor",
        FIRST_FOUR,
        tuple(Day(d, pain=3) for d in (0, 7, 14, 21)),
        FIRST_FOUR,
        advice="after three weeks of training your usual pain is 3/10 (it was 3/10)",
    ),
    Scenario(
        "rising-pain-advises-a-doctor",
        FIRST_FOUR,
        tuple(Day(d, pain=p) for d, p in ((0, 3), (7, 3), (14, 4), (21, 5))),
        FIRST_FOUR,
        advice="your usual pain has risen from 3/10 to 4.5/10",
    ),
    Scenario(
        "a-one-point-drop-still-advises-a-doctor",
        FIRST_FOUR,
        tuple(Day(d, pain=p) for d, p in ((0, 4), (7, 4), (14, 3), (21, 3))),
        FIRST_FOUR,
        advice="your usual pain is 3/10 (it was 4/10), not yet 2 points better",
    ),
    Scenario(
        "low-and-steady-pain-is-doing-well-not-a-doctor-visit",
        FIRST_FOUR,
        tuple(Day(d, pain=1) for d in (0, 7, 14, 21)),
        FIRST_FOUR,
    ),
    Scenario(
        "a-two-point-drop-says-nothing",
        FIRST_FOUR,
        tuple(Day(d, pain=p) for d, p in ((0, 4), (7, 4), (14, 2), (21, 2))),
        FIRST_FOUR,
    ),
]

OUTDOOR = [
    Scenario(
        "outdoor-on-swaps-jump-squats-and-off-swaps-back",
        TOP_RUNGS,
        (Day(0, before=("outdoor:on",)), Day(2), Day(4, before=("outdoor:off",))),
        TOP_RUNGS,
        kinds=("alternative", "alternative"),
        texts=(
            "Single Leg Jump Squats -> Forward Jump Squats: outdoor setting is on",
            "Forward Jump Squats -> Single Leg Jump Squats: outdoor setting is off",
        ),
    ),
    Scenario(
        "outdoors-rung-12-goes-outdoors-the-moment-it-is-planned",
        ("superman-pull", "single-leg-deadlift", "high-plank-limb-raises", "v-ups"),
        (Day(0, before=("outdoor:on",), ex={"v-ups": TOO_EASY}),),
        ("superman-pull", "single-leg-deadlift", "high-plank-limb-raises", "forward-jump-squats"),
        kinds=("promote", "alternative"),
        texts=(
            "V-Ups -> Single Leg Jump Squats: too easy",
            "Single Leg Jump Squats -> Forward Jump Squats: outdoor setting is on",
        ),
    ),
    Scenario(
        "outdoors-a-promotion-to-rung-12-at-the-end-goes-outdoors-too",
        ("superman-pull", "single-leg-deadlift", "high-plank-limb-raises", "v-ups"),
        (top(0, "v-ups"), Day(2, before=("outdoor:on",), reps=12)),
        ("superman-pull", "single-leg-deadlift", "high-plank-limb-raises", "forward-jump-squats"),
        kinds=("promote", "alternative"),
        streaks={"superman-pull": 1, "single-leg-deadlift": 1, "high-plank-limb-raises": 1},
    ),
    Scenario(
        "outdoors-nothing-is-harder-than-v-ups",
        TOP_RUNGS,
        (Day(0, before=("outdoor:on",), ex={"v-ups": TOO_EASY}),),
        OUTDOORS,
        kinds=("alternative", "hold"),
        texts=("V-Ups stays: nothing harder is free; to make it harder: Take longer",),
    ),
    Scenario(
        "outdoors-a-resting-alternative-stays-out-until-retested",
        TOP_RUNGS,
        (
            Day(0, before=("outdoor:on",), ex={"forward-jump-squats": painful(6)}),
            top(2, "v-ups"),
            top(4, "v-ups"),
            Day(6),
            Day(14, before=("accept",)),
            Day(16),
        ),
        ("superman-pull", "single-leg-deadlift", "high-plank-limb-raises", "forward-jump-squats"),
        kinds=("alternative", "regress", "promote", "retest", "alternative"),
        texts=("V-Ups -> Single Leg Jump Squats", "Forward Jump Squats is free to use again"),
        due=((4, "forward-jump-squats"),),
    ),
]

SCENARIOS = RETESTS + NEXT_DAY + NOT_IMPROVING + OUTDOOR


@pytest.mark.parametrize("case", SCENARIOS, ids=[case.id for case in SCENARIOS])
def test_scenario(catalog: Catalog, case: Scenario) -> None:
    check_scenario(catalog, case)


BROKEN_PLANS = {
    "twice": Plan(("superman", "superman")),
    "rung-beside-its-variant": Plan((BAL, SLBR)),
    "rung-beside-its-alternative": Plan(("single-leg-jump-squats", "forward-jump-squats")),
    "resting-and-planned": Plan(("superman",), (Bench("superman", date(2025, 3, 3)),)),
    "a-stretch": Plan(("cat-cow", "superman")),
    "out-of-order": Plan((HPLL, "superman")),
}


@pytest.mark.parametrize("plan", BROKEN_PLANS.values(), ids=BROKEN_PLANS.keys())
def test_the_invariants_catch_a_broken_plan(catalog: Catalog, plan: Plan) -> None:
    with pytest.raises(AssertionError):
        check_plan(catalog, plan, "test")
