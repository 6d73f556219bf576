"""Measure backrun's start-up, rep taps, saving, memory and quitting, and check the targets."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

from generate_history import generate
from read_up import read_up

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from terminal_screen import Terminal, child_env  # noqa: E402  (the tests' harness, shared)

from backrun_tui.coach.ladder.catalog import load_catalog  # noqa: E402
from backrun_tui.coach.ladder.plan import Plan  # noqa: E402
from backrun_tui.coach.ladder.session_record import Session, new_session_id  # noqa: E402
from backrun_tui.coach.ladder.workout import session_items, start_workout  # noqa: E402
from backrun_tui.coach.safety.triage import SymptomReport  # noqa: E402
from backrun_tui.store.repository import Store  # noqa: E402
from backrun_tui.tui.widgets.big_digits import render_big  # noqa: E402

# The first screen counts as painted once all of these are on the terminal: its first line and the
# first answer to each question (a frame sent in parts counts when its last part is). The footer's
# keys are not waited for: Textual's Footer fills in a frame or two later, in any app.
FIRST_SCREEN = ("How is your back today", "0/10 mild", "Lower back", "No leg symptoms")
FLOOR_TEXT = "\n".join(FIRST_SCREEN)
FLOOR_APP = f"""
from textual.app import App
from textual.widgets import Static


class Floor(App[None]):
    def compose(self):
        yield Static({FLOOR_TEXT!r})


Floor().run()
"""
STARTING_PLAN = ("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts")
# Keys from launch to the rep counter, each with a text that shows it has been handled.
F2 = b"\x1bOQ"
TO_REP_COUNTER = (
    (b"1", "[1]"),  # pain 1: a training day
    (F2, "Good to train"),  # F2 (again, until the warning signs were all shown): advice
    (b"\r", "Cat Cow"),  # Enter: start, to the picker
    (b"\r", "Space: a rep"),  # Enter: start the session at Cat Cow
)
MAX_TAPS = 95  # the counter stops at 99
YEARS = 5

# name -> (target, what it means); a figure passes when it is at most its target
Targets = dict[str, tuple[float, str]]


def targets(figures: dict[str, float]) -> Targets:
    floor = 1.3 * figures["first_frame_ms_floor"]
    same_save = max(1.25 * figures["save_ms_empty"], figures["save_ms_empty"] + 0.25)
    return {
        "first_frame_ms_empty": (floor, "1.3x floor"),
        "first_frame_ms_5y": (floor, "1.3x floor"),
        "tap_ms_p50_empty": (16, "16 ms"),
        "tap_ms_p99_empty": (33, "33 ms"),
        "tap_ms_p50_5y": (16, "16 ms"),
        "tap_ms_p99_5y": (33, "33 ms"),
        "save_ms_empty": (2, "2 ms"),
        "save_ms_5y": (min(2, same_save), "2 ms, same as empty"),
        "rss_mib_5y_steady": (60, "60 MiB"),
        "rss_mib_5y_peak": (60, "60 MiB"),
        "quit_ms_5y": (500, "500 ms"),
    }


# --- the data folders ---------------------------------------------------------------------


def make_folders(root: Path, years: float, seed: int) -> dict[str, Path]:
    """An empty history with a starting plan (no assessment), and `years` of history; both are
    kept in `root` and reused when already there."""
    empty, full = root / "empty", root / f"{years:g}y"
    if not (empty / "state.json").exists():
        store = Store.open(empty)
        store.save_plan(Plan(STARTING_PLAN))
        store.close()
    if not full.exists():
        print(f"writing {years:g} years of history to {full} ...", file=sys.stderr)
        began = time.perf_counter()
        partial = root / f"{full.name}.partial"  # renamed when complete, so never half reused
        shutil.rmtree(partial, ignore_errors=True)
        totals = generate(partial, years, seed, quiet=True)
        partial.rename(full)
        took = time.perf_counter() - began
        print(f"  {totals.sessions} sessions, {totals.sets} sets in {took:.0f} s", file=sys.stderr)
    for folder in (empty, full):
        read_up(folder)
    return {"empty": empty, "5y": full}


def fresh_copy(folder: Path, scratch: Path) -> Path:
    """A throw-away copy, so no run sees what an earlier run left (a live session, a check)."""
    copy = scratch / f"{folder.name}-{time.monotonic_ns()}"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("backrun.lock"))
    os.sync()  # the copy's writes reach the disk now, not while the app being timed starts
    return copy


# --- in a pseudo-terminal -----------------------------------------------------------------


def app_argv(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "backrun_tui", "--data-dir", str(data_dir)]


def first_frame_ms(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Launch to the first screen's texts in the output, and Ctrl+Q there to the exit."""
    term = Terminal(argv, env)
    try:
        shown = term.wait_for(*FIRST_SCREEN)
        return (shown - term.started) * 1000, term.quit() * 1000
    finally:
        term.close()


def live_count(data_dir: Path) -> int | None:
    try:
        live = json.loads((data_dir / "live.json").read_text())["live"]["1"]
    except (OSError, ValueError, KeyError):
        return None
    return int(live["workout"]["count"])


def tap_ms(term: Terminal, data_dir: Path, count: int) -> float:
    """Space to the new count drawn in big digits and saved in live.json."""
    digits = [line.strip() for line in render_big(str(count)).splitlines() if line.strip()]
    sent = term.write(b" ")
    shown = term.wait_for(lambda: term.has_rows(digits), timeout=5)
    while live_count(data_dir) != count:
        if time.perf_counter() - sent > 5:
            raise TimeoutError(f"live.json never held count {count}")
        term.read(0.0005)
    saved = time.perf_counter()
    return (max(shown, saved) - sent) * 1000


def tap_run(folder: Path, scratch: Path, taps: int, env: dict[str, str]) -> dict[str, float]:
    """Drive the app to the rep counter, tap `taps` reps, read its memory, quit."""
    data_dir = fresh_copy(folder, scratch)
    term = Terminal(app_argv(data_dir), env)
    try:
        term.wait_for(*FIRST_SCREEN)
        for keys, shown in TO_REP_COUNTER:
            tries = 6 if keys == F2 else 1  # F2 first pages through the unseen warning signs
            for attempt in range(tries):
                term.write(keys)
                try:
                    term.wait_for(shown, timeout=2 if keys == F2 else 20)
                    break
                except TimeoutError:
                    if attempt == tries - 1:
                        raise
        term.settle()
        times = []
        for count in range(1, taps + 1):
            times.append(tap_ms(term, data_dir, count))
            term.settle(quiet=0.03, limit=0.5)  # a runner taps a few times a second at most
        rss, peak = term.memory_mib()
        quit_ms = term.quit() * 1000
    finally:
        term.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    p50 = statistics.median(times)
    p99 = statistics.quantiles(times, n=100, method="inclusive")[98]
    return {"p50": p50, "p99": p99, "rss": rss, "peak": peak, "quit": quit_ms}


# --- in this process ----------------------------------------------------------------------


def save_ms(folder: Path, scratch: Path, saves: int) -> float:
    """Store.save_live of one rep, half-way through a session (median)."""
    data_dir = fresh_copy(folder, scratch)
    catalog, store = load_catalog(), Store.open(data_dir)
    try:
        now = datetime.now().astimezone()
        plan = Plan(STARTING_PLAN)  # the same session in both, so only the history differs
        workout = start_workout(catalog, session_items(catalog, plan, "full"))
        while workout.progress() < 0.5:
            for _ in range(10):
                workout = workout.tap()
            workout, step = workout.finish_set(now)
            if step == "exercise_done":
                workout = workout.next_exercise()
        report = SymptomReport(1, "lower", "none")
        session = Session(new_session_id(now), now, report, "go", "full", workout)
        times = []
        for n in range(saves):  # tap, undo, tap, ...: the count stays small
            workout = workout.tap() if n % 2 == 0 else workout.undo()
            session = session.with_workout(workout)
            began = time.perf_counter()
            store.save_live(session)
            times.append((time.perf_counter() - began) * 1000)
        return statistics.median(times)
    finally:
        store.close()
        shutil.rmtree(data_dir, ignore_errors=True)


# --- the run ------------------------------------------------------------------------------


def measure(scratch: Path, folders: dict[str, Path], quick: bool) -> dict[str, float]:
    rounds, taps, saves = (3, 30, 100) if quick else (15, MAX_TAPS, 400)
    floor = scratch / "floor_app.py"
    floor.write_text(FLOOR_APP)
    env = child_env(pycache=scratch / "pycache")
    launch: dict[str, Callable[[], list[str]]] = {
        "floor": lambda: [sys.executable, str(floor)],
        "empty": lambda: app_argv(fresh_copy(folders["empty"], scratch)),
        "5y": lambda: app_argv(fresh_copy(folders["5y"], scratch)),
    }
    for argv in launch.values():  # fills the bytecode cache and the disk cache; not counted
        first_frame_ms(argv(), env)
    frames: dict[str, list[tuple[float, float]]] = {name: [] for name in launch}
    for _ in range(rounds):  # interleaved, so a busy moment does not favour one of them
        for name, argv in launch.items():
            frames[name].append(first_frame_ms(argv(), env))
    figures = {f"first_frame_ms_{n}": statistics.median(f for f, _ in t) for n, t in frames.items()}
    figures["quit_ms_floor"] = statistics.median(q for _, q in frames["floor"])  # for reference
    for name in ("empty", "5y"):
        run = tap_run(folders[name], scratch, taps, env)
        figures[f"tap_ms_p50_{name}"] = run["p50"]
        figures[f"tap_ms_p99_{name}"] = run["p99"]
        if name == "5y":
            figures["rss_mib_5y_steady"] = run["rss"]
            figures["rss_mib_5y_peak"] = run["peak"]
            figures["quit_ms_5y"] = run["quit"]
    for name in ("empty", "5y"):
        figures[f"save_ms_{name}"] = save_ms(folders[name], scratch, saves)
    return figures


def table(figures: dict[str, float]) -> tuple[str, list[str]]:
    lines = [f"{'figure':<22} {'value':>8}  {'target':<30} result", "-" * 70]
    for name in ("first_frame_ms_floor", "quit_ms_floor"):
        lines.append(f"{name:<22} {figures[name]:>8.1f}  (reference: a one-Static Textual app)")
    misses = []
    for name, (limit, words) in targets(figures).items():
        value = figures[name]
        if value > limit:
            misses.append(name)
        target = f"<= {limit:.1f} ({words})"
        result = "MISS" if value > limit else "PASS"
        lines.append(f"{name:<22} {value:>8.1f}  {target:<30} {result}")
    return "\n".join(lines), misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--quick", action="store_true", help="fewer runs and taps (a smoke test)")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep the generated histories here and reuse them"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="backrun-bench-") as tmp:
        scratch = Path(tmp)
        folders = make_folders(args.keep or scratch, YEARS, seed=1)
        figures = measure(scratch, folders, args.quick)
    text, misses = table(figures)
    print(text)
    print(f"\n{len(misses)} missed; {time.perf_counter() - began:.0f} s; {environment()}")
    if args.json:
        report: dict[str, object] = {k: round(v, 2) for k, v in figures.items()}
        report.update(missed=misses, environment=environment())
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


def environment() -> str:
    return (
        f"Python {platform.python_version()}, Textual {version('textual')}, "
        f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores"
    )


if __name__ == "__main__":
    sys.exit(main())
