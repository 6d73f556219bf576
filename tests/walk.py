"""Steps a person takes in backrun, and what they check after each: the words they expect, and
that the footer's keys still answer (after every dialog)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backrun_terminal import Backrun

Launch = Callable[..., Backrun]  # the journeys' fixture: launch(*args) starts backrun
HELP_TITLE = "backrun help"
ADVICE_BUTTON = "Change answers (c)"
SUMMARY_DONE = "Session done. Well done!"
ACTIVITIES_TITLE = "Your everyday activities"


TAPS = 3
FIRST_FOUR = ("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts")


def tap_reps_mid_set(term: Backrun, taps: int = TAPS) -> None:
    """To the rep counter of a plan's first exercise, and `taps` reps, each saved."""
    see_advice(term)
    term.press("enter", then="Today")  # the exercise picker
    term.press("enter", then="Space: a rep")  # the rep counter
    for tapped in range(1, taps + 1):
        term.press("space", then=lambda n=tapped: term.live_count() == n)


def seed_plan(data: Path, *exercises: str) -> None:
    """A data folder with a plan (default: the first four rungs), so no assessment comes."""
    from backrun_tui.coach.ladder.plan import Plan
    from backrun_tui.store.repository import Store

    store = Store.open(data)
    store.save_plan(Plan(exercises or FIRST_FOUR))
    store.close()


def start(term: Backrun) -> None:
    term.wait_for("Pain right now")


CARD_BUTTON = "Go on to today's check"


def start_after_history(term: Backrun) -> None:
    """To the symptom check in a folder with a history: past the "since last time" card when
    the last session changed the plan (whether it did depends on the day a history is made)."""
    term.wait_for(lambda: term.shows("Pain right now") or term.shows(CARD_BUTTON))
    term.wait_for(term.opened)  # the card, if the day starts with it, comes over the check
    term.settle(quiet=0.3)
    if term.shows(CARD_BUTTON):
        term.press("enter", then="Pain right now")


def see_advice(term: Backrun, pain: str = "1") -> None:
    """Pain at the symptom check, then F2 until the advice (it first pages through the warning
    signs not yet seen)."""
    start(term)
    term.press(pain, then=f"{'10' if pain == 't' else pain}/10")
    past_the_signs(term)


def past_the_signs(term: Backrun) -> None:
    """F2 on the symptom check until the advice is up (the unseen warning signs come first)."""
    for _ in range(8):
        term.press("f2")
        term.settle(quiet=0.2, limit=1.0)
        skip_activities_if_asked(term)
        if term.shows(ADVICE_BUTTON):
            return
    raise AssertionError(f"F2 never got past the symptom check:\n{term.text()}")


def skip_activities_if_asked(term: Backrun) -> None:
    """The everyday activities' scores, when they are asked (the first time after the check or
    the assessment, then every two weeks): Esc skips them."""
    if term.shows(ACTIVITIES_TITLE):
        term.press("escape")
        term.wait_gone(ACTIVITIES_TITLE)


def keys_work(term: Backrun, back_to: str) -> None:
    """The footer's keys answer: F1 opens the help, Esc closes it, and `back_to` is on screen
    again. A screen left with its keys dead (it happened after a dialog) fails here."""
    term.press("f1", then=HELP_TITLE, timeout=5)
    term.press("escape")
    term.wait_gone(HELP_TITLE, timeout=5)
    term.wait_for(back_to, timeout=5)
    # The frame after the help closes may still be arriving: the footer must be back within
    # seconds (a screen left with dead keys never draws it again).
    try:
        term.wait_for(lambda: bool(term.footer()) and not term.shows(HELP_TITLE), timeout=5)
    except TimeoutError:
        raise AssertionError(f"the footer is blank:\n{term.text()}") from None


def from_palette(term: Backrun, command: str, then: str) -> None:
    """Ctrl+P, type the command, Enter on it, and wait for `then`."""
    term.press("ctrl+p", then="Search for commands")
    term.press(*command, then=command[0].upper() + command[1:])
    term.press("enter", then=then)


def assess(term: Backrun, answers: str = "yyyy") -> None:
    """The first run's assessment: y or n for each rung asked, up to the picker."""
    term.wait_for("Rung 1 of 12")
    for answer in answers:
        term.press(answer)
        term.settle(quiet=0.15, limit=1.0)
    term.wait_for(lambda: term.shows("Today") or term.shows(ACTIVITIES_TITLE))
    skip_activities_if_asked(term)
    term.wait_for("Today")


def one_set_at_target(term: Backrun) -> None:
    """f: the set recorded at its target, then past the rest (or on to the rating)."""
    term.press("f")
    term.wait_for(lambda: term.shows("Rest") or term.shows("How was"), timeout=20)
    if not term.shows("How was"):
        term.press("s")
        term.wait_gone("Skip rest", timeout=20)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text())


def history_sessions(data: Path) -> list[dict[str, Any]]:
    """Every session filed in the history, oldest first."""
    sessions: list[dict[str, Any]] = []
    for year in sorted((data / "history").glob("*.json")):
        table = read_json(year).get("sessions", {})
        sessions.extend(table[key] for key in sorted(table, key=int))
    return sessions


def through_the_session(term: Backrun, rating: str = "3", limit: int = 80) -> int:
    """Every set recorded at its target (f), every rest skipped, each exercise rated, until
    the summary; returns the sets done."""
    sets = 0
    for _ in range(limit):
        term.wait_for(
            lambda: any(term.shows(w) for w in ("How was", "Next:", "Target:", SUMMARY_DONE)),
            timeout=20,
        )
        if term.shows(SUMMARY_DONE):
            return sets
        if term.shows("How was"):
            term.press_until(rating, lambda: not term.shows("How was"))
        elif term.shows("Next:"):  # the rest timer
            assert not term.shows("+ +15 s"), term.footer()  # its keys read "+ 15 s more"
            term.press_until("s", lambda: not term.shows("Next:"))
        else:
            where = term.rows()[1:4]
            term.press("f")
            # The set is recorded (the counter moves on) or the next screen is up; an `f` that
            # came as the rest was being put up is ignored there, and the rest is skipped next.
            term.wait_for(
                lambda was=where: (
                    term.rows()[1:4] != was
                    or any(term.shows(w) for w in ("How was", "Next:", SUMMARY_DONE))
                ),
                timeout=20,
            )
            term.settle(quiet=0.1, limit=1.0)
            sets += 1
    raise AssertionError(f"no summary after {limit} steps:\n{term.text()}")
