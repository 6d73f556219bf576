"""Small modal questions: confirm quitting mid-set, resume an interrupted session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.key_legend import footer


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question. y/Enter on "yes", n/Escape for no."""

    CSS_PATH = css("dialogs")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="yes"),
        Binding("n,escape", "answer(False)", "No", id="no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="primary")
                yield Button(f"{self.no_label} (n)", id="no")
        yield from footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class NoticeScreen(ModalScreen[bool]):
    """Important advice to read. Enter: understood (True); Escape: remind me next time (False)."""

    CSS_PATH = css("dialogs")
    BINDINGS = [
        Binding("enter", "answer(True)", "I understand", id="ok", priority=True),
        Binding("escape", "answer(False)", "Remind me next time", id="later"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog notice"):
            yield Label(self.title_text, classes="question")
            yield Label(self.text, classes="notice-text")
            with Horizontal(classes="buttons"):
                yield Button("I understand (Enter)", id="ok", variant="primary")
                yield Button("Remind me next time (Esc)", id="later")
        yield from footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ok")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class WarningSignsScreen(ModalScreen[str]):
    """New answers take back warning signs that still hold. m: ticked by mistake (only at the
    check where they were ticked); d: a doctor has checked me; k or Escape: they stand.
    Dismisses with "mistake", "doctor" or "keep"."""

    CSS_PATH = css("dialogs")
    BINDINGS = [
        Binding("m", "answer('mistake')", "Ticked by mistake", id="mistake"),
        Binding("d", "answer('doctor')", "A doctor has checked me", id="doctor"),
        Binding("k,escape", "answer('keep')", "They stand", id="keep"),
    ]

    def __init__(self, question: str, mistake_allowed: bool = True) -> None:
        super().__init__()
        self.question = question
        self.mistake_allowed = mistake_allowed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "answer" or parameters != ("mistake",) or self.mistake_allowed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog notice"):
            yield Label(self.question, classes="notice-text")
            with Horizontal(classes="buttons"):
                if self.mistake_allowed:
                    yield Button("A mistake (m)", id="mistake")
                yield Button("Doctor checked (d)", id="doctor")
                yield Button("They stand (k)", id="keep", variant="primary")
        yield from footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id))

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
