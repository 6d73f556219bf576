"""Spoken cues in the app: off unless the setting or --speak turns them on; a tap never waits
for the voice; a computer without a speech program is told so once, plainly."""

from __future__ import annotations

import threading
from pathlib import Path

from app_helpers import (
    PLAN,
    SEE_ADVICE,
    FakeClock,
    activities_asked,
    press,
    screen_text,
    wait_until,
)

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.settings import Settings
from backrun_tui.speech.voice import Speaker
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.rest_timer import RestTimerScreen
from backrun_tui.tui.widgets.big_digits import BigDigits

SIZE = (80, 24)


class StuckSpeaker:
    """A voice that says nothing until let go, recording what it was asked to say."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.let_go = threading.Event()

    def speak(self, text: str) -> None:
        self.asked.append(text)
        self.let_go.wait(10)


def app_with(
    data: Path, *, speak: bool = False, setting: bool = False, voice: Speaker | str
) -> BackrunApp:
    store = Store.open(data)
    clock = FakeClock()
    activities_asked(store, clock.now)
    store.save_plan(PLAN)
    store.save_settings(Settings(speak=setting, rest_seconds=15))
    return BackrunApp(
        Context(load_catalog(), store, clock, speak=speak, find_speaker=lambda: voice)
    )


async def test_a_tap_never_waits_for_the_voice(tmp_path: Path) -> None:
    speaker = StuckSpeaker()
    app = app_with(tmp_path / "data", setting=True, voice=speaker)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter", "enter")
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        await wait_until(pilot, lambda: speaker.asked == ["Next: Cat Cow, 1 set."])
        await press(pilot, *["space"] * 5)  # the voice is stuck on its first cue
        assert counter.workout.count == 5 and counter.query_one(BigDigits).value == "5"
        speaker.let_go.set()
        await wait_until(pilot, lambda: speaker.asked[-1] == "5")
    speaker.let_go.set()


async def test_the_rest_names_what_comes_next_and_counts_down(tmp_path: Path) -> None:
    speaker = StuckSpeaker()
    speaker.let_go.set()
    app = app_with(tmp_path / "data", speak=True, voice=speaker)  # --speak, setting off
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter", "enter", "space", "enter")  # Cat Cow
        await press(pilot, "3", "enter", "enter", "3", "enter", "enter", "3")  # the holds
        await press(pilot, "space", "enter")  # Superman set 1
        assert isinstance(app.screen, RestTimerScreen)
        await wait_until(pilot, lambda: "1" in speaker.asked[-1:], seconds=20)
        asked = speaker.asked
        started = [n for n, cue in enumerate(asked) if cue.startswith("Rest")]
        assert len(started) == 1 and asked[started[0] - 1] == "Set done."
        assert asked[started[0]].startswith("Rest 15 seconds. Next: Superman")
        assert asked[started[0] + 1 :] == ["5", "4", "3", "2", "1"]


async def test_no_speech_program_is_said_once_and_nothing_else_changes(tmp_path: Path) -> None:
    why = "Spoken cues are on, but this computer has no speech program: install espeak-ng."
    app = app_with(tmp_path / "data", speak=True, voice=why)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: why in app.said)
        await press(pilot, "1", SEE_ADVICE, "enter", "enter", "space", "space")
        assert isinstance(app.screen, RepCounterScreen) and app.screen.workout.count == 2
        assert list(app.said).count(why) == 1


async def test_cues_are_off_unless_asked_for(tmp_path: Path) -> None:
    speaker = StuckSpeaker()
    speaker.let_go.set()
    app = app_with(tmp_path / "data", voice=speaker)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter", "enter", "space", "space")
        assert isinstance(app.screen, RepCounterScreen) and app.screen.workout.count == 2
        assert speaker.asked == [] and "Spoken cues" not in screen_text(app)
