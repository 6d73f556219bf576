"""BackrunApp: wires the screens together in the order of a session. No rules live here."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from backrun_tui import __version__
from backrun_tui.context import Context
from backrun_tui.screens.base import FirstFramePainted, css
from backrun_tui.screens.too_small import TooSmallScreen, too_small
from backrun_tui.session_flow import SessionFlow
from backrun_tui.store.errors import StoreError

T = TypeVar("T")


class BackrunApp(App[None]):
    TITLE = "backrun"
    SUB_TITLE = "advice, not a diagnosis"
    CSS_PATH = css("app")
    BINDINGS = [Binding("f1,question_mark", "help", "Help", id="help")]

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.sub_title = f"{self.SUB_TITLE} · v{__version__}"
        ctx.settings = ctx.store.load_settings()
        self.flow = SessionFlow(self)
        self.first_frame_painted = False
        if ctx.plain:
            self.add_class("-plain")

    def on_load(self) -> None:
        # Before the terminal enters application mode: a signal during startup must not leave
        # it in the alternate screen (on_mount comes after the switch).
        self.watch_signals()

    def on_mount(self) -> None:
        theme = self.ctx.store.load_theme()
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        # After Textual's start-up batch: a screen pushed inside it is drawn but not sent, and
        # then reaches the terminal piece by piece instead of as one whole first frame.
        self.call_later(self.launch)

    def launch(self) -> None:
        self.flow.launch()
        self.check_size(self.size.width, self.size.height)

    def on_ready(self) -> None:
        # Textual has laid out the first screen: its frame is sent at the next refresh.
        self.screen.call_after_refresh(self.after_first_frame)

    def after_first_frame(self) -> None:
        """Start-up is over. What it built lives as long as the app, so it is set aside from the
        garbage collector, which `backrun` held off until now; then the screens waiting for the
        first frame fill in the rest."""
        self.first_frame_painted = True
        gc.freeze()
        gc.enable()
        for screen in self.screen_stack:
            screen.post_message(FirstFramePainted())

    def watch_signals(self) -> None:
        """Terminal closed (SIGHUP) or asked to stop (SIGTERM): save and exit cleanly, so the
        terminal is restored. Every rep is already saved, so exiting loses nothing."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.exit_on_signal, signum)

    def exit_on_signal(self, signum: int) -> None:
        self.saved(self.flow.save_before_exit)
        # After the next refresh, so a screen being mounted right now finishes first (Textual's
        # Header fails if its app exits in between).
        self.call_after_refresh(self.exit, None, 128 + signum)

    # --- help, commands, theme ---

    def action_help(self) -> None:
        # Loaded on first use: the help's Markdown costs start-up time otherwise.
        from backrun_tui.commands import data_location
        from backrun_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(data_location(self.ctx.store)))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from backrun_tui.commands import palette_commands  # first use only, as for the help

        yield from palette_commands(self, screen)
        yield from super().get_system_commands(screen)

    def remember_theme(self, theme: Theme) -> None:
        self.saved(self.ctx.store.save_theme, theme.name)

    # --- safety nets ---

    def saved(self, action: Callable[..., T], *args: object) -> T | None:
        """Run a store call; a failure is told to the user and the app carries on."""
        try:
            return action(*args)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None
        finally:
            self.tell_store_notes()

    def tell_store_notes(self) -> None:
        """Say what the store had to do to a file (moved aside, upgraded) the moment it happens."""
        notes = self.ctx.store.notes
        while notes:
            self.notify(notes.pop(0), title="About your data", severity="warning", timeout=15)

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height, plain=self.ctx.plain):
            if showing:
                self.screen.show_size(width, height)  # type: ignore[attr-defined]
            else:
                self.push_screen(TooSmallScreen(plain=self.ctx.plain))
        elif showing:
            self.pop_screen()
