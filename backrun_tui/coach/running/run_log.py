"""Runs logged, edited and deleted by hand: reading the form, and keeping every change with the
run (a deleted run stays, marked, so the log and a later import both still know it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from backrun_tui.coach.running.runs import Run, RunChange, local

MAX_MINUTES = 24 * 60
MAX_KM = 300.0
FORM_FIELDS = ("day", "start", "minutes", "km", "effort", "back")
EARLIEST = date(1970, 1, 1)
T = TypeVar("T")


class EntryProblem(ValueError):
    """What is wrong with the form, in words for the runner: every field to fix, in the form's
    order (`problems`), so one save says all of it; `field` is the first one."""

    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.problems: tuple[tuple[str, str], ...] = ((field, text),)

    @classmethod
    def of(cls, found: list[EntryProblem]) -> EntryProblem:
        problem = cls(found[0].field, " ".join(str(p) for p in found))
        problem.problems = tuple((p.field, str(p)) for p in found)
        return problem


@dataclass(frozen=True)
class RunEntry:
    """What the runner typed: when, how long, how far, how hard (1-10), the back after (0-10)."""

    started_at: datetime
    minutes: int
    km: float
    effort: int | None = None
    back_after: int | None = None


def parse_entry(texts: dict[str, str], now: datetime) -> RunEntry:
    """The form's text as an entry, or EntryProblem naming every field to fix and what each
    needs."""
    found: list[EntryProblem] = []

    def read(reader: Callable[..., T], *args: object) -> T | None:
        try:
            return reader(*args)
        except EntryProblem as problem:
            found.append(problem)
            return None

    day = read(_day, texts.get("day", ""), now)
    start_text = texts.get("start", "")
    start = None
    if start_text.strip() or (day is not None and day != now.date()):
        start = read(_start, start_text)
    minutes = read(_minutes, texts.get("minutes", ""))
    km = read(_km, texts.get("km", ""))
    effort = read(_score, texts.get("effort", ""), "effort", 1, "Effort")
    back = read(_score, texts.get("back", ""), "back", 0, "Back afterwards")
    if day is not None and minutes is not None:
        if start is not None:
            started_at = datetime.combine(day, start, now.tzinfo)  # the runner's own clock
        else:  # today with no start: a run just finished
            started_at = (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0)
        if started_at > now + timedelta(minutes=1):
            found.insert(0, EntryProblem("start", "That run is in the future: when did it start?"))
    if found:
        raise EntryProblem.of(found)
    assert day is not None and minutes is not None and km is not None
    return RunEntry(started_at, minutes, km, effort, back)


def _day(text: str, now: datetime) -> date:
    words = text.strip().lower()
    if words in ("", "today"):
        return now.date()
    if words == "yesterday":
        return now.date() - timedelta(days=1)
    try:
        day = date.fromisoformat(words)
    except ValueError:
        example = f"{now:%Y-%m-%d}"
        raise EntryProblem("day", f"Day: write it as {example}, today or yesterday.") from None
    if day < EARLIEST:
        raise EntryProblem("day", "Day: that is before any watch file could be.")
    return day


def _start(text: str) -> time:
    match = re.fullmatch(r"\s*(\d{1,2})[:.h]?(\d{2})\s*", text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise EntryProblem("start", "Start time: write it as 07:30 (24-hour clock).")
    return time(int(match[1]), int(match[2]))


def _minutes(text: str) -> int:
    """45, or 1:05 as hours and minutes."""
    words = text.strip()
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", words)
    if match is not None and int(match[2]) < 60:
        minutes = int(match[1]) * 60 + int(match[2])
    elif words.isdigit():
        minutes = int(words)
    else:
        raise EntryProblem("minutes", "Minutes: a whole number such as 45, or 1:05.")
    if not 1 <= minutes <= MAX_MINUTES:
        raise EntryProblem("minutes", f"Minutes: between 1 and {MAX_MINUTES}.")
    return minutes


def _km(text: str) -> float:
    words = text.strip().replace(",", ".")
    try:
        km = float(words or "nan")
    except ValueError:
        km = float("nan")
    if not 0 <= km <= MAX_KM:  # also catches nan
        raise EntryProblem("km", f"Distance: kilometres from 0 to {MAX_KM:.0f}, such as 5.2.")
    return round(km, 2)


def _score(text: str, field: str, lowest: int, name: str) -> int | None:
    words = text.strip()
    if not words:
        return None
    if not words.isdigit() or not lowest <= int(words) <= 10:
        raise EntryProblem(field, f"{name}: a number from {lowest} to 10, or leave it empty.")
    return int(words)


def entry_texts(run: Run) -> dict[str, str]:
    """A run as the form shows it, to edit."""
    minutes = run.moving_seconds // 60
    return {
        "day": local(run.started_at).date().isoformat(),
        "start": f"{local(run.started_at):%H:%M}",
        "minutes": str(max(1, minutes)),
        "km": f"{run.km:.2f}".rstrip("0").rstrip("."),
        "effort": "" if run.effort is None else str(run.effort),
        "back": "" if run.back_after is None else str(run.back_after),
    }


def logged_run(entry: RunEntry, now: datetime) -> Run:
    """A new run logged by hand; its id is the moment it was logged."""
    return Run(
        fingerprint=f"manual-{now:%Y%m%dT%H%M%S%f}",
        started_at=entry.started_at,
        moving_seconds=entry.minutes * 60,
        distance_m=entry.km * 1000,
        source="manual",
        effort=entry.effort,
        back_after=entry.back_after,
    )


def edited(run: Run, entry: RunEntry, now: datetime) -> Run:
    """The run with the runner's corrections, its old values kept in its changes. A watch
    file's own seconds and metres stay when the rounded figure was not changed."""
    seconds = run.moving_seconds
    if entry.minutes != max(1, seconds // 60):
        seconds = entry.minutes * 60
    metres = run.distance_m
    if entry.km != round(run.km, 2):
        metres = entry.km * 1000
    new = replace(
        run,
        started_at=entry.started_at,
        moving_seconds=seconds,
        distance_m=metres,
        effort=entry.effort,
        back_after=entry.back_after,
    )
    if new == run:
        return run
    return replace(new, changes=(*run.changes, RunChange(now, "edited", run_words(run))))


def deleted(run: Run, now: datetime) -> Run:
    return replace(run, deleted_at=now, changes=(*run.changes, RunChange(now, "deleted")))


def restored(run: Run, now: datetime) -> Run:
    return replace(run, deleted_at=None, changes=(*run.changes, RunChange(now, "restored")))


def run_words(run: Run) -> str:
    """ "Mon 23 Nov 2026 07:00, 30 min, 5.0 km, effort 4/10, back 2/10"."""
    words = [f"{local(run.started_at):%a %d %b %Y %H:%M}", f"{run.minutes} min", f"{run.km:.1f} km"]
    if run.effort is not None:
        words.append(f"effort {run.effort}/10")
    if run.back_after is not None:
        words.append(f"back {run.back_after}/10")
    return ", ".join(words)


def change_log(runs: list[Run], limit: int = 20) -> list[str]:
    """The runner's changes to their runs, newest first, in words."""
    changes = [(change, run) for run in runs for change in run.changes]
    changes.sort(key=lambda pair: pair[0].at, reverse=True)
    lines = []
    for change, run in changes[:limit]:
        when = f"{local(change.at):%a %d %b %H:%M}"
        if change.kind == "edited":
            lines.append(f"{when}  edited: was {change.before}")
        else:
            lines.append(f"{when}  {change.kind}: the run of {run_words(run)}")
    return lines
