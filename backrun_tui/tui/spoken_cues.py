"""Spoken cues in the app: when they are on (the setting, or `--speak` for one run), each
change the coach makes to the workout and each second of a rest is turned into words
(speech.cues) and handed to the computer's voice, which never makes a tap wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.session.session_state import SessionState
from backrun_tui.coach.settings import Settings

if TYPE_CHECKING:  # loaded when cues are first on: start-up does not wait for them
    from backrun_tui.speech.voice import Speaker, Voice

FindSpeaker = Callable[[], "Speaker | str"]


class SpokenCues:
    """Says the workout aloud while spoken cues are on; `tell` says (once) why it cannot."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        forced: bool,
        find_speaker: FindSpeaker,
        settings: Callable[[], Settings],
        tell: Callable[[str], None],
    ) -> None:
        self.catalog = catalog
        self.forced = forced
        self.find_speaker = find_speaker
        self.settings = settings
        self.tell = tell
        self.voice: Voice | None = None
        self.missing = ""  # why there is no voice, once looked for
        self.failure_told = False

    def on(self) -> bool:
        return self.forced or self.settings().speak

    def start(self) -> None:
        """Look for the voice now when cues are on (at start-up, so a missing one is said
        before the workout, not in the middle of a set)."""
        if self.on():
            self.ready()

    def ready(self) -> Voice | None:
        if self.voice is None and not self.missing:
            found = self.find_speaker()
            if isinstance(found, str):
                self.missing = found
                self.tell(found)
            else:
                from backrun_tui.speech.voice import Voice

                self.voice = Voice(found)
        return self.voice

    def say(self, cues: list[str]) -> None:
        if not cues or not self.on():
            return
        voice = self.ready()
        if voice is None:
            return
        for cue in cues:
            voice.say(cue)
        if voice.failed and not self.failure_told:
            self.failure_told = True
            self.tell(voice.failed)

    def follow(self, before: SessionState, after: SessionState) -> None:
        """What changed in the workout, said."""
        if self.on():
            from backrun_tui.speech.cues import workout_cues

            every_fifth = after.settings.speak_every_fifth
            self.say(workout_cues(before, after, self.catalog, every_fifth=every_fifth))

    def rest_second(self, left: int, next_up: str, *, starting: bool) -> None:
        """A rest's start names what comes next; its last seconds count down."""
        if self.on():
            from backrun_tui.speech.cues import rest_cue, seconds_cue

            self.say([rest_cue(left, next_up)] if starting else seconds_cue(left))

    def close(self) -> None:
        if self.voice is not None:
            self.voice.close()
