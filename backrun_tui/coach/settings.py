"""The runner's training settings, with their limits."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

SETS_LIMITS = (1, 6)
REPS_LIMITS = (1, 30)
REST_LIMITS = (15, 300)
TEMPO_LIMITS = (1, 6)
NAME_LIMIT = 40  # characters of the runner's name on the report


@dataclass(frozen=True)
class Settings:
    sets: int = 3
    rep_low: int = 8
    rep_high: int = 12
    rest_seconds: int = 60
    bell: bool = True
    outdoor: bool = False
    tempo: bool = False  # sets of reps start in tempo mode: backrun counts them
    tempo_up: int = 2  # seconds up, then down, per rep in tempo mode
    tempo_down: int = 2
    long_run_day: int | None = None  # the usual long run's weekday, 0 Monday to 6 Sunday
    race_date: date | None = None
    runner_name: str = ""  # as the physio report names the runner; empty: not named
    speak: bool = False  # spoken cues: the count, the last rep, the set's end, the last seconds
    speak_every_fifth: bool = False  # the count said every fifth rep, not every rep

    def __post_init__(self) -> None:
        _within("sets", self.sets, SETS_LIMITS)
        _within("reps", self.rep_low, REPS_LIMITS)
        _within("reps", self.rep_high, REPS_LIMITS)
        _within("rest seconds", self.rest_seconds, REST_LIMITS)
        _within("tempo seconds", self.tempo_up, TEMPO_LIMITS)
        _within("tempo seconds", self.tempo_down, TEMPO_LIMITS)
        if self.rep_low > self.rep_high:
            raise ValueError("the lowest reps must not be above the highest")
        day = self.long_run_day
        if day is not None and (type(day) is not int or not 0 <= day <= 6):
            raise ValueError("the long-run day must be a day of the week")
        if self.race_date is not None and not isinstance(self.race_date, date):
            raise ValueError("the race date must be a date")
        if not is_name(self.runner_name):
            raise ValueError(f"the name must be one line of at most {NAME_LIMIT} characters")


def is_name(text: object) -> bool:
    """A name for the report: text on one line, no control or invisible formatting characters,
    no spaces at its ends, at most NAME_LIMIT characters."""
    return (
        isinstance(text, str)
        and len(text) <= NAME_LIMIT
        and text == text.strip()
        and not any(unicodedata.category(c)[0] == "C" for c in text)
    )


def _within(name: str, value: int, limits: tuple[int, int]) -> None:
    low, high = limits
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}")
