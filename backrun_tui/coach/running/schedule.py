"""The runner's week: the hardest rungs (jumps, V-Ups; the catalog marks them "hard") tire the
muscles a long run needs, so they are not planned the day before the usual long run, nor in the
last days before a race and on race day (backrun's convention, `docs/programme.md`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from backrun_tui.coach.settings import Settings

RACE_TAPER_DAYS = 3  # the hardest rungs rest for the 3 days before a race, and on race day
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def hard_rungs_rest(settings: Settings, today: date) -> str:
    """Why the hardest rungs are not planned today ("your long run is tomorrow (Sunday)"), or
    "" when they may be."""
    race = settings.race_date
    if race is not None and 0 <= (race - today).days <= RACE_TAPER_DAYS:
        days = (race - today).days
        when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
        return f"your race is {when} ({race:%a %d %b})"
    long_run = settings.long_run_day
    if long_run is not None and (today + timedelta(days=1)).weekday() == long_run:
        return f"your long run is tomorrow ({DAY_NAMES[long_run]})"
    return ""


def why_resting(names: list[str], reason: str) -> str:
    """The picker's line for the hard rungs left out today."""
    listed = " and ".join(names)
    verb = "rests" if len(names) == 1 else "rest"
    return (
        f"{listed} {verb} today: {reason}. The hardest rungs (jumps, V-Ups) tire the muscles "
        "a long run or a race needs; they are back after it."
    )


class DayProblem(ValueError):
    """A long-run day or race date that could not be read, in words for the runner."""


def parse_long_run_day(text: str) -> int | None:
    """ "sun", "Sunday" or "" (none) as a weekday number (0 Monday)."""
    words = text.strip().lower()
    if not words or words in ("-", "none"):
        return None
    for number, name in enumerate(DAY_NAMES):
        if len(words) >= 2 and name.lower().startswith(words):
            return number
    raise DayProblem("Long-run day: a day of the week such as Sun, or leave it empty.")


def parse_race_date(text: str, today: date) -> date | None:
    """ "2027-04-25" or "" (none). A date already past is refused: it would plan nothing."""
    words = text.strip()
    if not words or words in ("-", "none"):
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        raise DayProblem("Race date: write it as 2027-04-25, or leave it empty.")
    try:
        race = date.fromisoformat(words)
    except ValueError:
        raise DayProblem("Race date: that day does not exist.") from None
    if race < today:
        raise DayProblem("Race date: that day has passed; leave it empty or give the next race.")
    return race


def day_text(day: int | None) -> str:
    return "" if day is None else DAY_NAMES[day][:3]
