"""A set done without counting, recorded at its target through the service and kept on disk."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher, to_picker, whole_workout

from backrun_tui.coach.session import events as ev
from backrun_tui.store.repository import Store


def test_a_hold_at_target_is_held_in_full_and_saved(store: Store, launch: Launcher) -> None:
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    service.apply(ev.Tap())
    service.apply(ev.SetDone())  # Cat Cow, 1 rep
    service.apply(ev.Rated("just_right"))
    assert service.state.workout.current.exercise_id == "lying-figure-4"
    step = service.apply(ev.DoneAtTarget())
    assert step.message == "Recorded at target: 30 s held."
    assert service.state.workout.side == "R"  # the other side is next
    [left] = store.load_live().workout.sets_of("lying-figure-4")  # type: ignore[union-attr]
    assert (left.side, left.seconds) == ("L", 30)


def test_reps_at_target_repeat_last_time_and_keep_extra_taps(
    store: Store, launch: Launcher
) -> None:
    first = launch()
    to_picker(first)
    whole_workout(first, reps=10)
    service = launch(START + timedelta(days=2))
    to_picker(service)
    service.apply(ev.StartWorkout())
    while service.state.workout.current.exercise_id != "superman":
        if service.state.workout.awaiting_feedback:
            service.apply(ev.Rated("just_right"))
        else:
            service.apply(ev.DoneAtTarget())
    assert service.apply(ev.DoneAtTarget()).message == "Recorded at target: 10 reps."
    for _ in range(11):
        service.apply(ev.Tap())
    assert service.apply(ev.DoneAtTarget()).message == "Recorded at target: 11 reps."
    saved = store.load_live().workout.sets_of("superman")  # type: ignore[union-attr]
    assert [r.reps for r in saved] == [10, 11]


def test_a_new_exercise_is_recorded_at_the_low_end_of_its_range(
    store: Store, launch: Launcher
) -> None:
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    assert service.apply(ev.DoneAtTarget()).message == "Recorded at target: 8 reps."  # Cat Cow
    assert service.state.workout.awaiting_feedback
    assert service.apply(ev.DoneAtTarget()).message == ""  # waits for the rating: no set
