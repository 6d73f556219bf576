"""Running load from the runner's own runs: the easy-run cap while it hurts, and the flag for a
week that jumps well above the 4-week average (conventions in coach/running/running_load.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backrun_tui.coach.running.running_load import easy_run_cap, running_notes, weekly_jump
from backrun_tui.coach.running.runs import Run

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def run(days_ago: float, minutes: int, effort: int | None = None) -> Run:
    when = NOW - timedelta(days=days_ago)
    return Run(f"{days_ago}-{minutes}", when, minutes * 60, minutes * 170.0, "fit", effort=effort)


STEADY = [run(d, m) for d, m in ((2, 40), (6, 30), (10, 50), (15, 40), (20, 60), (26, 35))]


def test_the_cap_is_the_median_run_of_the_last_four_weeks() -> None:
    assert easy_run_cap(STEADY, NOW) == 40
    assert easy_run_cap([*STEADY, run(40, 200)], NOW) == 40  # older runs do not count
    assert easy_run_cap(STEADY[:2], NOW) is None  # too few runs to say


def test_amber_and_red_pain_get_the_cap_green_keeps_the_usual_line() -> None:
    for pain in (4, 5, 6, 9):
        line, _ = running_notes(STEADY, pain, NOW)
        assert "at most 40 min (your median run over the last 4 weeks)" in line
    assert running_notes(STEADY, 3, NOW)[0] == ""
    assert running_notes([], 6, NOW) == ("", [])  # no runs: the generic advice stays


def test_a_week_well_above_the_average_is_flagged_not_scored() -> None:
    # 4 weeks of about 70 min a week, then 180 min in the last 7 days
    runs = [run(d, 35) for d in (9, 12, 16, 19, 23, 26)] + [run(1, 90), run(4, 90)]
    jump = weekly_jump(runs, NOW)
    assert jump is not None and jump.unit == "min"
    assert jump.last_week == 180 and jump.weekly_average == (180 + 210) / 4
    _, notes = running_notes(runs, 2, NOW)
    assert len(notes) == 1 and "a flag, not a risk score" in notes[0]
    assert "1.8 times your weekly average" in notes[0]
    assert weekly_jump(STEADY, NOW) is None  # a steady month


def test_effort_counts_only_when_every_run_has_one() -> None:
    easy_then_hard = [run(d, 40, effort=3) for d in (9, 16, 23)] + [run(1, 40, effort=9)]
    jump = weekly_jump(easy_then_hard, NOW)
    assert jump is not None and jump.unit == "load" and jump.last_week == 360
    mixed = [*easy_then_hard, run(12, 40)]  # one run without an effort: minutes alone
    assert weekly_jump(mixed, NOW) is None


def test_no_flag_without_runs_before_this_week() -> None:
    assert weekly_jump([run(1, 90), run(3, 90)], NOW) is None
