"""Days that go differently: a flare-up, an urgent warning sign and the launch after it,
stretches only, a session killed mid-set and resumed, and ending a session mid-set."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from walk import (
    ADVICE_BUTTON,
    Launch,
    from_palette,
    history_sessions,
    keys_work,
    read_json,
    see_advice,
    seed_plan,
    start,
    tap_reps_mid_set,
    through_the_session,
)

ENDED_EARLY = "Session ended early."


def test_a_flare_up_day_is_a_gentle_session(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    see_advice(term, "7")
    term.wait_for("A flare-up day", "Because: Pain 7/10 today", "Gentle session")
    keys_work(term, "A flare-up day")
    term.press("enter", then="the stretches and the two easiest exercises")
    keys_work(term, "the stretches and the two easiest exercises")
    term.press("enter", then="Cat Cow (1 of 5)")
    through_the_session(term)
    term.press("q")
    assert term.wait_exit() == 0
    [session] = history_sessions(data)
    assert session["mode"] == "flare_up"
    assert {d["exercise_id"] for d in session["workout"]["done"]} >= {"cat-cow", "superman"}


def test_an_urgent_warning_sign_says_get_help_and_holds_at_the_next_launch(
    launch: Launch, data: Path
) -> None:
    seed_plan(data)
    term = launch()
    start(term)
    term.settle()  # the rest of the check fills in after the first frame
    term.press("tab", "tab", "tab", "space", then="[x] Severe or worsening leg weakness")
    for _ in range(8):
        if term.shows("Get help now"):
            break
        term.press("f2")
        term.settle(quiet=0.2, limit=1.0)
    term.wait_for("Get help now", "please get help now", ADVICE_BUTTON)
    assert not term.shows("Start ⏎")  # no training on an urgent day
    keys_work(term, "Get help now")
    term.press("q")
    assert term.wait_exit() == 0
    [check] = read_json(data / "state.json")["recent_checks"].values()
    assert check["outcome"] == "urgent" and check["flags"] == ["leg_weakness"]
    again = launch()
    again.wait_for("Get help now")  # the gate holds for 24 hours
    keys_work(again, "Get help now")
    again.press("q")
    assert again.wait_exit() == 0


def test_stretches_only(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    see_advice(term, "3")
    term.press("s", then="Stretches only")
    term.wait_for("Cat Cow")
    keys_work(term, "Cat Cow")
    assert not term.shows("Superman")
    term.press("enter", then="Cat Cow (1 of 3)")
    through_the_session(term)
    term.press("q")
    assert term.wait_exit() == 0
    [session] = history_sessions(data)
    assert session["mode"] == "stretches"
    assert {d["exercise_id"] for d in session["workout"]["done"]} == {
        "cat-cow",
        "lying-figure-4",
        "supine-twist",
    }


def test_a_session_killed_mid_set_resumes_with_every_rep(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    tap_reps_mid_set(term, 3)
    term.signal(signal.SIGKILL)
    assert term.wait_exit() == -signal.SIGKILL
    again = launch()
    again.wait_for("unfinished session", "It stopped at Cat Cow", "Resume it?")
    again.press("y", then="Cat Cow (1 of")
    assert again.live_count() == 3
    again.press("space", then=lambda: again.live_count() == 4)
    keys_work(again, "Cat Cow (1 of")
    again.press("ctrl+q")
    assert again.wait_exit() == 0


def test_ending_a_killed_session_keeps_its_unfinished_set_and_says_so(
    launch: Launch, data: Path
) -> None:
    seed_plan(data)
    term = launch()
    tap_reps_mid_set(term, 3)
    term.signal(signal.SIGKILL)
    assert term.wait_exit() == -signal.SIGKILL
    again = launch()
    again.wait_for("It stopped at Cat Cow", "Resume it?")
    again.press("n", then="in your history")
    keys_work(again, "How is your back today?")
    again.press("ctrl+q")
    assert again.wait_exit() == 0
    [session] = history_sessions(data)
    assert [d["reps"] for d in session["workout"]["done"]] == [3]


def test_ending_a_session_mid_set_keeps_every_rep(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    tap_reps_mid_set(term, 3)
    term.press("q", then="End the session now?")
    term.press("n")
    term.wait_gone("End the session now?")
    keys_work(term, "Cat Cow (1 of")  # the dialog closed: the counter's keys work
    term.press("space", then=lambda: term.live_count() == 4)
    term.press("q", then="End the session now?")
    term.press("y", then=[ENDED_EARLY, "What you did", "Cat Cow: 4"])
    keys_work(term, ENDED_EARLY)
    term.press("q")
    assert term.wait_exit() == 0
    [session] = history_sessions(data)
    assert [d["reps"] for d in session["workout"]["done"]] == [4]


def test_quitting_with_unsaved_work_asks_and_keeps_it(launch: Launch, data: Path) -> None:
    """A save that fails (here live.json has become a folder, which no write can replace, even
    as root) is said on the counter; Ctrl+Q asks first; once the file can be written again the
    reps are saved and Ctrl+Q quits."""
    seed_plan(data)
    term = launch()
    tap_reps_mid_set(term, 2)
    live = data / "live.json"
    kept = data / "live.kept.json"
    live.rename(kept)
    live.mkdir()
    term.press("space", then="Not saved yet")
    term.press("ctrl+q", then="Quit anyway?")
    term.press("n")
    term.wait_gone("Quit anyway?")
    keys_work(term, "Not saved yet")
    live.rmdir()
    term.press("space", then=lambda: term.live_count() == 4)  # every rep, the unsaved one too
    term.wait_gone("Not saved yet")
    term.press("ctrl+q")
    assert term.wait_exit() == 0
    kept.unlink()


def test_a_damaged_file_at_launch_is_said_on_the_check_and_set_aside(
    launch: Launch, data: Path
) -> None:
    """Said before the first screen is up, the note waits for its message line (it was a toast
    over the check)."""
    data.mkdir(parents=True)
    (data / "state.json").write_text('{"plan": garbage')
    term = launch()
    start(term)
    term.wait_for("About your data", "could not be read", "nothing was deleted")
    # On the check's own line above its keys: no toast (its edge is drawn with "▌") over the
    # questions.
    assert not any("▌" in row for row in term.rows()), term.text()
    keys_work(term, "Pain right now")
    assert [p.name.split("-")[0] for p in data.glob("state.json.damaged-*")] == [
        "state.json.damaged"
    ]
    term.press("ctrl+q")
    assert term.wait_exit() == 0


def test_entries_that_are_not_records_are_set_aside_on_every_screen_that_reads_them(
    launch: Launch, data: Path
) -> None:
    """Settings that are a list, a run and a session that are text, a check whose pain has
    5,000 digits: each crashed the app at launch or as its screen opened."""
    seed_plan(data)
    meta = '{"meta": {"1": {"app": "backrun", "schema": 2}}'
    state = read_json(data / "state.json")
    state["settings"] = {"1": [1, 2]}
    state["recent_checks"] = {"1": {"pain": "HUGE"}}
    (data / "state.json").write_text(json.dumps(state).replace('"HUGE"', "9" * 5000))
    (data / "runs.json").write_text(meta + ', "runs": {"1": "abc"}}')
    (data / "history").mkdir()
    (data / "history" / "2026.json").write_text(meta + ', "sessions": {"1": "abc"}}')
    term = launch()
    start(term)
    term.wait_for(lambda: "2 records in state.json could not be used" in term.flat())
    from_palette(term, "runs", "No runs yet")
    term.wait_for(lambda: "runs.json could not be used" in term.flat())
    term.press("escape", then="Pain right now")
    from_palette(term, "history", "This week:")
    term.wait_for(lambda: "history/2026.json could not be used" in term.flat())
    keys_work(term, "This week:")
    term.press("escape", then="Pain right now")
    keys_work(term, "Pain right now")
    term.press("ctrl+q")
    assert term.wait_exit() == 0
    for name in ("state.json", "runs.json", "history/2026.json"):
        [aside] = data.glob(f"{name}.set-aside-*.json")
        assert json.loads(aside.read_text())  # every entry kept there, as it was
