"""A form screen: Ctrl+S, Enter in a field or the Save button saves; Esc or Cancel leaves it.
Dismisses with True when something was saved, False when cancelled. A form has a scrolling body
with a `#problem` line for what is wrong."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static


class FormScreen(Screen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        raise NotImplementedError  # each form checks and sends its own fields

    def action_cancel(self) -> None:
        self.dismiss(False)

    def show_problem(self, text: str, field: str = "") -> None:
        """Say what is wrong, with the focus on the field to fix (if named)."""
        self.query_one("#problem", Static).update(text)
        if field:
            self.query_one(f"#{field}").focus()
        self.call_after_refresh(self.tell_if_out_of_view, text)

    def tell_if_out_of_view(self, problem: str) -> None:
        """On a small terminal the message may be below the fold: then it is a toast too."""
        body = self.query_one(VerticalScroll)
        if not body.can_view_entire(self.query_one("#problem")):
            words = problem.removeprefix("Not saved. ").removeprefix("Not saved: ")
            self.notify(words, title="Not saved", severity="error")
