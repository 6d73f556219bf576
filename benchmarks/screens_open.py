"""How long the history and runs screens take to open with years of sessions, checks and runs
(issue 14: at most 150 ms with 5 years). In-process, headless, through the real app and store."""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from generate_history import generate
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.running.runs import Run
from backrun_tui.service import SessionService
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.screens.runs import RunsScreen

TARGET_MS = 150
MakeScreen = Callable[[SessionService], Screen[None]]


class Floor(Screen[None]):
    """The least a screen can be (a header, a line, the footer): the harness's own cost."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("backrun")
        yield Footer()


RUNS_A_WEEK = 4


def add_runs(data_dir: Path, years: float, seed: int = 2) -> int:
    """About four runs a week for `years` years, the last one yesterday, as an import keeps them."""
    rng = random.Random(seed)
    last = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0)
    runs = []
    for day in range(round(years * 365.25), 0, -1):
        if rng.random() < RUNS_A_WEEK / 7:
            minutes = rng.choice([30, 35, 40, 45, 50, 60, 75, 90, 110])
            at = last - timedelta(days=day, minutes=rng.randint(0, 600))
            runs.append(Run(f"bench{day}", at, minutes * 60, minutes * 180.0, "fit", 40.0, 150))
    store = Store.open(data_dir)
    store.save_runs(runs)
    store.close()
    return len(runs)


async def open_ms(
    data_dir: Path, make: Callable[[SessionService], Screen[None]], times: int
) -> list[float]:
    """Launch the app on the folder (a copy of it), then open the screen `times` times: from
    the push to its first frame painted."""
    app = BackrunApp(Context(load_catalog(), Store.open(data_dir)))
    figures = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(times):
            painted = asyncio.get_running_loop().create_future()
            screen = make(app.service)
            began = time.perf_counter()
            await app.push_screen(screen)  # composed and mounted
            screen.call_after_refresh(painted.set_result, None)  # then laid out and painted
            await painted
            figures.append((time.perf_counter() - began) * 1000)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument("--times", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the data folder here")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="backrun-screens-"))
    data_dir = root / f"history-{args.years:g}y"
    try:
        if not data_dir.exists():
            print(f"writing {args.years:g} years of history and runs ...", file=sys.stderr)
            generate(data_dir, args.years, quiet=True)
            add_runs(data_dir, args.years)
        screens: list[tuple[str, MakeScreen]] = [
            ("floor", lambda service: Floor()),
            ("history", HistoryScreen),
            ("runs", RunsScreen),
        ]
        for name, make in screens:
            figures = asyncio.run(open_ms(data_dir, make, args.times))
            first, rest = figures[0], figures[1:]
            median = statistics.median(rest)
            verdict = "ok" if max(first, median) <= TARGET_MS else "OVER"
            print(
                f"{name}_open_ms_{args.years:g}y: first {first:.0f}, median of the next "
                f"{len(rest)} {median:.0f}, slowest {max(rest):.0f} (target {TARGET_MS}) {verdict}"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
