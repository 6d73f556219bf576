"""The shell commands `backrun history` and `backrun export`, printed without the full screen."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from itertools import islice

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.running.runs import RUN_COLUMNS, Run, run_row
from backrun_tui.coach.safety.safety_record import safety_lines
from backrun_tui.coach.session.session_text import SESSION_COLUMNS, session_row
from backrun_tui.report.export import export
from backrun_tui.store.atomic_storage import write_atomically
from backrun_tui.store.errors import StoreError
from backrun_tui.store.repository import Store
from backrun_tui.tui.context import system_clock

MIN_CHANGES_WIDTH = 30


def run_command(args: argparse.Namespace, store: Store, catalog: Catalog) -> int:
    try:
        return _run(args, store, catalog)
    finally:  # the history files open as they are read: what they needed said comes last
        for note in store.notes:
            print(f"backrun: {note}", file=sys.stderr)


def _run(args: argparse.Namespace, store: Store, catalog: Catalog) -> int:
    try:
        if args.command == "history":
            print(history_table(list(islice(store.sessions(), max(args.limit, 0)))))
            safety = safety_lines(store.checks(), store.logged_changes(), system_clock())
            if safety:
                print("\nWarning signs and doctor advice, newest first:")
                for at, line in safety[: max(args.limit, 0)]:
                    print(f"  {at:%d %b %Y %H:%M}  {line}")
            return 0
        if args.command == "runs":
            print(runs_table(store.runs()[: max(args.limit, 0)]))
            return 0
        text = export(store, catalog, args.format, system_clock())
        if args.output is None:
            sys.stdout.write(text)
        else:
            write_atomically(args.output.expanduser(), text.encode())
            print(f"backrun: wrote {args.format} to {args.output}", file=sys.stderr)
        return 0
    except StoreError as error:
        print(f"backrun: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `backrun history | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush at exit
        return 0
    except OSError as error:
        where = getattr(args, "output", None) or "the output"
        print(f"backrun: could not write {where}: {error.strerror}", file=sys.stderr)
        return 2


def history_table(sessions: list[Session], width: int | None = None) -> str:
    """Recent sessions, newest first, as a plain text table; each change wraps under the
    changes column (or on lines of its own when the terminal is narrow), never cut."""
    if not sessions:
        return "No sessions yet. Start one with: backrun"
    width = width or shutil.get_terminal_size((100, 24)).columns
    rows = [SESSION_COLUMNS, *(session_row(s) for s in sessions)]
    # Each change on its own lines, as the session holds them (a change may itself hold a ";").
    changes_of = [[SESSION_COLUMNS[5]], *([d.text for d in s.decisions] or ["-"] for s in sessions)]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    indent = sum(widths) + 2 * len(widths)
    if width - indent < MIN_CHANGES_WIDTH:
        indent = 4
    lines = []
    for row, changes in zip(rows, changes_of, strict=True):
        cells = "  ".join(cell.ljust(w) for cell, w in zip(row[:5], widths, strict=True))
        wrapped = [
            line
            for change in changes
            for line in textwrap.wrap(
                change, max(width - indent, MIN_CHANGES_WIDTH), subsequent_indent="  "
            )
        ]
        if indent == 4 and row is not rows[0] and row[5] != "-":
            lines.append(cells.rstrip())
            lines.extend(" " * indent + line for line in wrapped)
            continue
        lines.append(f"{cells}  {wrapped[0] if wrapped else ''}".rstrip())
        lines.extend(" " * indent + line for line in wrapped[1:])
    return "\n".join(lines)


def runs_table(runs: list[Run]) -> str:
    """Recent runs, newest first, as a plain text table."""
    if not runs:
        return "No runs yet. Bring them in with: backrun runs import FILE-OR-FOLDER"
    rows = [RUN_COLUMNS, *(run_row(r) for r in runs)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(RUN_COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
