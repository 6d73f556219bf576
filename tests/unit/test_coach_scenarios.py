"""The coach across many sessions, part 1: double progression and regressions.

A table of scenarios run through one small simulator (coach_sim.py). Each row is checked for
its final plan, decisions and streaks; the plan's invariants are checked after every step of
every session."""

from __future__ import annotations

import pytest
from coach_sim import (
    BAL,
    FIRST_FOUR,
    FROM_ONE_LEG,
    HPLL,
    SLB,
    SLBR,
    SPL,
    TOO_EASY,
    TOO_HARD,
    TOP,
    Day,
    Ex,
    Scenario,
    check_scenario,
    painful,
    rated,
    top,
)

from backrun_tui.coach.ladder.catalog import Catalog

PROGRESSION = [
    Scenario(
        "two-top-sessions-promote-to-next-free-rung",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL)),
        ("superman", "beetle", SLBR, SLB),
        kinds=("promote",),
        texts=(
            "High Plank Leg Lifts -> Single Leg Bridge: every set reached 12 with pain in the "
            "green, 2 sessions running",
        ),
    ),
    Scenario(
        "promotion-skips-rungs-already-planned",
        FIRST_FOUR,
        (top(0, "beetle"), top(2, "beetle")),
        ("superman", SLBR, HPLL, SLB),
        kinds=("promote",),
        texts=("Beetle (Dead Bug) -> Single Leg Bridge",),
    ),
    Scenario(
        "one-top-session-is-not-enough",
        FIRST_FOUR,
        (top(0, HPLL),),
        FIRST_FOUR,
        streaks={HPLL: 1},
    ),
    Scenario(
        "a-break-of-over-a-week-starts-the-streak-again",
        FIRST_FOUR,
        (top(0, HPLL), top(9, HPLL)),
        FIRST_FOUR,
        kinds=("restart",),
        texts=("count again from zero: 9 days since the last session",),
        streaks={HPLL: 1},
    ),
    Scenario(
        "a-week-between-sessions-keeps-the-streak",
        FIRST_FOUR,
        (top(0, HPLL), top(7, HPLL)),
        ("superman", "beetle", SLBR, SLB),
        kinds=("promote",),
    ),
    Scenario(
        "a-set-below-the-top-resets-the-streak",
        FIRST_FOUR,
        (top(0, HPLL), rated(2, HPLL, Ex(reps=(12, 12, 11))), top(4, HPLL)),
        FIRST_FOUR,
        streaks={HPLL: 1},
    ),
    Scenario(
        "amber-check-resets-the-run",
        FIRST_FOUR,
        (top(0, HPLL), top(3, HPLL, pain=4), top(6, HPLL)),
        FIRST_FOUR,
        streaks={HPLL: 1},
        modes=("full", "full", "full"),
    ),
    Scenario(
        "amber-check-never-promotes",
        FIRST_FOUR,
        (top(0, pain=5), top(3, pain=5), top(6, pain=4)),
        FIRST_FOUR,
    ),
    Scenario(
        "red-check-is-a-flare-up-without-progression",
        FIRST_FOUR,
        (Day(0, 7, reps=12, ex={"superman": Ex(rating="too_easy")}), top(3, HPLL)),
        FIRST_FOUR,
        kinds=("hold",),
        texts=("Superman stays: pain is 7/10 today; moving up waits until pain is 0-3",),
        streaks={HPLL: 1},
        modes=("flare_up", "full"),
        start_streaks={HPLL: 1},
    ),
    Scenario(
        "two-ready-one-promotion-per-session-easiest-first",
        FIRST_FOUR,
        (top(0), top(2), top(4)),
        (SLBR, HPLL, SLB, SPL),
        kinds=("promote", "promote"),
        texts=("Superman -> Single Leg Bridge", "Beetle (Dead Bug) -> Modified Low Side Plank"),
        streaks={SLBR: 3, HPLL: 3, SLB: 1},
    ),
    Scenario(
        "too-easy-promotes-at-once",
        FIRST_FOUR,
        (rated(0, HPLL, TOO_EASY),),
        ("superman", "beetle", SLBR, SLB),
        kinds=("promote",),
        texts=("High Plank Leg Lifts -> Single Leg Bridge: too easy",),
    ),
    Scenario(
        "too-easy-only-once-per-session",
        FIRST_FOUR,
        (rated(0, "superman", TOO_EASY, also={"beetle": TOO_EASY}),),
        ("beetle", SLBR, HPLL, SLB),
        kinds=("promote", "hold"),
        texts=(
            "Superman -> Single Leg Bridge: too easy",
            "Beetle (Dead Bug) stays: one step up per session; it can move up next time",
        ),
    ),
    Scenario(
        "too-easy-never-on-amber",
        FIRST_FOUR,
        (rated(0, HPLL, TOO_EASY, pain=4),),
        FIRST_FOUR,
        kinds=("hold",),
        texts=("High Plank Leg Lifts stays: pain is 4/10 today; moving up waits",),
    ),
    Scenario(
        "progression-waits-for-the-next-session-after-a-too-easy-step",
        FIRST_FOUR,
        (rated(0, "superman", TOO_EASY, also={HPLL: TOP}), top(2, HPLL)),
        ("beetle", SLBR, SLB, SPL),
        kinds=("promote", "promote"),
        texts=(
            "s0: Superman -> Single Leg Bridge: too easy",
            "s1: High Plank Leg Lifts -> Modified",
        ),
        start_streaks={HPLL: 1},
    ),
    Scenario(
        "the-new-exercise-starts-at-zero",
        FIRST_FOUR,
        (top(0, HPLL), top(2, HPLL), top(4, SLB)),
        ("superman", "beetle", SLBR, SLB),
        kinds=("promote",),
        streaks={SLB: 1},
    ),
    Scenario(
        "an-unfinished-exercise-does-not-count",
        FIRST_FOUR,
        (top(0, HPLL), rated(2, HPLL, Ex(reps=(12, 12))), top(4, HPLL)),
        FIRST_FOUR,
        streaks={HPLL: 1},
    ),
    Scenario(
        "quitting-mid-exercise-does-not-count",
        FIRST_FOUR,
        (top(0, HPLL), rated(2, HPLL, Ex(reps=(12, 12), quit=True))),
        FIRST_FOUR,
    ),
    Scenario(
        "a-streak-does-not-survive-leaving-the-plan",
        FIRST_FOUR,
        (top(0, HPLL), rated(2, HPLL, TOO_EASY), rated(4, SLB, TOO_HARD), top(6, HPLL)),
        FIRST_FOUR,
        kinds=("promote", "regress"),
        texts=("Single Leg Bridge -> High Plank Leg Lifts: too hard",),
        streaks={HPLL: 1},
    ),
]

REGRESSION = [
    Scenario(
        "painful-swaps-for-the-easier-variant-and-rests",
        FIRST_FOUR,
        (rated(0, SLBR, painful(6)),),
        ("superman", "beetle", BAL, HPLL),
        kinds=("regress",),
        texts=("Single Leg Balance & Reach -> Single Leg Balance: flagged painful (pain 6/10)",),
        benched=((SLBR, BAL),),
    ),
    Scenario(
        "painful-takes-the-next-easier-free-rung",
        FROM_ONE_LEG,
        (rated(0, SLB, painful(5)),),
        ("superman", "beetle", SLBR, HPLL),
        kinds=("regress",),
        texts=("Single Leg Bridge -> Single Leg Balance & Reach: flagged painful (pain 5/10)",),
        benched=((SLB, SLBR),),
    ),
    Scenario(
        "too-hard-swaps-without-resting",
        FROM_ONE_LEG,
        (rated(0, SLB, TOO_HARD),),
        ("superman", "beetle", SLBR, HPLL),
        kinds=("regress",),
        texts=("Single Leg Bridge -> Single Leg Balance & Reach: too hard",),
    ),
    Scenario(
        "nothing-easier-free-drops-with-a-reason",
        FIRST_FOUR,
        (rated(0, HPLL, TOO_HARD), rated(2, "superman", painful(7))),
        ("beetle", SLBR),
        kinds=("drop", "drop"),
        texts=(
            "High Plank Leg Lifts taken out of the plan: too hard; no easier exercise is free, "
            "so it leaves the plan for now",
            "Superman taken out of the plan: flagged painful (pain 7/10); no easier exercise is "
            "free, so it rests for now",
        ),
        benched=(("superman", None),),
    ),
    Scenario(
        "painful-is-never-promoted-even-at-the-top",
        FROM_ONE_LEG,
        (rated(0, SLB, Ex(reps=(12, 12, 12), rating="painful", pain=2)), top(2, SLBR)),
        ("superman", "beetle", SLBR, HPLL),
        kinds=("regress",),
        streaks={SLBR: 1},
        benched=((SLB, SLBR),),
        start_streaks={SLB: 1},
    ),
    Scenario(
        "painful-mid-set-rests-the-exercise",
        FROM_ONE_LEG,
        (rated(0, SLB, Ex(reps=(12, 12, 12), pain=6, flag_at=(3, 5))),),
        ("superman", "beetle", SLBR, HPLL),
        kinds=("regress",),
        texts=("flagged painful (pain 6/10)",),
        benched=((SLB, SLBR),),
        start_streaks={SLB: 1},
    ),
    Scenario(
        "a-resting-exercise-never-returns-by-itself",
        FIRST_FOUR,
        (rated(0, SLBR, painful(6)), *(Day(d) for d in (3, 7, 10, 14, 20, 28))),
        ("superman", "beetle", BAL, HPLL),
        kinds=("regress",),
        benched=((SLBR, BAL),),
        due=((4, SLBR), (5, SLBR), (6, SLBR)),
        # pain a steady 1/10: doing well, no doctor visit advised
    ),
    Scenario(
        "promotion-passes-over-a-resting-rung",
        FIRST_FOUR,
        (rated(0, SLBR, painful(6)), top(2, BAL), top(4, BAL)),
        ("superman", "beetle", HPLL, SLB),
        kinds=("regress", "promote"),
        texts=("Single Leg Balance -> Single Leg Bridge",),
        benched=((SLBR, BAL),),
    ),
    Scenario(
        "a-flare-up-extra-that-hurts-rests-and-blocks-the-way-down",
        ("beetle", HPLL, SLB, SPL),
        (rated(0, "superman", painful(7), pain=7), rated(3, "beetle", TOO_HARD)),
        (HPLL, SLB, SPL),
        kinds=("bench", "drop"),
        texts=("Superman rests for now: flagged painful (pain 7/10)",),
        benched=(("superman", None),),
        modes=("flare_up", "full"),
    ),
    Scenario(
        "too-easy-variant-grows-into-its-rung",
        ("superman", "beetle", BAL, HPLL),
        (rated(0, BAL, TOO_EASY),),
        FIRST_FOUR,
        kinds=("promote",),
        texts=("Single Leg Balance -> Single Leg Balance & Reach: too easy",),
    ),
]


SCENARIOS = PROGRESSION + REGRESSION


@pytest.mark.parametrize("case", SCENARIOS, ids=[case.id for case in SCENARIOS])
def test_scenario(catalog: Catalog, case: Scenario) -> None:
    check_scenario(catalog, case)
