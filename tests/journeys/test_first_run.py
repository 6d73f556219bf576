"""The first run, as a new user walks it: the symptom check, the advice, the assessment, the
picker, every set and rest and rating, and the summary; then the next day's launch."""

from __future__ import annotations

from pathlib import Path

from walk import (
    ADVICE_BUTTON,
    SUMMARY_DONE,
    Launch,
    assess,
    history_sessions,
    keys_work,
    read_json,
    see_advice,
    through_the_session,
)


def test_first_run_from_the_check_to_the_summary(launch: Launch, data: Path) -> None:
    term = launch()
    see_advice(term, "1")
    assert term.shows("Good to train")
    keys_work(term, ADVICE_BUTTON)
    term.press("enter", then=["Rung 1 of 12", "Superman", "Can you do it slowly"])
    keys_work(term, "Rung 1 of 12")
    assess(term, "yyyy")
    term.wait_for("Today", "Cat Cow", "High Plank Leg Lifts added")
    keys_work(term, "Today")
    term.press("enter", then="Cat Cow (1 of 7)")
    for count in range(1, 9):  # one tap, one rep, saved as it is tapped
        term.press("space", then=lambda n=count: term.live_count() == n)
    term.press("enter", then="How was Cat Cow?")
    term.press("3")
    term.wait_gone("How was Cat Cow?")
    term.press("f", then="Recorded at target: 30 s held.")  # the stretch's left side
    # The message sits on its own line: the count's hint and buttons are still there to read
    # (toasts stacked over them at 60x18).
    term.wait_for("Space starts the 30 s hold", "Set done")
    through_the_session(term)
    term.wait_for("What you did", "Cat Cow")
    keys_work(term, SUMMARY_DONE)
    term.press("q")
    assert term.wait_exit() == 0
    [session] = history_sessions(data)
    done = session["workout"]["done"]
    assert done[0]["exercise_id"] == "cat-cow" and done[0]["reps"] == 8
    workout = session["workout"]
    expected = sum(
        n * (2 if sided else 1)
        for (_, n), sided in zip(workout["items"], workout["sided"], strict=True)
    )
    assert len(done) == expected  # every set of every exercise, each side of a one-sided one
    plan = read_json(data / "state.json")["plan"]["1"]["exercise_ids"]
    assert len(plan) == 4


def test_a_normal_day_after_the_first(launch: Launch, data: Path) -> None:
    first = launch()
    see_advice(first, "2")
    first.press("enter", then="Rung 1 of 12")
    assess(first, "yyyy")
    first.press("enter", then="Cat Cow (1 of 7)")
    through_the_session(first)
    first.press("q")
    assert first.wait_exit() == 0
    day_two = launch()
    see_advice(day_two, "1")
    assert day_two.shows("My plan")  # not a first run: the plan is kept
    day_two.press("enter", then=["Today", "Superman"])
    assert not day_two.shows("Rung 1 of 12")
    day_two.press("enter", then=["Cat Cow (1 of 7)", "last time: 8"])
    day_two.press("ctrl+q")
    assert day_two.wait_exit() == 0
    assert len(history_sessions(data)) == 1  # the second session is still in progress
