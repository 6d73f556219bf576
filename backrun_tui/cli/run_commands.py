"""`backrun runs import`: watch files in, with a progress bar and a summary of what happened."""

from __future__ import annotations

import sys
from pathlib import Path

from backrun_tui.coach.ladder.workout import count_of
from backrun_tui.runs.importer import ImportSummary, import_files
from backrun_tui.store.errors import StoreError
from backrun_tui.store.repository import Store

BAR_WIDTH = 30
BROKEN_SHOWN = 20


def import_runs(paths: list[Path], store: Store) -> int:
    """Import, save every new run in one write, and say what happened. Exit 0 when the import
    ran (broken files are skipped and named), 2 when the runs could not be saved."""
    try:
        kept = store.runs(deleted=True)
        known = store.run_fingerprints()
        summary = import_files(paths, known, progress=show_progress, kept=kept)
        _end_progress()
        store.save_runs(summary.added, summary.replaced)
    except StoreError as error:
        _end_progress()
        print(f"backrun: {error} Nothing was imported.", file=sys.stderr)
        return 2
    finally:
        for note in store.notes:
            print(f"backrun: {note}", file=sys.stderr)
    print(summary_text(summary))
    return 0


def show_progress(done: int, total: int) -> None:
    """A one-line bar on the terminal (stderr), redrawn in place."""
    filled = BAR_WIDTH * done // max(total, 1)
    bar = "#" * filled + "-" * (BAR_WIDTH - filled)
    print(f"\rReading watch files [{bar}] {done}/{total}", end="", file=sys.stderr, flush=True)


def _end_progress() -> None:
    print(file=sys.stderr, flush=True)


def summary_text(summary: ImportSummary) -> str:
    lines = [
        f"Added: {count_of(len(summary.added), 'run')}",
        f"Already there: {summary.already}",
        f"Skipped, not runs: {summary.not_runs}",
    ]
    said_when_none = {"Broken, skipped"}  # the others only when there are some
    for title, files in (
        ("The same run as one already there", [(d.name, d.why) for d in summary.same_run]),
        ("Read, but no run in them", summary.skipped),
        (
            "Listed in the export, but not in it",
            [(name, "its file is missing from the export") for name in summary.missing],
        ),
        ("Broken, skipped", summary.broken),
    ):
        if not files and title not in said_when_none:
            continue
        lines.append(f"{title}: {len(files)}")
        lines += [f"  {name}: {why}" for name, why in files[:BROKEN_SHOWN]]
        if len(files) > BROKEN_SHOWN:
            lines.append(f"  ... and {len(files) - BROKEN_SHOWN} more")
    return "\n".join([*summary.notes, *lines])
