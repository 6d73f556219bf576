"""Resize storms for a backrun under test: flips across the minimum size, random drags, and how
long it takes to draw again once a storm is over."""

from __future__ import annotations

import random
import time

from terminal_screen import Terminal

QUIET = 0.3  # seconds without output: the screen is drawn
SETTLE_LIMIT = 10.0  # seconds of output still coming after the last resize: stuck
FINAL_SIZES = [(80, 24), (100, 30), (120, 40)]


def flip_across_the_minimum(term: Terminal, times: int = 80) -> None:
    for flip in range(times):
        term.resize(*((79, 23) if flip % 2 == 0 else (80, 24)))
        term.read_for(0.05)


def random_storm(term: Terminal, rng: random.Random, times: int = 80) -> None:
    for _ in range(times):
        term.resize(rng.randint(20, 200), rng.randint(5, 60))
        term.read_for(rng.choice((0.0, 0.01, 0.05)))


def storm_then_settle(term: Terminal, rng: random.Random) -> float | None:
    """A storm of one kind or the other, ended at a size backrun fits; the seconds from the last
    resize to the last output before the screen went quiet (None: not quiet within
    SETTLE_LIMIT, or the program ended)."""
    if rng.random() < 0.3:
        flip_across_the_minimum(term, rng.randint(10, 40))
    else:
        random_storm(term, rng, rng.randint(20, 100))
    term.resize(*rng.choice(FINAL_SIZES))
    resized = last = time.perf_counter()
    while time.perf_counter() - resized < SETTLE_LIMIT:
        if not term.alive():
            return None
        at = term.read(QUIET)
        if at is None:  # nothing came for QUIET seconds
            return last - resized
        last = at
    return None
