"""What the app tells the runner, and where: on the screen's own message line above the keys
(never as a toast over what the runner reads), kept for the first screen when it comes before
it; a save that failed, and a save that came through again."""

from __future__ import annotations

from collections import deque

from textual.app import App
from textual.notifications import SeverityLevel

from backrun_tui.tui.screens.base import SavedStateChanged
from backrun_tui.tui.widgets.status_line import Messages, say_on_screen


class Telling(App[None]):
    """The part of the app that says things."""

    said: deque[str]  # the latest messages, as told (for tests)
    status_messages: Messages  # what every screen's message line shows

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Said on the screen's own message line (see widgets/status_line), not as a toast over
        what the runner reads; a toast only where a screen has no such line (the palette).
        Said before the first screen is up (a damaged file set aside at launch), it waits for
        that screen's line."""
        self.said.append(message)
        seconds = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        if say_on_screen(self.screen, self.status_messages, message, title, severity, seconds):
            return
        if len(self.screen_stack) <= 1:  # only Textual's blank screen so far
            self.status_messages.add(message, title, severity, seconds)
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def tell_note(self, note: str) -> None:
        """What the store had to do to a file (moved aside, upgraded), the moment it happens."""
        self.notify(note, title="About your data", severity="warning", timeout=15)

    def tell_save_problem(self, problem: str) -> None:
        self.tell_screens_saved_state()
        self.notify(
            f"{problem} backrun keeps what you did and tries again.",
            title="Not saved",
            severity="error",
            timeout=10,
        )

    def tell_saved_again(self) -> None:
        self.tell_screens_saved_state()
        self.notify("Everything you did is saved now.", title="Saved", timeout=6)

    def tell_screens_saved_state(self) -> None:
        """The screens that show whether all is saved (rep counter, summary) look again."""
        for screen in self.screen_stack:
            screen.post_message(SavedStateChanged())
