"""The rep counter's buttons, for a mouse or a touch screen beside the mat: each runs the same
action as its key (the big count itself is tapped for a rep)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

# (label, the screen's action, id)
BUTTONS = (
    ("Undo ⌫", "screen.undo", "undo-button"),
    ("Set done ⏎", "screen.finish_set", "finish-button"),
    ("Painful (p)", "screen.painful", "painful-button"),
)


class CounterButtons(Horizontal):
    DEFAULT_CSS = """
    CounterButtons {
        height: auto;
        align-horizontal: center;
    }
    CounterButtons Button {
        margin: 0 1;
        min-width: 12;
    }
    """

    def compose(self) -> ComposeResult:
        for label, action, button_id in BUTTONS:
            painful = button_id == "painful-button"
            yield Button(
                label,
                action=action,
                id=button_id,
                compact=True,
                variant="error" if painful else "default",
            )

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False  # Space and Enter stay the counter's keys
