"""The computer's own voice (espeak-ng on Linux, `say` on macOS, the Windows speech API through
PowerShell), found once, speaking on a thread of its own: `Voice.say` never waits, so a tap is
never slowed by speech. If speech falls behind, the oldest cues still waiting are dropped."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import subprocess
import sys
import threading
from typing import Protocol

BACKLOG = 3  # cues waiting at most; a newer one pushes out the oldest
SPEAK_AT_MOST = 15  # seconds one cue may take before it is cut off
WINDOWS_SPEECH = (
    "Add-Type -AssemblyName System.Speech; "
    "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())"
)
MISSING = {
    "linux": "install espeak-ng (for example: sudo apt install espeak-ng)",
    "darwin": "macOS's `say` was not found",
    "win32": "Windows PowerShell was not found",
}


class Speaker(Protocol):
    def speak(self, text: str) -> None:
        """Say `text`, returning once it is said; raises OSError when it cannot."""


class SystemSpeaker:
    """A speech program that reads what to say from its standard input."""

    def __init__(self, command: tuple[str, ...]) -> None:
        self.command = command

    def speak(self, text: str) -> None:
        try:
            done = subprocess.run(  # noqa: S603 - a fixed program, the text on its input
                self.command,
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=SPEAK_AT_MOST,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise OSError(f"{self.command[0]} took over {SPEAK_AT_MOST} s") from error
        if done.returncode != 0:
            raise OSError(f"{os.path.basename(self.command[0])} failed (code {done.returncode})")


def system_speaker() -> SystemSpeaker | str:
    """This computer's speech program, or a plain sentence saying why there is none."""
    command = speech_command()
    if command is None:
        how = MISSING.get(sys.platform, MISSING["linux"])
        return f"Spoken cues are on, but this computer has no speech program: {how}."
    return SystemSpeaker(command)


def speech_command() -> tuple[str, ...] | None:
    """The command that says its standard input aloud here, if there is one."""
    if sys.platform == "darwin":
        found = shutil.which("say")
        return (found, "-f", "-") if found else None
    if os.name == "nt":
        found = shutil.which("powershell") or shutil.which("pwsh")
        return (
            (found, "-NoProfile", "-NonInteractive", "-Command", WINDOWS_SPEECH) if found else None
        )
    found = shutil.which("espeak-ng") or shutil.which("espeak")
    return (found, "--stdin") if found else None


class Voice:
    """Says cues in order on its own thread. `failed` holds why speech stopped, if it did."""

    def __init__(self, speaker: Speaker) -> None:
        self.speaker = speaker
        self.waiting: queue.Queue[str | None] = queue.Queue(maxsize=BACKLOG)
        self.failed = ""
        self.thread = threading.Thread(target=self.speak_all, name="backrun-voice", daemon=True)
        self.thread.start()

    def say(self, text: str) -> None:
        """Queue a cue and return at once."""
        if not self.failed:
            self.push(text)

    def close(self) -> None:
        """Stop once what is being said is said (never waits for it)."""
        self.push(None)

    def push(self, item: str | None) -> None:
        """Into the queue without waiting: a full queue loses its oldest cue."""
        while True:
            try:
                self.waiting.put_nowait(item)
                return
            except queue.Full:
                with contextlib.suppress(queue.Empty):
                    self.waiting.get_nowait()

    def speak_all(self) -> None:
        while (text := self.waiting.get()) is not None:
            try:
                self.speaker.speak(text)
            except OSError as error:
                self.failed = f"Spoken cues stopped: {error}."
                return
