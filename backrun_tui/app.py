"""BackrunApp: wires the screens together in the order of a session. No rules live here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import events
from textual.app import App

from backrun_tui import __version__
from backrun_tui.context import Context
from backrun_tui.screens.base import css
from backrun_tui.screens.too_small import TooSmallScreen, too_small
from backrun_tui.session_flow import SessionFlow
from backrun_tui.store.errors import StoreError

T = TypeVar("T")


class BackrunApp(App[None]):
    TITLE = "backrun"
    SUB_TITLE = "advice, not a diagnosis"
    CSS_PATH = css("app")

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.sub_title = f"{self.SUB_TITLE} · v{__version__}"
        ctx.settings = ctx.store.load_settings()
        self.flow = SessionFlow(self)

    def on_mount(self) -> None:
        self.flow.launch()
        self.check_size(self.size.width, self.size.height)

    # --- safety nets ---

    def saved(self, action: Callable[..., T], *args: object) -> T | None:
        """Run a store call; a failure is told to the user and the app carries on."""
        try:
            return action(*args)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height):
            if showing:
                self.screen.show_size(width, height)  # type: ignore[attr-defined]
            else:
                self.push_screen(TooSmallScreen())
        elif showing:
            self.pop_screen()
