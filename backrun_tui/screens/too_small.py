"""Shown over everything while the terminal is smaller than the screens need."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from backrun_tui.screens.base import css

MIN_WIDTH = 80
MIN_HEIGHT = 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    CSS_PATH = css("dialogs")

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.query_one(Static).update(
            f"This terminal is {width}x{height}.\nbackrun needs at least "
            f"{MIN_WIDTH}x{MIN_HEIGHT}.\n\nPlease make the window bigger.\n"
            "Nothing is lost meanwhile. (Ctrl+Q quits.)"
        )
