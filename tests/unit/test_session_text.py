"""Where an interrupted session stopped, in words, for the resume question."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.workout import session_items, start_workout
from backrun_tui.coach.session.session_text import where_it_stopped


def test_where_it_stopped_names_the_exercise_set_and_reps(catalog: Catalog, now: datetime) -> None:
    workout = start_workout(catalog, session_items(catalog, Plan(("superman",)), "full"))
    assert where_it_stopped(catalog, workout) == "Cat Cow"
    for _ in range(8):
        workout = workout.tap()
    workout, _ = workout.finish_set(now)
    assert where_it_stopped(catalog, workout) == "Cat Cow, all 1 set done"
    workout = workout.next_exercise()
    assert where_it_stopped(catalog, workout) == "Lying Figure 4 Stretch, left side"  # no "set"
    workout, _ = workout.finish_set(now, seconds=30)
    assert where_it_stopped(catalog, workout) == "Lying Figure 4 Stretch, right side"
    workout = workout.next_exercise().next_exercise()
    workout = workout.tap().tap().tap().tap().tap().tap().tap()
    assert where_it_stopped(catalog, workout) == "Superman, set 1 of 3, 7 reps so far"
