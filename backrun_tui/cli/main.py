"""The command line: parse it, open the data, start the app or a command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from backrun_tui import __version__
from backrun_tui.cli.opening import Opening, folder_problem, load_catalog_or_say
from backrun_tui.tui.context import CannotOpen

if TYPE_CHECKING:  # the app's first frame waits for none of these (see run_app)
    from backrun_tui.coach.ladder.catalog import Catalog
    from backrun_tui.store.repository import Store

DATA_DIR_ENV = "BACKRUN_HOME"


def default_data_dir() -> Path:
    """BACKRUN_HOME if set, else the platform's user data folder."""
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env).expanduser() if env else Path(user_data_dir("backrun", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help=f"where your plan and history are kept (default: ${DATA_DIR_ENV} or "
        f"{default_data_dir()})",
    )
    parser = argparse.ArgumentParser(
        prog="backrun",
        parents=[data_dir],
        description="A terminal coach that gets runners out of back pain. "
        "It advises; it never diagnoses. Without a command, starts a session.",
    )
    parser.add_argument("--version", action="version", version=f"backrun {__version__}")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="show counts and timers as ordinary text (screen readers, small terminals)",
    )
    parser.add_argument(
        "--speak",
        action="store_true",
        help="spoken cues for this run (the count, the last rep, the last seconds of a hold or "
        "rest, what comes next), through this computer's speech program",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    history = commands.add_parser(
        "history", parents=[data_dir], help="print a table of recent sessions"
    )
    history.add_argument("--limit", type=int, default=20, help="how many sessions (default 20)")
    export = commands.add_parser(
        "export",
        parents=[data_dir],
        help="write everything you own as csv, json, or a report in markdown or html",
    )
    export.add_argument("--format", choices=("csv", "json", "markdown", "html"), required=True)
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: print it)"
    )
    runs = commands.add_parser(
        "runs", parents=[data_dir], help="list your recent runs, or import them from watch files"
    )
    runs.add_argument("--limit", type=int, default=20, help="how many runs (default 20)")
    runs_commands = runs.add_subparsers(dest="runs_command", metavar="import")
    imports = runs_commands.add_parser(
        "import",
        parents=[data_dir],
        help="import GPX, TCX and FIT files (also .gz), folders of them, or a Strava export ZIP",
    )
    imports.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    serve = commands.add_parser(
        "serve",
        parents=[data_dir],
        help="open backrun in a browser (a phone or tablet beside the mat), behind a private link",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="where to listen (default 127.0.0.1: this computer only; 0.0.0.0: your network)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir: Path = getattr(args, "data_dir", None) or default_data_dir()
    data_dir = data_dir.expanduser()
    if args.command is None:
        return run_app(data_dir, plain=args.plain, speak=args.speak)
    try:
        catalog = load_catalog_or_say()
    except CannotOpen as error:
        return say(error)
    if args.command == "runs" and args.runs_command == "import":  # writes: holds the lock
        from backrun_tui.cli.run_commands import import_runs

        return with_store(data_dir, catalog, lambda store: import_runs(args.paths, store))
    if args.command == "serve":  # holds the lock while serving
        from backrun_tui.serve.command import serve

        return serve(data_dir, catalog, args.host, args.port, default_dir=default_data_dir())
    # reading only: no lock, so it works while backrun is open
    from backrun_tui.cli.shell_commands import run_command

    return read_store(data_dir, catalog, lambda store: run_command(args, store, catalog))


def say(error: CannotOpen) -> int:
    """Why the data cannot be used, on the terminal; the exit status."""
    print(f"backrun: {error}", file=sys.stderr)
    return error.code


def with_store(data_dir: Path, catalog: Catalog, work: Callable[[Store], int]) -> int:
    """Hold the data folder's lock, open the store, run `work`, and always let go."""
    opening = Opening(data_dir)
    try:
        try:
            store = opening.open(catalog, lock=True)
        except CannotOpen as error:
            return say(error)
        return work(store)
    finally:
        opening.close()


def read_store(data_dir: Path, catalog: Catalog, work: Callable[[Store], int]) -> int:
    """Open the data folder to read only (no lock: backrun may be open on it), run `work`."""
    from backrun_tui.store.errors import StoreError
    from backrun_tui.store.repository import Store

    existing = next((p for p in (data_dir, *data_dir.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        print(f"backrun: {folder_problem(data_dir, NotADirectoryError())}", file=sys.stderr)
        return 2
    try:
        store = Store.open_read_only(data_dir, known_ids=catalog.exercises)
    except StoreError as error:
        print(f"backrun: {error}", file=sys.stderr)
        return 2
    try:
        return work(store)
    except OSError as error:
        print(f"backrun: {folder_problem(data_dir, error)}", file=sys.stderr)
        return 2
    finally:
        store.close()


def run_app(data_dir: Path, *, plain: bool = False, speak: bool = False) -> int:
    """Run the app until it quits or a signal asks it to. Its first screen is drawn before the
    catalog, the lock and the store are opened: they are opened right after it, and what stops
    them is said here once the terminal is given back."""
    from backrun_tui.store.theme_hint import chosen_theme
    from backrun_tui.tui.app import BackrunApp  # Textual loads only when the app really starts
    from backrun_tui.tui.context import Context, DataToOpen

    opening = Opening(data_dir)

    def open_context() -> Context:
        catalog = load_catalog_or_say()
        return Context(catalog, opening.open(catalog), plain=plain, speak=speak)

    start = DataToOpen(open_context, plain=plain, speak=speak, theme=chosen_theme(data_dir))
    app = BackrunApp(start)
    try:
        app.run()
    finally:
        opening.close()
    if app.cannot_open is not None:
        return say(app.cannot_open)
    return app.return_code or 0
