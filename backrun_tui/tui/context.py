"""What the app is built on (by the command line, or a test): the catalog, the store, a clock,
how to draw and the voice. Screens never see it: they get the session's view.

The command line hands the app `DataToOpen` instead: the symptom check is drawn first, and the
catalog, the folder's lock and the store are opened right after its first frame (none of them,
nor the coach, is needed to draw it; see benchmarks/README.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backrun_tui.coach.ladder.catalog import Catalog
    from backrun_tui.speech.voice import Speaker
    from backrun_tui.store.repository import Store

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


class CannotOpen(Exception):
    """The data cannot be used (a broken catalog, another backrun on the folder, a folder that
    cannot be read); str() says so in words, and `code` is the exit status."""

    def __init__(self, why: str, code: int = 2) -> None:
        super().__init__(why)
        self.code = code


@dataclass(frozen=True)
class DataToOpen:
    """The app's context, to be opened once its first screen is drawn: `open` returns it, or
    raises CannotOpen. `theme`: the theme the runner chose, if a quick look found it, so the first
    frame is drawn in it."""

    open: Callable[[], Context]
    plain: bool = False
    speak: bool = False
    theme: str | None = None
