"""Shown over everything while the terminal is smaller than the screens need."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from backrun_tui.tui.screens.base import css

MIN_SIZE = (80, 24)
MIN_SIZE_PLAIN = (60, 18)  # --plain draws counts as one line of text
# Held upright (a phone in a browser, a tall narrow pane): narrow, but with rows to stack what
# sits side by side on a wide screen. 42 columns is a 360-pixel phone at 14-pixel type.
MIN_SIZE_UPRIGHT = (42, 36)


def too_small(width: int, height: int, *, plain: bool = False) -> bool:
    min_width, min_height = MIN_SIZE_PLAIN if plain else MIN_SIZE
    upright_width, upright_height = MIN_SIZE_UPRIGHT
    wide_enough = width >= min_width and height >= min_height
    return not (wide_enough or (width >= upright_width and height >= upright_height))


class TooSmallScreen(Screen[None]):
    CSS_PATH = css("dialogs")

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def __init__(self, *, plain: bool = False) -> None:
        super().__init__()
        self.plain = plain
        self.resumed_before = False

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def on_screen_resume(self) -> None:
        """On top again after a screen that came up over it: gone if the window grew meanwhile
        (not when first shown: the size may not be known yet)."""
        if not self.resumed_before:
            self.resumed_before = True
            return
        width, height = self.app.size
        if too_small(width, height, plain=self.plain):
            self.show_size(width, height)
        else:
            self.dismiss()

    def show_size(self, width: int, height: int) -> None:
        min_width, min_height = MIN_SIZE_PLAIN if self.plain else MIN_SIZE
        upright_width, upright_height = MIN_SIZE_UPRIGHT
        hint = "" if self.plain else "\n(backrun --plain needs only 60x18.)"
        upright = f"\nor {upright_width} columns by {upright_height} rows, held upright."
        # Resized again before this screen was composed: on_mount shows the size then.
        for label in self.query("#too-small").results(Static):
            label.update(
                f"This terminal is {width}x{height}.\nbackrun needs at least "
                f"{min_width}x{min_height},{upright}\n\nPlease make the window bigger.\n"
                f"Nothing is lost meanwhile. (Ctrl+Q quits.){hint}"
            )
