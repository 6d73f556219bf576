"""One run is one run: the same run from two files (the watch's FIT and a Strava export's GPX,
or one GPX imported twice, gzipped once) is recognised and kept once, the richer record kept.

Two records are the same run when they start within START_WITHIN of each other and their
moving time and distance agree within SHARE (watches and Strava round and trim a little
differently). A run logged by hand is never replaced by a file: the file's copy is left out,
and the runner is told."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from backrun_tui.coach.running.runs import Run, local

START_WITHIN = timedelta(minutes=2)
SHARE = 0.05
SOURCE_RANK = {"fit": 3, "tcx": 2, "gpx": 1, "manual": 0}  # a watch's own totals first


def close(first: float, second: float) -> bool:
    return abs(first - second) <= SHARE * max(abs(first), abs(second))


def moment(run: Run) -> datetime:
    """A run's start as an instant (one kept without a zone is taken as this computer's)."""
    return run.started_at if run.started_at.tzinfo is not None else run.started_at.astimezone()


def same_run(first: Run, second: Run) -> bool:
    return (
        abs(moment(first) - moment(second)) <= START_WITHIN
        and close(first.moving_seconds, second.moving_seconds)
        and close(first.distance_m, second.distance_m)
    )


def richness(run: Run) -> tuple[int, int]:
    """What a record holds beyond time and distance (heart rate, climb), then its source."""
    return (run.avg_hr is not None) + (run.ascent_m is not None), SOURCE_RANK[run.source]


def described(run: Run) -> str:
    """A run as the summary names it: "the FIT file of Sun 01 Nov 07:00"."""
    when = f"{local(run.started_at):%a %d %b %Y %H:%M}"
    if run.source == "manual":
        return f"the run you logged by hand for {when}"
    return f"the {run.source.upper()} file of {when}"


@dataclass(frozen=True)
class Duplicate:
    """A file whose run was already there: its name, and what was kept instead."""

    name: str
    why: str


@dataclass
class Merged:
    """The outcome of matching an import against the runs kept so far."""

    added: list[Run]  # new runs
    replaced: list[tuple[str, Run]]  # (fingerprint kept before, the richer record for it)
    duplicates: list[Duplicate]


def merge_runs(kept: Iterable[Run], new: Iterable[tuple[str, Run]]) -> Merged:
    """Match each new (file name, run), oldest first, against the kept runs and the new ones
    before it. A kept record always keeps the runner's own effort, pain and changes."""
    pool = sorted(kept, key=moment)
    starts = [moment(run) for run in pool]
    fresh: dict[str, Run] = {}  # this import's new runs, by fingerprint
    touched: dict[str, str] = {}  # a stored run changed: its fingerprint now -> as stored
    duplicates: list[Duplicate] = []
    for name, run in sorted(new, key=lambda item: moment(item[1])):
        low = bisect.bisect_left(starts, moment(run) - START_WITHIN)
        high = bisect.bisect_right(starts, moment(run) + START_WITHIN)
        match = next((i for i in range(low, high) if same_run(pool[i], run)), None)
        if match is None:
            at = bisect.bisect_right(starts, moment(run))
            starts.insert(at, moment(run))
            pool.insert(at, run)
            fresh[run.fingerprint] = run
            continue
        other = pool[match]
        updated, why = _one_of(other, run)
        pool[match] = updated
        duplicates.append(Duplicate(name, why))
        if other.fingerprint in fresh:  # both from this import: still a new run
            del fresh[other.fingerprint]
            fresh[updated.fingerprint] = updated
        else:
            touched[updated.fingerprint] = touched.pop(other.fingerprint, other.fingerprint)
    by_fingerprint = {run.fingerprint: run for run in pool}
    return Merged(
        added=sorted(fresh.values(), key=moment),
        replaced=[(stored, by_fingerprint[now]) for now, stored in touched.items()],
        duplicates=duplicates,
    )


def _one_of(other: Run, run: Run) -> tuple[Run, str]:
    """The record to keep of two that are the same run, and what to tell the runner."""
    keep_other = other.source == "manual" or other.deleted_at is not None
    if keep_other or richness(other) >= richness(run):
        kept = replace(other, aliases=(*other.aliases, run.fingerprint))
        if other.source == "manual":
            why = (
                f"the same run as {described(other)}: yours is kept (correct it on the runs "
                "screen if the watch's figures are better)"
            )
        elif other.deleted_at is not None:
            why = f"the same run as {described(other)}, which you deleted: left out"
        else:
            why = f"the same run as {described(other)}: kept once"
        return kept, why
    better = replace(
        run,
        effort=other.effort,
        back_after=other.back_after,
        changes=other.changes,
        aliases=(*other.aliases, other.fingerprint),
    )
    return better, f"the same run as {described(other)}: this richer record takes its place"
