"""Random input through a real pseudo-terminal: keys, escape sequences, invalid bytes, pastes,
mouse events, Ctrl combinations, resizes from 1x1 to 300x100 and resize storms, started on each
main screen.

    python tests/random_input.py --keys 10000          # each screen, 10,000 inputs
    python tests/random_input.py --keys 500 --seed 7   # a quick look
    python tests/random_input.py --no-resizes          # the window's size left alone

Prints, per screen: inputs sent, launches (a walk that quits is launched again on the same
folder), exceptions seen (a traceback on the terminal, or an unexpected exit) and the data
files checked afterwards (every record must read, nothing set aside or moved); with resizes,
the storms (flips across the minimum size or wild drags, then a size backrun fits), how soon
after the last resize of each the screen was drawn (a hang: still busy after 10 s), and memory
after each storm (the highest, and the most one launch grew). The test suite runs a bounded
version (tests/app/test_random_terminal_input.py)."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from backrun_terminal import Backrun as Terminal  # noqa: E402
from resize_storms import storm_then_settle  # noqa: E402
from terminal_ends import Hung, crashed, stop  # noqa: E402
from terminal_screen import KEYS as KEY_BYTES  # noqa: E402
from walk import see_advice  # noqa: E402

from backrun_tui.coach.ladder.catalog import load_catalog  # noqa: E402
from backrun_tui.coach.ladder.plan import Plan  # noqa: E402
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
    storms: int = 0
    slowest_settle: float = 0.0  # seconds from a storm's last resize to a drawn screen
    memory: list[list[float]] = field(default_factory=list)  # MiB after each storm, by launch

    def memory_text(self) -> str:
        """The highest memory after a storm, and how much a launch grew once warm: from its
        WARM_STORMS-th storm on (Textual's caches fill over the first ones, then level off)."""
        after = [mib for launch in self.memory for mib in launch]
        if not after:
            return ""
        warm = [launch[WARM_STORMS - 1 :] for launch in self.memory if len(launch) > WARM_STORMS]
        grown = max((max(w) - w[0] for w in warm), default=None)
        text = f"memory at most {max(after):.0f} MiB"
        if grown is not None:
            storms = sum(len(w) - 1 for w in warm)
            text += f", grew by at most {grown:.1f} MiB once warm ({storms} storms)"
        return text


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


STORM_CHANCE = 0.004  # of an input being a storm of resizes (when resizes are on)
WARM_STORMS = 8  # storms after which a launch's memory is taken as warm


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
            after_storms: list[float] = []
            report.memory.append(after_storms)
            while report.inputs < inputs and term.alive():
                if resizes and rng.random() < STORM_CHANCE:
                    settled = storm_then_settle(term, rng)
                    report.storms += 1
                    if settled is None and term.alive():
                        report.exceptions.append("still busy 10 s after a resize storm")
                        break
                    report.slowest_settle = max(report.slowest_settle, settled or 0.0)
                    if term.alive():
                        after_storms.append(term.memory_mib()[0])
                else:
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
            f"{len(report.exceptions)} exceptions  {report.files_checked} files checked  "
            f"{report.storms} storms (slowest drawn {report.slowest_settle:.2f} s after)  "
            f"{report.memory_text()}",
            flush=True,
        )
        for problem in report.exceptions:
            failed = True
            print(f"  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
