"""On the mat: spoken cues turned on with --speak (the computer's speech program hears each
cue; without one, backrun says so and counts on), and backrun in a window shaped like a phone
held upright (46x50), where the picker stacks and nothing is cut."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from backrun_terminal import Backrun
from walk import ADVICE_BUTTON, Launch, keys_work, see_advice, seed_plan, start

pytestmark = pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for espeak-ng")

SPEECH_MISSING = "no speech program"


def fake_espeak(folder: Path) -> Path:
    """An `espeak-ng` that writes what it is given to say into heard.txt, a line a cue."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "espeak-ng"
    heard = folder / "heard.txt"
    program.write_text(f'#!/bin/sh\n{{ cat; echo; }} >> "{heard}"\n')
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return heard


def heard_lines(heard: Path) -> list[str]:
    return heard.read_text().splitlines() if heard.exists() else []


def test_speak_says_the_exercise_and_each_rep(
    launch: Launch, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard = fake_espeak(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    seed_plan(data)
    term = launch("--speak")
    see_advice(term)
    term.press("enter", then="Today")
    term.press("enter", then="Cat Cow  (1 of 7)")
    for count in ("1", "2", "3"):
        term.press("space")
        term.wait_for(lambda said=count: said in heard_lines(heard), timeout=10)
    assert heard_lines(heard)[:4] == ["Next: Cat Cow, 1 set.", "1", "2", "3"]
    assert not term.shows(SPEECH_MISSING)
    keys_work(term, "Cat Cow  (1 of 7)")
    term.press("ctrl+q")
    assert term.wait_exit() == 0


def test_speak_without_a_speech_program_says_so_and_counts_on(
    launch: Launch, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    seed_plan(data)
    term = launch("--speak")
    start(term)
    term.wait_for(SPEECH_MISSING)
    term.press("1", then="1/10")
    for _ in range(8):  # F2 through the warning signs; the activities skipped
        if term.shows(ADVICE_BUTTON):
            break
        term.press("escape" if term.shows("Skip for now") else "f2")
        term.settle(quiet=0.2, limit=1.0)
    term.press("enter", then="Today")
    term.press("enter", "space", "space")
    term.wait_for(lambda: term.live_count() == 2)
    term.press("ctrl+q")
    assert term.wait_exit() == 0


def test_held_upright_the_picker_stacks_and_nothing_is_cut(data: Path) -> None:
    seed_plan(data)
    term = Backrun(data, "46x50-upright")
    try:
        see_advice(term)
        assert "…" not in term.text()
        term.press("enter", then="Today")
        rows = term.text().splitlines()
        today = next(n for n, row in enumerate(rows) if "Today" in row)
        cues = next(n for n, row in enumerate(rows) if "Start on all fours" in row)
        assert cues > today + 8  # the details under the list, not beside it
        assert "…" not in term.text()
        keys_work(term, "Today")
        term.press("enter", then="Cat Cow  (1 of 7)")
        term.press("space", "space")
        term.wait_for(lambda: term.live_count() == 2)
        assert "…" not in term.text()
        term.resize(40, 50)
        term.wait_for("42 columns by 36 rows")
        term.resize(46, 50)
        term.wait_gone("42 columns by 36 rows")
        keys_work(term, "Cat Cow  (1 of 7)")
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    finally:
        term.close()
