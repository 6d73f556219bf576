"""The keys that work now, wrapped over as many lines as they need: on a narrow terminal it
takes the footer's place, which would cut the keys that do not fit."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from backrun_tui.tui.widgets.shown_keys import shown_keys
from backrun_tui.tui.widgets.status_line import StatusLine
from backrun_tui.tui.widgets.touch_keys import TouchKeys


class KeyLegend(Static):
    """Lists the screen's shown, enabled bindings ("space Rep · ⌫ Undo · ..."), one entry per
    action, updated whenever the screen's bindings change."""

    # Shown instead of the footer on a narrow screen: see styles/app.tcss.

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.show_keys)
        self.show_keys(self.screen)

    def show_keys(self, screen: Screen[object]) -> None:
        shown = [(shown_as, description) for _, _, description, shown_as in shown_keys(screen)]
        self.update(" · ".join(f"[b]{escape(k)}[/b] {escape(d)}" for k, d in shown))
        # Where the footer cannot hold every key on one line, the legend takes its place.
        footer_width = sum(len(key) + len(description) + 2 for key, description in shown)
        width = screen.size.width
        if width and (footer_width > width) != screen.has_class("-keys-wrap"):  # laid out
            screen.set_class(footer_width > width, "-keys-wrap")


class BottomBar(Vertical):
    """The message line and the keys, docked at the bottom; a new width looks again at whether
    the footer's keys fit."""

    def on_resize(self) -> None:
        for legend in self.query(KeyLegend):
            legend.show_keys(self.screen)


def footer() -> ComposeResult:
    """The bottom of every screen: its message line (the app's messages go there, not into
    toasts that would cover what the runner reads), then its keys: Textual's footer, or on a
    narrow terminal the legend that wraps instead of cutting keys off."""
    with BottomBar(classes="bottom-bar"):
        yield StatusLine()
        yield KeyLegend()
        yield Footer(compact=True, show_command_palette=False)
        yield TouchKeys()
