"""Random input through a real pseudo-terminal: keys, escape sequences, invalid bytes, pastes,
mouse events, Ctrl combinations and resizes from 1x1 to 300x100, started on each main screen.

    python tests/random_input.py --keys 10000          # each screen, 10,000 inputs
    python tests/random_input.py --keys 500 --seed 7   # a quick look
    python tests/random_input.py --no-resizes          # the window's size left alone

Prints, per screen: inputs sent, launches (a walk that quits is launched again on the same
folder), exceptions seen (a traceback on the terminal, or an unexpected exit) and the data
files checked afterwards (every record must read, nothing set aside or moved). The test suite
runs a bounded version (tests/app/test_random_terminal_input.py)."""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from backrun_terminal import Backrun as Terminal  # noqa: E402
from terminal_screen import KEYS as KEY_BYTES  # noqa: E402
from walk import see_advice  # noqa: E402

from backrun_tui.coach.catalog import load_catalog  # noqa: E402
from backrun_tui.coach.plan import Plan  # noqa: E402
from backrun_tui.store.repository import Store  # noqa: E402

CTRL_Q, CTRL_C, CTRL_Z = b"\x11", b"\x03", b"\x1a"
KEYS = [
    b" ", b"\r", b"\x7f", b"\t", b"\x1b", *(bytes([c]) for c in b"0123456789"),
    *(bytes([c]) for c in b"ynbehosarxvgpqutcmdkzjwF?"), b"+", b"-",
]  # fmt: skip
ESCAPES = [
    b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1bOP", KEY_BYTES["f2"], b"\x1b[5~", b"\x1b[6~",
    b"\x1b[H", b"\x1b[F", b"\x1b[3~", b"\x1b[15~", b"\x1b[Z", b"\x1b[1;5A", b"\x1b[", b"\x1b[9",
    b"\x1b]0;title\x07", b"\x1bO",
]  # fmt: skip
INVALID = [b"\xe9", b"\xff", b"\xc3", b"\x80", b"\xfe\xfe", b"\xed\xa0\x80"]
# Not Ctrl+Q and Ctrl+C (they quit), nor Ctrl+Z: it suspends backrun as any terminal program,
# to be brought back by the shell's `fg`, which this script has no shell to give.
CTRL = [
    bytes([c]) for c in range(1, 27) if bytes([c]) not in (CTRL_Q, CTRL_C, CTRL_Z, b"\r", b"\t")
]
SIZES = [(1, 1), (20, 5), (59, 17), (60, 18), (80, 24), (100, 30), (300, 100)]


def paste(rng: random.Random) -> bytes:
    text = bytes(rng.choice(b"abc 123\n\xe9\xc3\xa9") for _ in range(rng.randint(0, 40)))
    return b"\x1b[200~" + text + b"\x1b[201~"


def mouse(rng: random.Random) -> bytes:
    button = rng.choice([0, 1, 2, 32, 64, 65])
    x, y = rng.randint(1, 120), rng.randint(1, 40)
    return f"\x1b[<{button};{x};{y}{rng.choice('Mm')}".encode()


@dataclass
class Report:
    screen: str
    inputs: int = 0
    launches: int = 0
    exceptions: list[str] = field(default_factory=list)
    files_checked: int = 0


def seed_plan(data: Path) -> None:
    store = Store.open(data)
    store.save_plan(Plan(("superman", "beetle")))
    store.close()


def seed_nothing(data: Path) -> None:
    Store.open(data).close()


def to_picker(term: Terminal) -> None:
    see_advice(term)
    term.press("enter", then="Today")


def to_counter(term: Terminal) -> None:
    to_picker(term)
    term.press("enter", then="Space: a rep")


def to_rest(term: Terminal) -> None:
    to_counter(term)
    for tapped in (1, 2):  # Cat Cow, one set: tap it through to the rating, just right
        term.press("space", then=lambda n=tapped: term.live_count() == n)
    term.press("enter", then="How was")
    term.press("3")


Route = Callable[[Terminal], None]
SCREENS: dict[str, tuple[Callable[[Path], None], Route]] = {
    "symptom check": (seed_plan, lambda term: term.wait_for("Pain right now")),
    "advice": (seed_plan, see_advice),
    "assessment": (
        seed_nothing,
        lambda term: (see_advice(term), term.press("enter", then="Rung 1 of 12")),
    ),
    "exercise picker": (seed_plan, to_picker),
    "rep counter": (seed_plan, to_counter),
    "after an exercise": (seed_plan, to_rest),
}


def one_input(rng: random.Random, term: Terminal, resizes: bool = True) -> None:
    kind = rng.random() * (1.0 if resizes else 0.95)
    if kind < 0.45:
        data = rng.choice(KEYS)
    elif kind < 0.65:
        data = rng.choice(ESCAPES)
    elif kind < 0.73:
        data = rng.choice(INVALID)
    elif kind < 0.80:
        data = rng.choice(CTRL)
    elif kind < 0.86:
        data = paste(rng)
    elif kind < 0.95:
        data = mouse(rng)
    else:  # a person's drag sends tens of sizes a second, not thousands: give each 50 ms
        term.resize(*rng.choice(SIZES))
        term.read_for(0.05)
        return
    term.write(data)


ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]")


class Hung(Exception):
    """backrun answered neither keys nor SIGTERM."""


def stop(term: Terminal) -> None:
    """Quit as a person would (Esc out of any dialog, Ctrl+Q, yes); if a screen still holds on,
    ask it to stop with SIGTERM, which saves and exits cleanly too."""
    term.resize(100, 30)
    term.read_for(0.3)
    for keys in (b"\x1b", b"\x1b", b"\x1b", CTRL_Q, b"y"):
        if not term.alive():
            return
        term.write(keys)
        term.read_for(0.3)
    if exited(term, within=60):
        return
    term.signal(signal.SIGTERM)
    if exited(term, within=30):
        return
    state = Path(f"/proc/{term.pid}/stat").read_text().split()[2]
    if os.environ.get("PYTHONFAULTHANDLER"):
        term.signal(signal.SIGABRT)  # every thread's stack, on the terminal
        term.read_for(2)
    term.close()
    raise Hung(
        f"[process state {state}] "
        + ANSI.sub(b"", bytes(term.output[-3000:])).decode(errors="replace")
    )


def exited(term: Terminal, within: float) -> bool:
    """Read the terminal (so its output never blocks) until the process ends, or time is up."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        if not term.alive():
            return True
        term.read(0.05)
    return not term.alive()


def crashed(term: Terminal) -> str:
    output = ANSI.sub(b"", bytes(term.output))
    for sign in (b"Traceback", b"Error:"):
        if sign in output:
            at = output.index(sign)
            return output[at : at + 6000].decode(errors="replace")
    if term.alive():
        return ""
    code = term.exit_code()
    if code not in (0, 128 + signal.SIGTERM):
        return f"exited with status {code}"
    return ""


def walk(screen: str, inputs: int, seed: int, folder: Path, resizes: bool = True) -> Report:
    """Random input on one screen's folder until `inputs` were sent; relaunch after a quit.
    resizes=False leaves the window's size alone (see the README: a flood of resizes can keep
    Textual busy for long)."""
    prepare, route = SCREENS[screen]
    data = folder / "data"
    prepare(data)
    rng = random.Random(f"{seed}-{screen}")
    report = Report(screen)
    while report.inputs < inputs and not report.exceptions:
        term = Terminal(data, "80x24")
        report.launches += 1
        try:
            if report.launches == 1:
                route(term)
            else:
                term.read_for(1.0)  # the symptom check (or the resume question) comes up
            while report.inputs < inputs and term.alive():
                one_input(rng, term, resizes)
                report.inputs += 1
                term.read(0.002)
                if problem := crashed(term):
                    report.exceptions.append(problem)
                    break
            try:
                stop(term)
            except Hung as hung:
                report.exceptions.append(f"hung; the screen ended with: {hung}")
            if problem := crashed(term):
                report.exceptions.append(problem)
        finally:
            term.close()
    report.files_checked = check_files(data)
    return report


def check_files(data: Path) -> int:
    """Every data file opens with nothing set aside or moved, and every record reads."""
    store = Store.open(data, known_ids=load_catalog().exercises)
    try:
        list(store.sessions())
        list(store.checks())
        list(store.logged_changes())
        store.load_live()
        store.load_plan()
        assert store.notes == [], store.notes
    finally:
        store.close()
    leftovers = [
        p.name for p in data.rglob("*") if ".damaged-" in p.name or ".set-aside-" in p.name
    ]
    assert leftovers == [], leftovers
    return sum(1 for p in data.rglob("*.json"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=10_000, help="inputs per screen")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--screen", choices=sorted(SCREENS), action="append")
    parser.add_argument("--no-resizes", action="store_true", help="leave the window's size alone")
    args = parser.parse_args(argv)
    failed = False
    for screen in args.screen or list(SCREENS):
        with tempfile.TemporaryDirectory(prefix="backrun-random-") as tmp:
            report = walk(screen, args.keys, args.seed, Path(tmp), not args.no_resizes)
        print(
            f"{screen:18} {report.inputs:6} inputs  {report.launches:3} launches  "
            f"{len(report.exceptions)} exceptions  {report.files_checked} files checked",
            flush=True,
        )
        for problem in report.exceptions:
            failed = True
            print(f"  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
