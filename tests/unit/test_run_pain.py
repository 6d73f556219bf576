"""Pain against running: each week's average pain under its running, and the runner's own
pattern, said only with enough days and always with its numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from backrun_tui.coach.running.run_pain import pain_cells, pattern_text, weekly_pain
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store
from backrun_tui.tui.widgets.bar_chart import chart_lines

MONDAY = datetime(2026, 9, 7, 7, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)


def run_on(day: int, minutes: int) -> Run:
    return Run(f"r{day}", MONDAY + timedelta(days=day), minutes * 60, minutes * 170.0, "fit")


def check_on(day: int, pain: int) -> tuple[datetime, int]:
    return (MONDAY + timedelta(days=day, hours=1), pain)


def test_each_week_has_the_average_pain_of_its_checks() -> None:
    pains = [check_on(0, 2), check_on(3, 3), check_on(15, 4)]
    mondays = [MONDAY.date() + timedelta(days=7 * n) for n in range(3)]
    weekly = weekly_pain(pains, mondays)
    assert weekly == [2.5, None, 4.0]
    assert pain_cells(weekly) == ["2.5", "·", "4"]


def test_the_chart_writes_each_weeks_figures_under_its_bar() -> None:
    points = [(date(2026, 9, 7) + timedelta(days=7 * n), m) for n, m in enumerate([30, 0, 90])]
    lines = chart_lines(points, 90, 40, 5, [("km", ["5", "0", "15"]), ("pain", ["2", "·", "4"])])
    assert lines[-3] == "  km  5   0   15"
    assert lines[-2] == "pain  2   ·   4"
    assert lines[0].startswith("  90 ┤") and lines[-1].strip().startswith("7 Sep")


def test_a_pattern_needs_enough_days_and_says_how_many_so_far() -> None:
    runs = [run_on(day, 70) for day in (0, 7, 14)]
    pains = [check_on(day + 1, 4) for day in (0, 7, 14)] + [check_on(3, 1)]
    text = pattern_text(runs, pains, NOW)
    assert text.startswith(
        "Your pattern (the last 52 weeks, since 8 Dec 2025): not enough data yet."
    )
    assert "(so far 3)" in text and "(so far 1)" in text


def test_pain_after_long_runs_is_set_against_other_days_with_its_counts() -> None:
    long_days = [0, 7, 14, 21, 28, 35]
    runs = [run_on(day, 75) for day in long_days] + [run_on(day + 3, 30) for day in long_days]
    pains = [4, 4, 3, 2, 4, 4]
    after = [check_on(day + 1, pain) for day, pain in zip(long_days, pains, strict=True)]
    other = [check_on(day + 4, 2) for day in long_days]  # the day after a short run, and more
    text = pattern_text(runs, after + other, NOW)
    assert text.startswith(
        "Your pattern (the last 52 weeks, since 8 Dec 2025): the day after runs of 60 min or "
        "more, your pain was 1.5 higher than on other days (3.5 against 2.0); above your usual "
        "5 of 6 times."
    )
    assert "not a cause" in text


def test_the_first_check_of_a_day_counts_and_a_small_difference_is_about_the_same() -> None:
    long_days = [0, 7, 14, 21, 28]
    runs = [run_on(day, 60) for day in long_days]
    after = [check_on(day + 1, 2) for day in long_days]
    later_the_same_day = [(at + timedelta(hours=8), 9) for at, _ in after]  # not the morning
    other = [check_on(day + 3, 2) for day in long_days]
    text = pattern_text(runs, after + later_the_same_day + other, NOW)
    assert "your pain was about the same as on other days (2.0 against 2.0)" in text
    assert "above your usual 0 of 5 times" in text


def test_the_pattern_reads_the_last_year_only_and_says_so() -> None:
    long_days = [0, 7, 14, 21, 28]
    runs = [run_on(day, 75) for day in long_days]
    after = [check_on(day + 1, 5) for day in long_days]
    other = [check_on(day + 3, 1) for day in long_days]
    a_year_on = NOW + timedelta(weeks=52)
    text = pattern_text(runs, after + other, a_year_on)
    assert text.startswith("Your pattern (the last 52 weeks, since 7 Dec 2026): not enough data")
    assert "(so far 0)" in text  # checks older than the year are not counted


def test_the_store_reads_the_checks_since_a_day_from_the_years_it_needs(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    report = SymptomReport(3, "lower", "none")
    for at in (datetime(2025, 3, 1, tzinfo=UTC), datetime(2026, 1, 5, tzinfo=UTC)):
        store.record_check(report, "go", at)
    since = datetime(2025, 6, 1, tzinfo=UTC)
    assert store.pains_since(since) == [(datetime(2026, 1, 5, tzinfo=UTC), 3)]
    assert len(store.pains_since(datetime(2024, 1, 1, tzinfo=UTC))) == 2
    store.close()
