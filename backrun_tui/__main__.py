"""The `backrun` command: parse the command line, open the data, start the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_data_dir

from backrun_tui import __version__
from backrun_tui.coach.catalog import Catalog, CatalogError, load_catalog
from backrun_tui.store.errors import StoreError
from backrun_tui.store.lock import AlreadyRunningError, DataDirLock
from backrun_tui.store.repository import Store

DATA_DIR_ENV = "BACKRUN_HOME"


def default_data_dir() -> Path:
    """BACKRUN_HOME if set, else the platform's user data folder."""
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env).expanduser() if env else Path(user_data_dir("backrun", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backrun",
        description="A terminal coach that gets runners out of back pain. "
        "It advises; it never diagnoses.",
    )
    parser.add_argument("--version", action="version", version=f"backrun {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where your plan and history are kept (default: ${DATA_DIR_ENV} or "
        f"{default_data_dir()})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    data_dir: Path = (args.data_dir or default_data_dir()).expanduser()
    try:
        catalog = load_catalog()
    except CatalogError as error:
        print(f"backrun: the exercise catalog is broken.\n  {error}", file=sys.stderr)
        return 2
    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
    except AlreadyRunningError as error:
        print(f"backrun: {error}", file=sys.stderr)
        return 3
    except OSError as error:
        print(f"backrun: cannot use the data folder {data_dir}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        return run_app(catalog, data_dir)
    finally:
        lock.release()


def run_app(catalog: Catalog, data_dir: Path) -> int:
    """Open the store and run the app until it quits or a signal asks it to."""
    try:
        store = Store.open(data_dir)
    except StoreError as error:
        print(f"backrun: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"backrun: cannot use the data folder {data_dir}: {error.strerror}", file=sys.stderr)
        return 2

    from backrun_tui.app import BackrunApp  # Textual loads only when the app really starts
    from backrun_tui.context import Context

    app = BackrunApp(Context(catalog, store))
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
