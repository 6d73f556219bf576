"""A run: the summary backrun keeps of one (from a watch file, or logged by hand), never the
GPS track."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Source = Literal["gpx", "tcx", "fit", "manual"]
ChangeKind = Literal["edited", "deleted", "restored"]


@dataclass(frozen=True)
class RunChange:
    """One change the runner made to a run, kept with it: when, what, and (for an edit) the
    values it had before."""

    at: datetime
    kind: ChangeKind
    before: str = ""  # the run in words before an edit, e.g. "Mon 23 Nov 07:00, 30 min, 5.0 km"


@dataclass(frozen=True)
class Run:
    """fingerprint: the source file's digest (a second import of it adds nothing), or an id
    for a run logged by hand. effort (1-10) and back_after (pain 0-10 afterwards) are the
    runner's own, when given."""

    fingerprint: str
    started_at: datetime
    moving_seconds: int
    distance_m: float
    source: Source
    ascent_m: float | None = None
    avg_hr: int | None = None
    effort: int | None = None
    back_after: int | None = None
    deleted_at: datetime | None = None  # deleted by the runner: kept, and known to imports
    changes: tuple[RunChange, ...] = ()
    aliases: tuple[str, ...] = ()  # fingerprints of other files that were this same run
    origin: str = ""  # the file it came from (a path, or ZIP:member), "" for one logged by hand

    @property
    def minutes(self) -> int:
        return round(self.moving_seconds / 60)

    @property
    def km(self) -> float:
        return self.distance_m / 1000


# A run, in the words of watch files and of the languages Strava exports its list in: parts
# of a word ("Traillauf"), and whole words where a part would mislead ("biegowe" is skiing).
RUN_PARTS = (
    "run", "treadmill", "jog", "lauf", "carrera", "corsa", "corrida", "hardlop", "löp", "løb",
    "løp", "juoks", "бег", "ラン", "跑",
)  # fmt: skip
RUN_WORDS = {"course", "correr", "bieg", "běh", "koşu"}


def is_running(sport: str | None) -> bool:
    """Whether a watch file's sport, or the type an export's list gives, is a run (a file
    that names none counts as one: GPX files often do not say)."""
    if not sport or not sport.strip():
        return True
    lowered = sport.casefold()
    return any(part in lowered for part in RUN_PARTS) or bool(
        RUN_WORDS.intersection(re.findall(r"\w+", lowered))
    )


RUN_COLUMNS = ("date", "minutes", "km", "climb", "heart", "effort", "back after", "from")


def origin_label(run: Run) -> str:
    """Where a run came from, in a few words: "by hand", "FIT file", "GPX in export.zip"."""
    if run.source == "manual":
        return "by hand"
    archive, _, member = run.origin.rpartition(":")
    if archive.lower().endswith(".zip") and member:
        return f"{run.source.upper()} in {archive.replace(chr(92), '/').rsplit('/', 1)[-1]}"
    return f"{run.source.upper()} file"


def local(moment: datetime) -> datetime:
    """A stored time (watch files give UTC) on this computer's clock, as the runner reads it."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def run_row(run: Run) -> tuple[str, ...]:
    """One run in words, for `backrun runs` and the runs list."""
    return (
        f"{local(run.started_at):%a %d %b %Y %H:%M}",
        str(run.minutes),
        f"{run.km:.1f}",
        "-" if run.ascent_m is None else f"{round(run.ascent_m)} m",
        "-" if run.avg_hr is None else f"{run.avg_hr} bpm",
        "-" if run.effort is None else f"{run.effort}/10",
        "-" if run.back_after is None else f"{run.back_after}/10",
        origin_label(run),
    )
