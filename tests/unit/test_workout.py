"""Today's workout: counting reps, sides, sets, rests, and what a session holds."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.workout import (
    FLARE_UP_SETS,
    MAX_COUNT,
    Step,
    Workout,
    WorkoutItem,
    count_of,
    last_time_text,
    session_items,
    set_goal,
    sets_text,
    side_counts,
    start_workout,
    target_text,
)
from backrun_tui.coach.settings import Settings

PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))
STRETCHES = ["cat-cow", "lying-figure-4", "supine-twist"]


def taps(workout: Workout, n: int) -> Workout:
    for _ in range(n):
        workout = workout.tap()
    return workout


def test_taps_count_and_undo_never_goes_below_zero(catalog: Catalog) -> None:
    workout = start_workout(catalog, [WorkoutItem("superman", 3)])
    workout = taps(workout, 3)
    assert workout.count == 3
    assert workout.mid_set
    workout = workout.undo().undo().undo().undo()
    assert workout.count == 0
    assert not workout.mid_set
    assert taps(workout, MAX_COUNT + 5).count == MAX_COUNT


def test_one_sided_exercise_goes_left_then_right_before_the_next_set(
    catalog: Catalog, now: datetime
) -> None:
    workout = start_workout(catalog, [WorkoutItem("single-leg-bridge", 2)])
    seen: list[tuple[int, str | None, Step]] = []
    for reps in (8, 9, 10, 11):
        side, set_number = workout.side, workout.set_number
        workout, step = taps(workout, reps).finish_set(now)
        seen.append((set_number, side, step))
        assert workout.count == 0
    assert seen == [
        (1, "L", "next_side"),
        (1, "R", "rest"),
        (2, "L", "next_side"),
        (2, "R", "exercise_done"),
    ]
    records = [(r.set_number, r.side, r.reps) for r in workout.sets_of("single-leg-bridge")]
    assert records == [(1, "L", 8), (1, "R", 9), (2, "L", 10), (2, "R", 11)]


def test_two_sided_alternating_exercise_is_one_count_per_set(
    catalog: Catalog, now: datetime
) -> None:
    workout = start_workout(catalog, [WorkoutItem("beetle", 2)])
    assert workout.side is None
    workout, step = taps(workout, 10).finish_set(now, seconds=40)
    assert step == "rest"
    assert (workout.set_number, workout.side) == (2, None)
    workout, step = taps(workout, 12).finish_set(now)
    assert step == "exercise_done"
    assert [(r.reps, r.seconds) for r in workout.done] == [(10, 40), (12, 0)]


def test_next_exercise_starts_left_for_sided_and_ends_the_session(
    catalog: Catalog, now: datetime
) -> None:
    workout = start_workout(catalog, [WorkoutItem("superman", 1), WorkoutItem("supine-twist", 1)])
    assert workout.side is None
    assert workout.upcoming() == WorkoutItem("supine-twist", 1)
    workout, step = taps(workout, 8).finish_set(now)
    assert step == "exercise_done"
    workout = workout.next_exercise()
    assert (workout.current.exercise_id, workout.set_number, workout.side) == (
        "supine-twist",
        1,
        "L",
    )
    assert workout.upcoming() is None
    assert workout.next_exercise().finished


def test_progress_goes_from_zero_to_one_and_every_set_counts(
    catalog: Catalog, now: datetime
) -> None:
    workout = start_workout(
        catalog, [WorkoutItem("superman", 2), WorkoutItem("single-leg-bridge", 2)]
    )
    assert workout.total_steps() == 6
    assert workout.progress() == 0.0
    fractions = [workout.progress()]
    while not workout.finished:
        workout, step = taps(workout, 8).finish_set(now)
        fractions.append(workout.progress())
        if step == "exercise_done":
            assert fractions[-1] > fractions[-2]  # the last set shows before moving on
            workout = workout.next_exercise()
            fractions.append(workout.progress())
    assert fractions[-1] == 1.0
    assert sorted(set(fractions)) == [n / 6 for n in range(7)]


def test_leaving_an_exercise_keeps_tapped_reps_and_counts_it_done(
    catalog: Catalog, now: datetime
) -> None:
    workout = start_workout(catalog, [WorkoutItem("superman", 3), WorkoutItem("beetle", 3)])
    workout, _ = taps(workout, 9).finish_set(now)
    workout = taps(workout, 4).leave_exercise(now)
    assert [(r.set_number, r.reps) for r in workout.sets_of("superman")] == [(1, 9), (2, 4)]
    assert workout.current.exercise_id == "beetle"
    assert workout.count == 0
    assert workout.progress() == 0.5
    left_empty = workout.leave_exercise(now)
    assert left_empty.sets_of("beetle") == []
    assert left_empty.finished


def test_full_session_is_stretches_then_the_plan(catalog: Catalog) -> None:
    items = session_items(catalog, PLAN, "full", sets=4)
    assert [i.exercise_id for i in items] == STRETCHES + list(PLAN.exercise_ids)
    assert [i.sets for i in items] == [1, 1, 1, 4, 4, 4, 4]


def test_flare_up_is_stretches_and_two_easiest_rested_rungs_skipped(
    catalog: Catalog, now: datetime
) -> None:
    items = session_items(catalog, PLAN, "flare_up")
    assert [i.exercise_id for i in items] == [*STRETCHES, "superman", "beetle"]
    assert [i.sets for i in items[3:]] == [FLARE_UP_SETS] * 2 == [2, 2]
    resting = Plan(PLAN.exercise_ids, (Bench("superman", now.date()),))
    items = session_items(catalog, resting, "flare_up")
    assert [i.exercise_id for i in items[3:]] == ["beetle", "single-leg-balance-reach"]


def test_stretches_mode_has_no_strength_work(catalog: Catalog) -> None:
    items = session_items(catalog, PLAN, "stretches")
    assert [i.exercise_id for i in items] == STRETCHES
    assert all(catalog.get(i.exercise_id).is_stretch for i in items)


def test_target_text(catalog: Catalog) -> None:
    assert target_text(catalog.get("superman")) == "8-12 reps"
    assert target_text(catalog.get("beetle")) == "8-12 reps per side"
    assert target_text(catalog.get("single-leg-bridge")) == "8-12 reps per side"
    assert target_text(catalog.get("lying-figure-4")) == "hold 30 s per side"
    assert target_text(catalog.get("cat-cow")) == "8-10 reps"


def test_keep_partial_records_the_reps_and_stays_in_place(catalog: Catalog, now: datetime) -> None:
    workout = start_workout(catalog, [WorkoutItem("single-leg-bridge", 2)])
    assert workout.keep_partial(now) == workout  # nothing tapped: nothing to keep
    kept = taps(workout, 5).keep_partial(now)
    assert (kept.set_number, kept.side, kept.count) == (1, "L", 0)
    assert [(r.side, r.reps) for r in kept.sets_of("single-leg-bridge")] == [("L", 5)]


def test_sets_text_reads_set_by_set_with_both_sides(catalog: Catalog, now: datetime) -> None:
    bridge, beetle = catalog.get("single-leg-bridge"), catalog.get("beetle")
    workout = start_workout(catalog, [WorkoutItem(bridge.id, 2), WorkoutItem(beetle.id, 2)])
    for reps in (12, 11, 10, 1):
        workout, _ = taps(workout, reps).finish_set(now)
    workout = workout.next_exercise()
    workout, _ = taps(workout, 10).finish_set(now)
    workout, _ = taps(workout, 9).finish_set(now)
    assert sets_text(bridge, workout.sets_of(bridge.id)) == "L 12 · R 11 / L 10 · R 1"
    # alternating sides: one count is the reps on each side
    assert last_time_text(beetle, workout.sets_of(beetle.id)) == "last time: 10 / 9 per side"
    assert last_time_text(beetle, []) == ""


def test_a_hold_reads_in_seconds_even_when_a_side_was_not_held(
    catalog: Catalog, now: datetime
) -> None:
    twist = catalog.get("supine-twist")
    workout = start_workout(catalog, [WorkoutItem(twist.id, 1)])
    workout, _ = workout.finish_set(now, seconds=30)
    assert side_counts(twist, workout, "12 s") == "L 30 s · R 12 s"
    workout, _ = workout.finish_set(now, seconds=0)
    assert sets_text(twist, workout.sets_of(twist.id)) == "L 30 s · R 0 s"


def test_side_counts_show_both_sides_of_the_set_under_way(catalog: Catalog, now: datetime) -> None:
    bridge = catalog.get("single-leg-bridge")
    workout = start_workout(catalog, [WorkoutItem(bridge.id, 2)])
    assert side_counts(bridge, workout, "3") == "L 3 · R –"
    workout, _ = taps(workout, 8).finish_set(now)
    assert side_counts(bridge, workout, "6") == "L 8 · R 6"
    workout, _ = taps(workout, 6).finish_set(now)  # set 2 starts on the left again
    assert side_counts(bridge, workout, "0") == "L 0 · R –"
    beetle = start_workout(catalog, [WorkoutItem("beetle", 1)])
    assert side_counts(catalog.get("beetle"), beetle, "4") == ""


def test_one_rep_is_singular(catalog: Catalog) -> None:
    assert count_of(1, "rep") == "1 rep"
    assert count_of(0, "rep") == "0 reps"
    one = Settings(rep_low=1, rep_high=1)
    assert target_text(catalog.get("superman"), one) == "1 rep"
    assert target_text(catalog.get("beetle"), one) == "1 rep per side"


def test_the_goal_of_a_set_finished_at_target(catalog: Catalog, now: datetime) -> None:
    bridge, settings = catalog.get("single-leg-bridge"), Settings()
    assert set_goal(bridge, settings, [], 1, "L") == 8  # new: the low end of the range
    workout = start_workout(catalog, [WorkoutItem(bridge.id, 2)])
    for reps in (11, 10, 14, 3):
        workout, _ = taps(workout, reps).finish_set(now)
    last = list(workout.sets_of(bridge.id))
    assert set_goal(bridge, settings, last, 1, "L") == 11  # the same as last time
    assert set_goal(bridge, settings, last, 1, "R") == 10
    assert set_goal(bridge, settings, last, 2, "L") == 12  # within the range
    assert set_goal(bridge, settings, last, 2, "R") == 8
    assert set_goal(bridge, settings, last, 3, "L") == 8  # no third set last time


def test_after_the_last_set_the_workout_waits_for_a_rating(catalog: Catalog, now: datetime) -> None:
    workout = start_workout(catalog, [WorkoutItem("superman", 1), WorkoutItem("beetle", 1)])
    assert not workout.awaiting_feedback
    workout, step = workout.tap().finish_set(now)
    assert step == "exercise_done"
    assert workout.awaiting_feedback
    assert not workout.next_exercise().awaiting_feedback
