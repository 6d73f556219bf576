"""The exercise figures in a real terminal: drawn in braille in the picker's details and beside
the rep counter's count, moving there, and left out at 60x18 --plain where there is no room."""

from __future__ import annotations

import time
from pathlib import Path

from backrun_terminal import Backrun
from walk import Launch, keys_work, see_advice, seed_plan

BRAILLE = range(0x2801, 0x2900)  # a cell with at least one dot


def braille_rows(term: Backrun) -> list[str]:
    return [row for row in term.text().splitlines() if any(ord(c) in BRAILLE for c in row)]


def test_the_figure_shows_how_each_exercise_is_done(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    room = not term.narrow
    see_advice(term)
    term.press("enter", then="Today")
    term.settle()
    assert bool(braille_rows(term)) is room  # Cat Cow's figure in the details
    keys_work(term, "Today")
    term.press("enter", then="Cat Cow  (1 of 7)")
    term.settle()
    first = braille_rows(term)
    assert bool(first) is room
    if room:  # it moves, beside the count
        deadline = time.monotonic() + 5
        while braille_rows(term) == first:
            assert time.monotonic() < deadline, "the figure never moved"
            term.settle(quiet=0.1, limit=0.5)
    term.press("space", "space")
    term.wait_for(lambda: term.live_count() == 2)  # a tap counts while it moves
    keys_work(term, "Cat Cow  (1 of 7)")
    term.press("ctrl+q")
    assert term.wait_exit() == 0
