"""Importing watch files: each file's digest first (one already imported is not read again),
then the new ones parsed in worker processes, runs kept and everything else counted."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from backrun_tui.coach.running.run_matching import Duplicate, merge_runs
from backrun_tui.coach.running.runs import Run, is_running
from backrun_tui.runs.readers import (
    Activity,
    BrokenFile,
    NothingToImport,
    kind_of,
    read_activity,
)
from backrun_tui.runs.sources import (
    Found,
    IndexNote,
    Missing,
    Source,
    Unreadable,
    sources,
)

IN_PROCESS_BELOW = 16  # fewer new files than this are parsed here: workers cost more to start
Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass
class ImportSummary:
    added: list[Run] = field(default_factory=list)
    replaced: list[tuple[str, Run]] = field(default_factory=list)  # (as kept, richer record)
    same_run: list[Duplicate] = field(default_factory=list)  # a run already there, by another file
    already: int = 0  # imported before (the same file, by its digest)
    not_runs: int = 0  # rides, swims, walks...
    broken: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # read, but no run in it
    missing: list[str] = field(default_factory=list)  # named by an export's index, not in it
    notes: list[str] = field(default_factory=list)  # about the import as a whole


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def import_files(
    paths: list[Path],
    known: Iterable[str],
    progress: Progress | None = None,
    workers: int | None = None,
    kept: Iterable[Run] = (),
) -> ImportSummary:
    """Read every watch file under `paths`; `known` are the fingerprints already stored and
    `kept` the runs (a new run that is one of them, or of each other, is kept once)."""
    summary, seen = ImportSummary(), set(known)
    found = list(sources(paths))
    total, done = len(found), 0
    todo: list[tuple[str, bytes, str]] = []
    named_runs = set()  # files an export's index calls runs: their own sport is not asked
    for source in found:
        new = _triage(source, seen, summary)
        if new is None:
            done += 1
            if progress:
                progress(done, total)
        else:
            todo.append(new)
            if isinstance(source, Source) and source.sport and is_running(source.sport):
                named_runs.add(source.name)
    for (name, _, digest), result in zip(todo, _parse_all(todo, workers), strict=True):
        done += 1
        if isinstance(result, NothingToImport):
            summary.skipped.append((name, str(result)))
        elif isinstance(result, BrokenFile):
            summary.broken.append((name, str(result)))
        elif name not in named_runs and not is_running(result.sport):
            summary.not_runs += 1
        else:
            summary.added.append(_run(result, digest, name))
        if progress:
            progress(done, total)
    merged = merge_runs(kept, [(run.origin, run) for run in summary.added])
    summary.added, summary.replaced, summary.same_run = (
        merged.added,
        merged.replaced,
        merged.duplicates,
    )
    return summary


def _triage(source: Found, seen: set[str], summary: ImportSummary) -> tuple[str, bytes, str] | None:
    """A file to parse, or None when it is counted already (unreadable, known, not a run)."""
    if isinstance(source, Unreadable):
        summary.broken.append((source.name, source.reason))
        return None
    if isinstance(source, Missing):
        summary.missing.append(source.name)
        return None
    if isinstance(source, IndexNote):
        summary.notes.append(source.text)
        return None
    try:
        data = source.read()
    except OSError as error:
        summary.broken.append((source.name, f"it cannot be read ({error.strerror or error})"))
        return None
    digest = fingerprint(data)
    if digest in seen:
        summary.already += 1
        return None
    seen.add(digest)  # the same file twice in one import counts once
    if source.sport is not None and not is_running(source.sport):
        summary.not_runs += 1
        return None
    return source.name, data, digest


def _parse_all(
    todo: list[tuple[str, bytes, str]], workers: int | None
) -> list[Activity | BrokenFile]:
    items = [(name, data) for name, data, _ in todo]
    if len(items) < IN_PROCESS_BELOW or workers == 1:
        return [_parse(item) for item in items]
    count = workers or min(os.cpu_count() or 1, 4)
    with ProcessPoolExecutor(max_workers=count) as pool:
        return list(pool.map(_parse, items, chunksize=8))


def _parse(item: tuple[str, bytes]) -> Activity | BrokenFile:
    """A worker's job: the activity, or why there is none (broken, or nothing to import)."""
    name, data = item
    try:
        return read_activity(name, data)
    except BrokenFile as error:
        return error


def _run(activity: Activity, digest: str, name: str) -> Run:
    heart = activity.avg_hr
    return Run(
        fingerprint=digest,
        started_at=activity.started_at,
        moving_seconds=max(round(activity.moving_seconds), 0),
        distance_m=max(activity.distance_m, 0.0),
        source=kind_of(name) or "gpx",  # type: ignore[arg-type]
        ascent_m=activity.ascent_m,
        avg_hr=round(heart) if heart else None,
        origin=name,
    )
