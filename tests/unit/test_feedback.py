"""What the coach does with the answer after each exercise."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Feedback, Rating, apply_feedback
from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.workout import SessionMode, session_items

PLAN = Plan(("beetle", "single-leg-balance-reach", "high-plank-leg-lifts", "single-leg-bridge"))


def answer(exercise_id: str, rating: Rating, at: datetime, pain: int | None = None) -> Feedback:
    return Feedback(exercise_id, rating, pain, at)


def test_painful_swaps_for_easier_and_benches(catalog: Catalog, now: datetime) -> None:
    feedback = answer("single-leg-bridge", "painful", now, pain=7)
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=False)
    assert "single-leg-bridge" not in plan
    assert plan.exercise_ids[0] == "superman"
    assert plan.benched == (Bench("single-leg-bridge", now.date(), replaced_by="superman"),)
    assert [d.text for d in decisions] == [
        "Single Leg Bridge -> Superman: flagged painful (pain 7/10)"
    ]


def test_painful_variant_is_preferred(catalog: Catalog, now: datetime) -> None:
    feedback = answer("single-leg-balance-reach", "painful", now, pain=6)
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=False)
    assert "single-leg-balance" in plan
    assert plan.benched_ids == {"single-leg-balance-reach"}
    assert decisions[0].kind == "regress"


def test_too_hard_swaps_without_bench(catalog: Catalog, now: datetime) -> None:
    feedback = answer("high-plank-leg-lifts", "too_hard", now)
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=False)
    assert plan.exercise_ids == (
        "superman",
        "beetle",
        "single-leg-balance-reach",
        "single-leg-bridge",
    )
    assert plan.benched == ()
    assert len(decisions) == 1
    assert decisions[0].kind == "regress"
    assert decisions[0].reason == "too hard"


def test_just_right_changes_nothing(catalog: Catalog, now: datetime) -> None:
    for progressed in (False, True):
        feedback = answer("beetle", "just_right", now)
        assert apply_feedback(catalog, PLAN, feedback, progressed_today=progressed) == (PLAN, [])


def test_too_easy_promotes_once(catalog: Catalog, now: datetime) -> None:
    feedback = answer("single-leg-bridge", "too_easy", now)
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=False)
    assert "side-plank-lifts" in plan
    assert "single-leg-bridge" not in plan
    assert [(d.kind, d.to_id) for d in decisions] == [("promote", "side-plank-lifts")]


def test_a_second_too_easy_in_a_session_waits_and_says_so(catalog: Catalog, now: datetime) -> None:
    feedback = answer("single-leg-bridge", "too_easy", now)
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=True)
    assert plan == PLAN
    assert [d.text for d in decisions] == [
        "Single Leg Bridge stays: one step up per session; it can move up next time"
    ]


def test_too_easy_after_a_set_below_the_range_asks_for_more_reps(
    catalog: Catalog, now: datetime
) -> None:
    feedback = answer("single-leg-bridge", "too_easy", now)
    for reps in ((1,), (12, 12, 7), ()):
        plan, decisions = apply_feedback(
            catalog, PLAN, feedback, progressed_today=False, reps=reps, rep_low=8
        )
        assert plan == PLAN
        assert [d.text for d in decisions] == [
            "Single Leg Bridge stays: try more reps next time: every set at 8 or more before "
            "moving up"
        ]
    plan, decisions = apply_feedback(
        catalog, PLAN, feedback, progressed_today=False, reps=(8, 9, 8), rep_low=8
    )
    assert [d.kind for d in decisions] == ["promote"]


def test_too_easy_at_the_top_of_the_ladder_says_so(catalog: Catalog, now: datetime) -> None:
    plan = Plan(("v-ups", "single-leg-jump-squats"))
    feedback = answer("single-leg-jump-squats", "too_easy", now)
    new, decisions = apply_feedback(catalog, plan, feedback, progressed_today=False)
    assert new == plan
    assert [d.kind for d in decisions] == ["hold"]
    assert "Single Leg Jump Squats stays: it is the top of the ladder" in decisions[0].text


def test_too_easy_with_nothing_harder_free_holds_and_says_why(
    catalog: Catalog, now: datetime
) -> None:
    top_four = ("single-leg-deadlift", "high-plank-limb-raises", "v-ups", "single-leg-jump-squats")
    plan = Plan(top_four)
    feedback = answer("single-leg-deadlift", "too_easy", now)
    new, decisions = apply_feedback(catalog, plan, feedback, progressed_today=False)
    assert new == plan
    assert [d.kind for d in decisions] == ["hold"]
    assert "Single Leg Deadlift stays: nothing harder is free" in decisions[0].text


def test_painful_stretch_rests_and_leaves_the_session(catalog: Catalog, now: datetime) -> None:
    before = [i.exercise_id for i in session_items(catalog, PLAN, "full")]
    assert "supine-twist" in before
    feedback = answer("supine-twist", "painful", now, pain=5)
    plan, decisions = apply_feedback(catalog, PLAN, feedback, progressed_today=False)
    assert plan.exercise_ids == PLAN.exercise_ids
    assert plan.benched_ids == {"supine-twist"}
    assert [(d.kind, d.from_id) for d in decisions] == [("bench", "supine-twist")]
    assert "pain 5/10" in decisions[0].text
    modes: tuple[SessionMode, ...] = ("full", "flare_up", "stretches")
    for mode in modes:
        ids = [i.exercise_id for i in session_items(catalog, plan, mode)]
        assert "supine-twist" not in ids
        assert "cat-cow" in ids
    again, more = apply_feedback(catalog, plan, feedback, progressed_today=False)
    assert (again, more) == (plan, [])  # already resting: no second bench, no second line


def test_other_answers_on_a_stretch_change_nothing(catalog: Catalog, now: datetime) -> None:
    ratings: tuple[Rating, ...] = ("too_hard", "too_easy", "just_right")
    for rating in ratings:
        feedback = answer("cat-cow", rating, now)
        assert apply_feedback(catalog, PLAN, feedback, progressed_today=False) == (PLAN, [])
