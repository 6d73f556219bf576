"""The rep counter's buttons, for a mouse or a touch screen beside the mat: each runs the same
action as its key (the big count itself is tapped for a rep). In a browser they are three rows
tall, and "Painful" stands apart at the far end, away from "Set done"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

# (label, the screen's action, id); a touch screen's labels leave the keys out
BUTTONS = (
    ("Undo ⌫", "screen.undo", "undo-button"),
    ("Set done ⏎", "screen.finish_set", "finish-button"),
    ("Painful (p)", "screen.painful", "painful-button"),
)
TOUCH_LABELS = {"undo-button": "Undo", "finish-button": "Set done", "painful-button": "Painful"}


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
    CounterButtons .apart {
        width: 1fr;
        min-width: 4;
    }
    CounterButtons.-touch Button {
        margin: 0 0 0 1;
        min-width: 0;
    }
    """

    def compose(self) -> ComposeResult:
        touch = self.app.is_web
        self.set_class(touch, "-touch")
        for label, action, button_id in BUTTONS:
            painful = button_id == "painful-button"
            if painful and touch:
                yield Static("", classes="apart")  # a thumb aiming at "Set done" misses it
            yield Button(
                TOUCH_LABELS[button_id] if touch else label,
                action=action,
                id=button_id,
                compact=not touch,
                variant="error" if painful else "default",
            )

    def on_mount(self) -> None:
        for button in self.query(Button):
            button.can_focus = False  # Space and Enter stay the counter's keys
