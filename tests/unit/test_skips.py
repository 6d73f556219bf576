"""A move up that would pass over rungs the runner is not doing is explained and asked first."""

from __future__ import annotations

from datetime import date, datetime

from coach_sim import HPLL, SLB, SLBR, SPL, TOO_EASY, Ex, rated, simulate, top

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.feedback import Feedback, apply_feedback, skip_to_ask
from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.skips import passed_over, skip_question

# Rungs 1-4 planned; rung 5 (Single Leg Bridge) was not possible at the assessment.
REST_5 = Plan(("superman", "beetle", SLBR, HPLL), (Bench(SLB, date(2025, 3, 1), why="not_yet"),))
FIRST_FOUR = Plan(("superman", "beetle", SLBR, HPLL))


def test_a_move_past_a_resting_rung_passes_over_it(catalog: Catalog) -> None:
    assert passed_over(catalog, REST_5, "superman") == (
        "rung 5, Single Leg Bridge (not yet possible)",
    )
    question = skip_question(catalog, REST_5, "superman")
    assert "rung 6, Modified Low Side Plank Lifts" in question
    assert "passes over rung 5, Single Leg Bridge (not yet possible)" in question
    assert question.endswith("Move up to it now?")


def test_rungs_already_in_the_plan_are_not_passed_over(catalog: Catalog) -> None:
    assert passed_over(catalog, FIRST_FOUR, "superman") == ()  # 1 -> 5: 2-4 are done already
    assert skip_question(catalog, FIRST_FOUR, "superman") == ""


def test_too_easy_past_a_resting_rung_moves_only_when_the_runner_says_so(
    catalog: Catalog, now: datetime
) -> None:
    feedback = Feedback("superman", "too_easy", None, now)
    plan, decisions = apply_feedback(catalog, REST_5, feedback, progressed_today=False)
    assert plan == REST_5
    assert decisions[0].kind == "hold"
    assert "would pass over rung 5, Single Leg Bridge" in decisions[0].text
    assert "you chose to stay" in decisions[0].text
    plan, decisions = apply_feedback(
        catalog, REST_5, feedback, progressed_today=False, skip_ok=True
    )
    assert SPL in plan and "superman" not in plan
    assert decisions[0].kind == "promote"
    assert "you chose to pass over rung 5" in decisions[0].text


def test_nothing_is_asked_when_too_easy_would_not_move_anyway(
    catalog: Catalog, now: datetime
) -> None:
    feedback = Feedback("superman", "too_easy", None, now)
    assert skip_to_ask(catalog, REST_5, feedback, progressed_today=False)
    assert not skip_to_ask(catalog, REST_5, feedback, progressed_today=False, pain_today=5)
    assert not skip_to_ask(catalog, REST_5, feedback, progressed_today=True)
    assert not skip_to_ask(catalog, REST_5, feedback, progressed_today=False, reps=(1,), rep_low=8)
    just_right = Feedback("superman", "just_right", None, now)
    assert not skip_to_ask(catalog, REST_5, just_right, progressed_today=False)


def test_two_top_sessions_never_pass_over_a_rung_unasked(catalog: Catalog) -> None:
    run = simulate(catalog, REST_5, (top(0, "superman"), top(2, "superman")))
    assert run.plan.exercise_ids == REST_5.exercise_ids
    assert [d.kind for d in run.decisions] == ["hold"]
    assert (
        "ready to move up, but the next free rung would pass over rung 5" in run.decisions[0].text
    )
    assert 'rate it "too easy"' in run.decisions[0].text


def test_too_easy_in_a_session_asks_and_the_answer_decides(catalog: Catalog) -> None:
    stay = simulate(catalog, REST_5, (rated(0, "superman", TOO_EASY),))
    assert any("Move up to it now?" in note for note in stay.notes)
    assert stay.plan.exercise_ids == REST_5.exercise_ids
    assert [d.kind for d in stay.decisions] == ["hold"]

    move = simulate(catalog, REST_5, (rated(0, "superman", Ex(rating="too_easy", move_up=True)),))
    assert SPL in move.plan and "superman" not in move.plan
    assert [d.kind for d in move.decisions] == ["promote"]
