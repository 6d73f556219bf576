"""The everyday activities (PSFS) as a runner walks them: named and scored after the first
run's assessment; two weeks on, scored again after the check (one renamed, one retired), and
each activity's course read in the history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from backrun_terminal import Backrun
from walk import (
    ACTIVITIES_TITLE,
    ADVICE_BUTTON,
    Launch,
    keys_work,
    read_json,
    seed_plan,
    start,
)

from backrun_tui.coach.outcomes.psfs import Psfs, answered, new_scores, read_rows
from backrun_tui.store.repository import Store


def test_activities_named_after_the_first_assessment(launch: Launch, data: Path) -> None:
    term = launch()
    start(term)
    term.press("1", then="1/10")
    for _ in range(8):  # F2 through the warning signs to the advice
        if term.shows(ADVICE_BUTTON):
            break
        term.press("f2")
        term.settle(quiet=0.2, limit=1.0)
    term.press("enter", then="Rung 1 of 12")
    for answer in "yyyy":
        term.press(answer)
        term.settle(quiet=0.15, limit=1.0)
    term.wait_for(ACTIVITIES_TITLE, "0 = you cannot do it")
    keys_work(term, ACTIVITIES_TITLE)
    term.press(*"run 30 minutes easy", "enter", "4", "enter", *"put on socks", "enter", "11")
    term.press("ctrl+s", then="Not saved.")  # 11 is off the scale: said, nothing lost
    assert term.shows("put on socks")
    term.press("backspace", "ctrl+s", then=["Today", "Activity scores kept"])
    keys_work(term, "Today")
    term.press("q")
    assert term.wait_exit() == 0
    psfs = read_json(data / "state.json")["psfs"]["1"]
    assert [a["name"] for a in psfs["activities"]] == ["run 30 minutes easy", "put on socks"]
    [year] = (data / "history").glob("*.json")
    scores = read_json(year)["psfs_scores"]
    assert sorted(s["score"] for s in scores.values()) == [1, 4]


def f2_until(term: Backrun, wanted: str) -> None:
    """F2 on the symptom check (paging through the unseen warning signs) until `wanted` is up,
    and nothing skipped on the way."""
    for _ in range(8):
        if term.shows(wanted):
            return
        term.press("f2")
        term.settle(quiet=0.2, limit=1.0)
    term.wait_for(wanted)


def scored_two_weeks_ago(data: Path) -> None:
    """A runner with a plan who named two activities fifteen days ago."""
    seed_plan(data)
    then = datetime.now(UTC) - timedelta(days=15)
    rows = [(None, "run 30 minutes easy", "3"), (None, "sit an hour", "6")]
    named = answered(Psfs(), read_rows(Psfs(), rows), then)
    store = Store.open(data)
    store.save_psfs(named, new_scores(Psfs(), named))
    store.close()


def test_scored_again_two_weeks_on_then_read_in_the_history(launch: Launch, data: Path) -> None:
    scored_two_weeks_ago(data)
    term = launch()
    start(term)
    term.press("2", then="2/10")
    f2_until(term, ACTIVITIES_TITLE)
    term.wait_for(ACTIVITIES_TITLE, "was 3", "was 6")
    term.press("6", "enter")  # the first, scored; then its name field below
    term.press("ctrl+u")  # the second's name emptied: no longer asked
    term.press("ctrl+s", then=[ADVICE_BUTTON, "3 points better than at first"])
    keys_work(term, ADVICE_BUTTON)
    term.press("ctrl+p", then="Search for commands")
    term.press(*"History", then="History")
    term.press("enter", then="This week")
    # Below the fold: the course of each, in words against the 2-point line.
    term.press_until("pagedown", "sit an hour (no longer asked): 6 on")
    term.wait_for("3 points better than at first (a change that matters)")
    term.press("escape")
    term.wait_for(ADVICE_BUTTON)
    term.press("ctrl+q")
    assert term.wait_exit() == 0
    active = [a for a in read_json(data / "state.json")["psfs"]["1"]["activities"]]
    assert [a["retired"] is None for a in active] == [True, False]


def test_rescored_from_the_palette_between_the_two_weekly_asks(launch: Launch, data: Path) -> None:
    scored_two_weeks_ago(data)
    store = Store.open(data)  # scored again three days ago: not asked today
    before = store.load_psfs()
    rows = [(a.id, a.name, "4") for a in before.active]
    again = answered(before, read_rows(before, rows), datetime.now(UTC) - timedelta(days=3))
    store.save_psfs(again, new_scores(before, again))
    store.close()
    term = launch()
    start(term)
    term.press("2", then="2/10")
    f2_until(term, ADVICE_BUTTON)  # nothing between: the activities are not due
    assert not term.shows(ACTIVITIES_TITLE)
    term.press("ctrl+p", then="Search for commands")
    term.press(*"Everyday", then="Everyday activities")
    term.press("enter", then=[ACTIVITIES_TITLE, "was 4"])
    term.press("escape", then=[ADVICE_BUTTON, "as they were"])
    keys_work(term, ADVICE_BUTTON)
    term.press("ctrl+p", then="Search for commands")
    term.press(*"Everyday", then="Everyday activities")
    term.press("enter", then=[ACTIVITIES_TITLE, "was 4"])
    term.press("7", "enter", "enter", "5")  # each scored: the first, then the second's score
    term.press("ctrl+s", then=[ADVICE_BUTTON, "run 30 minutes easy 7/10"])
    keys_work(term, ADVICE_BUTTON)
    term.press("ctrl+q")
    assert term.wait_exit() == 0
    [year] = (data / "history").glob("*.json")
    scores = read_json(year)["psfs_scores"].values()
    assert sorted(s["score"] for s in scores) == [3, 4, 4, 5, 6, 7]
