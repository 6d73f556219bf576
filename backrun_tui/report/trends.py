"""The report's series over the whole period: pain as monthly medians up to the last six months
and weekly medians over them, and each exercise trained, month by month. The HTML report draws
them (`pain_chart`, `ladder_chart`) and the Markdown report writes them out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import Literal

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.history_stats import last_mondays
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.running.run_stats import weekly_running
from backrun_tui.coach.running.runs import Run

WEEKS = 26  # the last six months, a week at a time
RUNNING_WEEKS_LISTED = 8
RUNS_LISTED = 12  # the newest runs, listed in the reports
KIND_ORDER = {"ladder": 0, "variant": 1, "alternative": 2, "addon": 3}
KIND_WORDS = {"variant": " (easier)", "alternative": " (outdoor)", "addon": " (add-on)"}
PAIN_KEY = (
    "Each bar is the median pain (0 none, 10 worst) of the checks in its month, or its week "
    "over the last six months. A bar on the floor line is pain 0; a grey column had no check."
)
TRAINED_KEY = (
    "Rungs 1 (easiest) to 12 of the strength ladder, with the easier variants, the outdoor "
    "alternative and the upper-back add-on beside their rung. The darker a cell, the more of "
    "that month's sessions trained the exercise; a red outline marks a month it was flagged "
    "painful."
)


@dataclass(frozen=True)
class PainSlot:
    """The checks from `start` to `end` (not included): a month, or a week of the last six
    months. `pain` is their median, None when there was no check."""

    start: date
    end: date
    by: Literal["month", "week"]
    pain: float | None
    checks: int

    @property
    def label(self) -> str:
        if self.by == "month":
            return f"{self.start:%b %Y}"
        return f"week of {_day(self.start)}"

    def words(self) -> str:
        if self.pain is None:
            return f"{self.label}: no check"
        return f"{self.label}: {self.pain:g}/10 (median of {self.checks})"


def pain_period(slots: list[PainSlot]) -> str:
    """The period the pain series covers, in words."""
    months = [s for s in slots if s.by == "month"]
    weeks = [s for s in slots if s.by == "week"]
    said = []
    if months:
        said.append(f"a month a bar from {months[0].start:%b %Y} to {months[-1].start:%b %Y}")
    if weeks:
        said.append(
            f"a week a bar from the week of {_day(weeks[0].start)} to the week of "
            f"{_day(weeks[-1].start)}"
        )
    checks = sum(s.checks for s in slots)
    return f"{checks} checks: " + ", then ".join(said) + "."


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def trained_period(columns: list[date]) -> str:
    return f"From {columns[0]:%b %Y} to {columns[-1]:%b %Y}, a column a month."


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def pain_slots(checks: Iterable[tuple[datetime, int]], today: date) -> list[PainSlot]:
    """A slot a month from the first check until the last six months, then a slot a week;
    empty when there is no check."""
    pains = sorted((at.date(), pain) for at, pain in checks)
    if not pains:
        return []
    first = pains[0][0]
    weekly_from = last_mondays(today, WEEKS)[0]
    bounds: list[tuple[date, date, Literal["month", "week"]]] = []
    start = month_start(first)
    while start < weekly_from:
        end = min(next_month(start), weekly_from)
        bounds.append((start, end, "month"))
        start = end
    first_week = first - timedelta(days=first.weekday())
    for monday in last_mondays(today, WEEKS):
        if monday >= first_week:
            bounds.append((monday, monday + timedelta(days=7), "week"))
    grouped: dict[date, list[int]] = defaultdict(list)
    index = 0
    for day, pain in pains:
        while index < len(bounds) and day >= bounds[index][1]:
            index += 1
        if index < len(bounds) and day >= bounds[index][0]:
            grouped[bounds[index][0]].append(pain)
    return [
        PainSlot(s, e, by, float(median(grouped[s])) if grouped[s] else None, len(grouped[s]))
        for s, e, by in bounds
    ]


@dataclass(frozen=True)
class Trained:
    """One exercise over the period: in how many sessions of each column it was trained, and
    the columns in which it was flagged painful."""

    exercise: Exercise
    sessions: list[int]
    painful: set[int]

    @property
    def label(self) -> str:
        return f"{self.exercise.rung} {self.exercise.name}{KIND_WORDS.get(self.exercise.kind, '')}"


def columns_of(start: date, today: date) -> list[date]:
    """Month starts from `start`'s month to this month."""
    columns = [month_start(start)]
    while next_month(columns[-1]) <= today:
        columns.append(next_month(columns[-1]))
    return columns


def trained_by_month(
    sessions: list[Session], catalog: Catalog, today: date
) -> tuple[list[date], list[int], list[Trained]]:
    """The months of the period, the sessions with strength work in each, and every strength
    exercise trained, in ladder order (lowest rung first)."""
    if not sessions:
        return [], [], []
    columns = columns_of(min(s.started_at.date() for s in sessions), today)
    where = {month: index for index, month in enumerate(columns)}
    totals = [0] * len(columns)
    counts: dict[str, list[int]] = {}
    painful: dict[str, set[int]] = defaultdict(set)
    for session in sessions:
        column = where.get(month_start(session.started_at.date()))
        if column is None:
            continue
        done = {
            r.exercise_id
            for r in session.workout.done
            if r.exercise_id in catalog and not catalog.get(r.exercise_id).is_stretch
        }
        totals[column] += bool(done)
        for exercise_id in done:
            counts.setdefault(exercise_id, [0] * len(columns))[column] += 1
        for feedback in session.feedback:
            if feedback.rating == "painful":
                painful[feedback.exercise_id].add(column)
    rows = [Trained(catalog.get(i), n, painful[i]) for i, n in counts.items()]
    rows.sort(key=lambda t: (t.exercise.rung or 0, KIND_ORDER.get(t.exercise.kind, 9)))
    return columns, totals, rows


def trained_words(columns: list[date], row: Trained) -> str:
    """An exercise's course in words: when it was first and last trained, how often, and the
    months it hurt."""
    used = [i for i, n in enumerate(row.sessions) if n]
    first, last = columns[used[0]], columns[used[-1]]
    hurt = sorted(row.painful)
    said = f"{first:%b %Y} to {last:%b %Y}, {sum(row.sessions)} sessions"
    if hurt:
        said += "; flagged painful in " + ", ".join(f"{columns[i]:%b %Y}" for i in hurt)
    return said


def running_weeks(runs: list[Run], today: date) -> list[tuple[str, str, str]]:
    """(week of, minutes, km) of the newest weeks with running among the last six months."""
    weeks = weekly_running(runs, today, WEEKS)
    rows = [(_day(monday), f"{minutes}", f"{km:.1f}") for monday, minutes, km in weeks if minutes]
    return rows[-RUNNING_WEEKS_LISTED:]
