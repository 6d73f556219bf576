"""Running load from the runner's own runs (`docs/programme.md`, "Running load"): an easy-run
cap while the back hurts, and a flag when this week's running jumps well above the usual.

The product's conventions, each with its source:
- the cap is the median run time of the last 4 weeks (from 3 runs), at an effort the runner
  could talk through: the source article's "easy runs while it hurts", made concrete from the
  runner's own runs, never from population norms;
- load is minutes x effort (session RPE, Foster et al. 2001) when every run of the last 4 weeks
  has an effort, else minutes;
- the flag compares the last 7 days with the weekly average of the last 28 (acute:chronic, Gabbett
  2016) and shows above 1.5; its power to predict injury is disputed (Impellizzeri et al. 2020),
  so it is said as something to think about, never as a risk score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.triage import pain_zone

MONTH = timedelta(days=28)
WEEK = timedelta(days=7)
CAP_FROM_RUNS = 3
SPIKE_ABOVE = 1.5


@dataclass(frozen=True)
class Jump:
    last_week: float
    weekly_average: float
    unit: str  # "min" or "load" (minutes x effort)

    @property
    def ratio(self) -> float:
        return self.last_week / self.weekly_average


def within(runs: list[Run], now: datetime, span: timedelta) -> list[Run]:
    return [r for r in runs if now - span <= r.started_at <= now]


def easy_run_cap(runs: list[Run], now: datetime) -> int | None:
    """The median run time of the last 4 weeks, in minutes; None with fewer than 3 runs."""
    recent = within(runs, now, MONTH)
    if len(recent) < CAP_FROM_RUNS:
        return None
    return max(round(median(r.moving_seconds for r in recent) / 60), 1)


def weekly_jump(runs: list[Run], now: datetime) -> Jump | None:
    """This week's load against the 4-week weekly average, when it is above 1.5 times it and
    there were runs before this week to compare with."""
    recent = within(runs, now, MONTH)
    if not any(r.started_at < now - WEEK for r in recent):
        return None
    with_effort = all(r.effort is not None for r in recent)

    def load(run: Run) -> float:
        minutes = run.moving_seconds / 60
        return minutes * run.effort if with_effort and run.effort is not None else minutes

    last_week = sum(load(r) for r in recent if r.started_at >= now - WEEK)
    average = sum(load(r) for r in recent) / 4
    if average <= 0 or last_week / average <= SPIKE_ABOVE:
        return None
    return Jump(last_week, average, "load" if with_effort else "min")


def running_notes(runs: list[Run], pain: int, now: datetime) -> tuple[str, list[str]]:
    """(Running advice in place of the generic line, or "" to keep it; notes to add)."""
    running = ""
    cap = easy_run_cap(runs, now)
    if pain_zone(pain) in ("amber", "red") and cap is not None:
        running = (
            f"While your back hurts, keep to easy runs of at most {cap} min (your median run "
            "over the last 4 weeks), at an effort you could talk through, and stop if the pain "
            "gets worse."
        )
    notes = []
    jump = weekly_jump(runs, now)
    if jump is not None:
        unit = "min" if jump.unit == "min" else "(minutes x effort)"
        notes.append(
            f"Your running over the last 7 days ({jump.last_week:.0f} {unit}) is "
            f"{jump.ratio:.1f} times your weekly average over 4 weeks "
            f"({jump.weekly_average:.0f} {unit})."
            " A jump worth thinking about while your back settles: a flag, not a risk score "
            "(acute:chronic load above 1.5, Gabbett 2016; its use for predicting injury is "
            "disputed)."
        )
    return running, notes
