"""Tempo mode's beat: reps and halves from clock readings, with pauses."""

from __future__ import annotations

from backrun_tui.coach.ladder.tempo import TempoRun


def test_a_rep_is_counted_when_its_down_half_ends() -> None:
    run = TempoRun(up=2, down=2).started(100.0)
    times = (0, 1.9, 3.99, 4.0, 7.9, 8.0, 41)
    assert [run.reps(100.0 + t) for t in times] == [0, 0, 0, 1, 1, 2, 10]


def test_the_beat_counts_each_half_down() -> None:
    run = TempoRun(up=2, down=3).started(0.0)
    beats = [run.beat(t) for t in (0, 1.0, 1.5, 2.0, 4.2, 4.99, 5.0)]
    assert beats == [
        ("up", 2),
        ("up", 1),
        ("up", 1),
        ("down", 3),
        ("down", 1),
        ("down", 1),
        ("up", 2),
    ]


def test_a_pause_keeps_the_part_of_a_rep_already_done() -> None:
    run = TempoRun(up=2, down=2).started(0.0)
    paused = run.paused(3.0)
    assert not paused.running
    assert paused.reps(50.0) == 0  # time passes, nothing is counted
    assert paused.beat(50.0) == ("down", 1)
    resumed = paused.started(60.0)
    assert resumed.reps(60.9) == 0
    assert resumed.reps(61.0) == 1  # the rep finishes one second after the resume


def test_starting_twice_or_pausing_twice_changes_nothing() -> None:
    run = TempoRun(up=1, down=1).started(5.0)
    assert run.started(9.0) == run
    paused = run.paused(6.0)
    assert paused.paused(8.0) == paused
    assert TempoRun(up=1, down=1).reps(1000.0) == 0  # never started
