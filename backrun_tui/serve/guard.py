"""What one browser may send to its app, and how the app is stopped: input bounded per message
and per second, sizes kept sane, anything malformed ignored, and a stop that never waits for
ever (the app gets a moment to quit and save, then is ended)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Callable
from typing import Any

from textual_serve.app_service import AppService

MAX_INPUT_AT_ONCE = 4096  # characters of keystrokes in one message: far more than any key sends
MAX_INPUT_PER_SECOND = 16384  # a paste, a held key, never a flood
QUIT_GRACE = 1.0  # seconds the app has to quit (it saves as on Ctrl+Q) before it is ended
END_GRACE = 0.5  # seconds between asking it to end (SIGTERM) and killing it
SIZE_LIMITS = (10, 1000)  # columns or rows a browser may ask for


class InputBudget:
    """A bucket of characters that fills at MAX_INPUT_PER_SECOND up to that much; what does
    not fit in one message or in the bucket is dropped."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._left = float(MAX_INPUT_PER_SECOND)
        self._at = clock()

    def take(self, text: str) -> str:
        """The part of `text` that may go to the app."""
        now = self._clock()
        self._left = min(MAX_INPUT_PER_SECOND, self._left + (now - self._at) * MAX_INPUT_PER_SECOND)
        self._at = now
        allowed = int(min(self._left, MAX_INPUT_AT_ONCE))
        kept = text[:allowed]
        self._left -= len(kept)
        return kept


class DropReport:
    """Says on the server's terminal, at most once a second, how much input was cut."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._dropped = 0
        self._said_at = -1.0

    def dropped(self, count: int) -> None:
        self._dropped += count
        now = self._clock()
        if now - self._said_at >= 1.0:
            print(
                f"backrun serve: cut {self._dropped:,} characters of input from the browser "
                f"(more than {MAX_INPUT_AT_ONCE:,} at once or {MAX_INPUT_PER_SECOND:,} a second: "
                "a paste or a stuck key?). The app carries on.",
                file=sys.stderr,
                flush=True,
            )
            self._dropped, self._said_at = 0, now


def size_from(value: Any, default: int) -> int:
    """A terminal size a browser asked for, kept within SIZE_LIMITS."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    low, high = SIZE_LIMITS
    return max(low, min(high, number))


async def stop_app(service: AppService) -> None:
    """Ask the app to quit; if it has not within QUIT_GRACE (busy, or not reading its input),
    end it: SIGTERM (it saves and exits), then SIGKILL. Returns once it is gone."""
    try:
        await asyncio.wait_for(asyncio.shield(service.stop()), QUIT_GRACE)
        return
    except (TimeoutError, Exception):  # noqa: BLE001 - whatever went wrong, it must end
        pass
    process = getattr(service, "_process", None)  # textual-serve keeps it private
    if process is None or process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        await asyncio.wait_for(process.wait(), END_GRACE)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), END_GRACE)
