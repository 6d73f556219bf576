"""Spoken cues without Textual: what is said when (the count, the last rep, the set's end, the
last seconds, what comes next), and a voice that never makes the caller wait."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from backrun_tui.speech import voice as voice_module
from backrun_tui.speech.cues import count_cues, rest_cue, seconds_cue
from backrun_tui.speech.voice import BACKLOG, SystemSpeaker, Voice, system_speaker


class SlowSpeaker:
    """Says nothing until let go: as slow as any speech program could be."""

    def __init__(self) -> None:
        self.heard: list[str] = []
        self.let_go = threading.Event()

    def speak(self, text: str) -> None:
        self.let_go.wait(10)
        self.heard.append(text)


def test_the_count_is_said_every_rep_or_every_fifth_with_the_last_rep_named() -> None:
    every = [count_cues(n, 12, every_fifth=False) for n in range(1, 14)]
    assert every[:3] == [["1"], ["2"], ["3"]]
    assert every[10] == ["11. Last rep."]  # one more reaches the top of 8-12
    assert every[11] == ["12. Top of the range."]
    assert every[12] == ["13"]
    fifth = [cue for n in range(1, 13) for cue in count_cues(n, 12, every_fifth=True)]
    assert fifth == ["5", "10", "11. Last rep.", "12. Top of the range."]


def test_the_last_five_seconds_are_counted_down() -> None:
    assert [cue for left in range(30, -1, -1) for cue in seconds_cue(left)] == list("54321")
    assert rest_cue(60, "Superman, set 2") == "Rest 60 seconds. Next: Superman, set 2."


def test_saying_never_waits_for_the_voice_and_a_backlog_keeps_the_newest() -> None:
    speaker = SlowSpeaker()
    voice = Voice(speaker)
    started = time.perf_counter()
    for n in range(1, 21):
        voice.say(str(n))
    assert time.perf_counter() - started < 1.0  # the voice is stuck; saying did not wait
    speaker.let_go.set()
    voice.close()
    voice.thread.join(10)
    assert speaker.heard[-1] == "20" and len(speaker.heard) <= BACKLOG + 1  # no pile-up
    assert speaker.heard == sorted(speaker.heard, key=int)  # in order


def test_a_voice_that_fails_says_why_once_and_stops() -> None:
    class Broken:
        def speak(self, text: str) -> None:
            raise OSError("espeak-ng failed (code 1)")

    voice = Voice(Broken())
    voice.say("1")
    voice.close()
    voice.thread.join(10)
    assert voice.failed == "Spoken cues stopped: espeak-ng failed (code 1)."
    voice.say("2")  # dropped, no error


def test_no_speech_program_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(voice_module.sys, "platform", "linux")
    said = system_speaker()
    assert isinstance(said, str) and "install espeak-ng" in said


def test_the_system_speaker_hands_the_text_on_its_input(tmp_path: Path) -> None:
    heard = tmp_path / "heard.txt"
    speaker = SystemSpeaker(
        (sys.executable, "-c", f"import sys; open({str(heard)!r}, 'w').write(sys.stdin.read())")
    )
    speaker.speak("9. Last rep.")
    assert heard.read_text() == "9. Last rep."
    with pytest.raises(OSError, match="failed"):
        SystemSpeaker((sys.executable, "-c", "raise SystemExit(3)")).speak("x")
