"""The symptom check put up before the data is open, so the first frame waits for nothing else.
Once the coach has decided how the day starts, the flow takes it over when the day starts with a
blank check (most days). A question, the "since last time" card or the doctor advice comes up
over it, and it is taken over once they are answered; it is taken away when the day starts
elsewhere (an interrupted session resumed, urgent warning signs, warning signs still ticked)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

Answered = Callable[[SymptomReport | None], None]


class FirstCheck:
    """A blank symptom check on the screen, whose answer waits for the flow to take it over."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.screen = SymptomCheckScreen(complete=False)
        self.given: list[SymptomReport | None] = []  # answers given before it was taken over
        self.answered: Answered | None = None
        app.push_screen(self.screen, self.dismissed)

    def dismissed(self, report: SymptomReport | None) -> None:
        if self.answered is None:
            self.given.append(report)
        else:
            self.answered(report)

    def usable(self, answers: SymptomReport | None) -> bool:
        """Whether the check the coach asks for is this one: a blank one, still on screen or
        answered and waiting."""
        return answers is None and (bool(self.given) or self.screen.is_attached)

    def take_over(self, answered: Answered) -> None:
        """From now on its answer goes to `answered`; one given already goes to it next, once
        the flow that takes it over is ready for it (as Textual hands a screen's answer on)."""
        self.answered = answered
        given, self.given = self.given, []
        for report in given:
            self.app.call_later(answered, report)

    def take_away(self) -> None:
        """Off the screen, with whatever was put over it (the too-small notice comes back over
        the screen that is shown next)."""
        if self.screen in self.app.screen_stack:
            self.screen.pop_until_active()
            self.app.pop_screen()
