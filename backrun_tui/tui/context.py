"""What the app is built on (by the command line, or a test): the catalog, the store, a clock,
how to draw and the voice. Screens never see it: they get the session service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.store.repository import Store

if TYPE_CHECKING:
    from backrun_tui.speech.voice import Speaker

Clock = Callable[[], datetime]


def system_speaker() -> Speaker | str:
    """This computer's voice, or why there is none (loaded only when cues are on)."""
    from backrun_tui.speech.voice import system_speaker as found

    return found()


def system_clock() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Context:
    catalog: Catalog
    store: Store
    clock: Clock = system_clock
    plain: bool = False  # counts and timers as ordinary text
    speak: bool = False  # spoken cues for this run, whatever the setting (--speak)
    find_speaker: Callable[[], Speaker | str] = system_speaker  # the computer's voice
