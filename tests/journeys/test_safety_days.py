"""Safety rules walked in a real terminal: 1 then 0 is pain 10 and a severe day offers no
strength work, and a painful exercise's easier replacement is offered at once."""

from __future__ import annotations

from pathlib import Path

from walk import (
    Launch,
    history_sessions,
    keys_work,
    past_the_signs,
    read_json,
    see_advice,
    seed_plan,
    start,
)

SEVERE = "A severe pain day"


def test_pain_typed_as_1_0_is_10_and_a_severe_day(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    start(term)
    term.press("1", "0", then="10/10 severe")
    past_the_signs(term)
    term.wait_for(SEVERE, "No strength work and no running today", "Stretches only (s)")
    assert not term.shows("My plan ⏎")
    keys_work(term, SEVERE)
    term.press("s", then="your pain is severe")
    keys_work(term, "your pain is severe")
    term.press("q")
    assert term.wait_exit() == 0
    [check] = read_json(data / "state.json")["recent_checks"].values()
    assert check["pain"] == 10


def test_the_easier_exercise_is_offered_after_a_painful_flag(launch: Launch, data: Path) -> None:
    seed_plan(data, "single-leg-balance-reach")
    term = launch()
    see_advice(term, "2")
    term.press("enter", then="Today")
    term.press("enter", then="Cat Cow (1 of")
    for _ in range(40):  # past the stretches (each at its target) to the exercise
        if term.shows("Target:") and term.shows("Single Leg Balance & Reach"):
            break
        if term.shows("How was"):
            term.press_until("3", lambda: not term.shows("How was"))
        elif term.shows("Next:"):
            term.press_until("s", lambda: not term.shows("Next:"))
        else:
            term.press("f")
            term.settle(quiet=0.15, limit=1.0)
    term.press("space", then=lambda: term.live_count() == 1)
    term.press("p", then="How bad is the pain")
    term.press("4", then="4/10")
    term.press("enter", then=["Single Leg Balance takes the place of", "Try it now (y)"])
    term.press("y")
    term.wait_gone("Try it now (y)")
    # The counter's title is the easier exercise now (the change line below still names both).
    term.wait_for(lambda: any("Single Leg Balance  (" in row for row in term.rows()[:4]))
    keys_work(term, "Target:")  # the dialog closed, the counter's keys answer
    term.press("space", then=lambda: term.live_count() == 1)
    term.press("q", then="End session")
    term.press("y", then="Session ended early.")
    term.press("q")
    assert term.wait_exit() == 0
    [session] = history_sessions(data)
    done = {d["exercise_id"] for d in session["workout"]["done"]}
    assert {"single-leg-balance-reach", "single-leg-balance"} <= done
