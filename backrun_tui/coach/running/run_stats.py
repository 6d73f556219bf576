"""Figures from the runs: running time and distance per week, for charts."""

from __future__ import annotations

from datetime import date, timedelta

from backrun_tui.coach.ladder.history_stats import last_mondays
from backrun_tui.coach.running.runs import Run, local


def weekly_running(runs: list[Run], today: date, weeks: int) -> list[tuple[date, int, float]]:
    """(Monday, minutes, km) for the last `weeks` weeks up to this one, oldest first; a week
    without a run counts 0."""
    mondays = last_mondays(today, weeks)
    minutes = dict.fromkeys(mondays, 0.0)
    km = dict.fromkeys(mondays, 0.0)
    for run in runs:
        day = local(run.started_at).date()
        monday = day - timedelta(days=day.weekday())
        if monday in minutes:
            minutes[monday] += run.moving_seconds / 60
            km[monday] += run.km
    return [(m, round(minutes[m]), round(km[m], 1)) for m in mondays]
