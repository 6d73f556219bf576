"""A window resized in a storm (flipped across the minimum size, dragged wildly) ends in a drawn
screen whose keys work, and backrun's memory stays flat afterwards: through a real
pseudo-terminal, as a person shaking a window's corner would."""

from __future__ import annotations

import random
from pathlib import Path

from backrun_terminal import Backrun
from resize_storms import flip_across_the_minimum, random_storm
from walk import HELP_TITLE, keys_work, see_advice, seed_plan

PICKER = "Today"
SETTLED_WITHIN = 5.0  # seconds: drawn at once on today's code, never before it was fixed


def to_the_picker(data: Path) -> Backrun:
    seed_plan(data)
    term = Backrun(data, "80x24")
    see_advice(term)
    term.press("enter", then=PICKER)
    return term


def test_flipping_across_the_minimum_size_ends_drawn_with_its_keys(tmp_path: Path) -> None:
    with to_the_picker(tmp_path / "data") as term:
        flip_across_the_minimum(term)
        term.resize(80, 24)
        term.wait_for(PICKER, "Start", timeout=SETTLED_WITHIN)
        term.wait_gone("Please make the window bigger", timeout=SETTLED_WITHIN)
        keys_work(term, PICKER)
        term.press("ctrl+q")
        assert term.wait_exit() == 0


def test_random_storms_end_drawn_and_memory_stays_flat(tmp_path: Path) -> None:
    """With the help open over the picker (more screens to lay out), each storm must settle:
    once it is over, backrun's memory does not keep growing while nothing happens."""
    with to_the_picker(tmp_path / "data") as term:
        term.press("f1", then=HELP_TITLE)
        for seed in range(3):
            flip_across_the_minimum(term, times=20)
            random_storm(term, random.Random(seed))
            term.resize(80, 24)
            term.wait_for(HELP_TITLE, timeout=SETTLED_WITHIN)
            term.wait_gone("Please make the window bigger", timeout=SETTLED_WITHIN)
        term.read_for(1.0)
        settled, _ = term.memory_mib()
        term.read_for(3.0)  # idle: a storm still going round inside would grow by megabytes
        idle, _ = term.memory_mib()
        assert idle - settled < 2.0, f"{settled:.0f} MiB grew to {idle:.0f} MiB while idle"
        term.press("escape")
        term.wait_gone(HELP_TITLE)
        keys_work(term, PICKER)
        term.press("ctrl+q")
        assert term.wait_exit() == 0


def test_after_every_storm_backrun_takes_the_terminals_final_size(tmp_path: Path) -> None:
    """Signals of a fast drag could reach Textual out of order, leaving backrun at a size the
    terminal had long left: a "too small" notice on top at 80x24, taking the keys (Escape
    then closed it, not the help)."""
    with to_the_picker(tmp_path / "data") as term:
        for seed in range(5):
            term.press("f1", then=HELP_TITLE, timeout=SETTLED_WITHIN)
            flip_across_the_minimum(term, times=20)
            random_storm(term, random.Random(seed))
            term.resize(80, 24)
            term.wait_for(HELP_TITLE, timeout=SETTLED_WITHIN)
            term.read_for(1.0)
            term.press("escape")
            term.wait_gone(HELP_TITLE, timeout=SETTLED_WITHIN)
            term.settle()
            assert "Please make the window bigger" not in term.text(), f"storm {seed}"
            assert PICKER in term.text(), term.text()
        term.press("ctrl+q")
        assert term.wait_exit() == 0
