"""Writes that start failing mid-session (a full disk, a read-only folder): nothing crashes,
nothing is called saved that is not, it is told once, and once writing works again every rep
lands, exactly once."""

from __future__ import annotations

from failing_disk import FailingDisk
from service_driver import Launcher, to_picker

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.session import events as ev
from backrun_tui.store.repository import Store

PLAN = Plan(("superman", "beetle"))


def reopened(store: Store) -> Store:
    """The data folder as a new launch would read it from disk."""
    assert store.data_dir is not None
    return Store.open(store.data_dir)


def test_reps_tapped_while_the_disk_fails_land_once_it_works(
    store: Store, launch: Launcher, failing_disk: FailingDisk
) -> None:
    store.save_plan(PLAN)
    service = launch()
    problems: list[str] = []
    service.on_problem = problems.append
    to_picker(service)
    service.apply(ev.StartWorkout())
    for _ in range(5):
        service.apply(ev.Tap())

    failing_disk.failing = True
    for _ in range(3):
        service.apply(ev.Tap())
    assert service.state.workout.count == 8  # counting goes on
    assert len(problems) == 1 and failing_disk.reason in problems[0]  # told once, with why
    assert service.unsaved.startswith("Not saved yet: this session (8 reps so far).")
    assert failing_disk.reason in service.unsaved
    assert reopened(store).load_live().workout.count == 5  # type: ignore[union-attr]
    service.apply(ev.SetDone())
    assert service.unsaved  # still not claimed saved

    failing_disk.failing = False
    service.apply(ev.Rated("just_right"))  # the next event saves everything pending
    assert service.unsaved == "" and service.problem == ""
    on_disk = reopened(store).load_live()
    assert on_disk is not None and [r.reps for r in on_disk.workout.done] == [8]


def test_a_session_ended_on_a_full_disk_is_filed_once_when_it_can_be(
    store: Store, launch: Launcher, failing_disk: FailingDisk
) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    for _ in range(7):
        service.apply(ev.Tap())
    failing_disk.failing = True
    assert service.apply(ev.EndSession()).next == "summary"
    assert "the finished session" in service.unsaved
    assert list(reopened(store).sessions()) == []

    assert not service.flush()  # still failing: kept for the next try
    failing_disk.failing = False
    assert service.flush()
    assert service.flush()  # nothing left, nothing written twice
    [filed] = list(reopened(store).sessions())
    assert [r.reps for r in filed.workout.done] == [7]
    assert reopened(store).load_live() is None


def test_a_swap_on_a_read_only_folder_is_kept_in_memory_and_saved_later(
    store: Store, launch: Launcher, failing_disk: FailingDisk
) -> None:
    store.save_plan(Plan(("superman", "beetle", "single-leg-balance-reach")))
    service = launch()
    to_picker(service)
    failing_disk.failing = True
    step = service.apply(ev.Swap("single-leg-balance-reach", "easier"))
    assert step.decisions and "single-leg-balance" in service.state.plan.exercise_ids
    assert "your plan" in service.unsaved
    failing_disk.failing = False
    service.apply(ev.StartWorkout())
    saved = reopened(store).load_plan()
    assert saved is not None and "single-leg-balance" in saved.exercise_ids
