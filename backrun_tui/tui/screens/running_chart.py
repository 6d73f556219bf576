"""Running against pain, for the runs and history screens: minutes per week as bars, with each
week's km and average pain under its bar, and the runner's own pattern in words."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.widgets import Label, Static

from backrun_tui.coach.running.run_pain import (
    PATTERN_WEEKS,
    pain_cells,
    pattern_text,
    weekly_pain,
)
from backrun_tui.coach.running.run_stats import weekly_running
from backrun_tui.coach.running.runs import Run
from backrun_tui.tui.widgets.bar_chart import BarChart

WEEKS_SHOWN = 12


def running_and_pain(
    runs: list[Run], pains: list[tuple[datetime, int]], now: datetime
) -> ComposeResult:
    """The chart and the pattern; `pains` are the checks of the last year, oldest first."""
    weeks = weekly_running(runs, now.date(), WEEKS_SHOWN)
    minutes = [(monday, m) for monday, m, _ in weeks]
    km = sum(k for _, _, k in weeks)
    yield Label(
        f"Running per week, last {WEEKS_SHOWN} weeks (bars: minutes; under them km and your "
        f"average pain at the checks): this week {minutes[-1][1]} min, most "
        f"{max(m for _, m in minutes)}; {km:.1f} km in these {WEEKS_SHOWN} weeks",
        classes="heading",
    )
    rows = [
        ("km", [f"{k:.0f}" for _, _, k in weeks]),
        ("pain", pain_cells(weekly_pain(pains, [monday for monday, _ in minutes]))),
    ]
    top = max([60, *(m for _, m in minutes)])
    yield BarChart(minutes, top, rows_under=rows, id="weekly-runs")
    yield Static(pattern_text(runs, pains, now), id="pattern")


def pattern_since(now: datetime) -> datetime:
    return now - timedelta(weeks=PATTERN_WEEKS)
