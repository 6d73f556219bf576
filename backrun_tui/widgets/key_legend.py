"""The keys that work now, wrapped over as many lines as they need: on a narrow terminal it
takes the footer's place, which would cut the keys that do not fit."""

from __future__ import annotations

from collections.abc import Iterator

from rich.markup import escape
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static


class KeyLegend(Static):
    """Lists the screen's shown, enabled bindings ("space Rep · ⌫ Undo · ..."), one entry per
    action, updated whenever the screen's bindings change."""

    # Shown instead of the footer on a narrow screen: see styles/app.tcss.

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.show_keys)
        self.show_keys(self.screen)

    def show_keys(self, screen: Screen[object]) -> None:
        self.update(" · ".join(self.entries(screen)))

    def entries(self, screen: Screen[object]) -> Iterator[str]:
        seen: set[tuple[str, str]] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not (active.enabled and binding.show and binding.description):
                continue
            if (binding.action, binding.description) in seen:
                continue
            seen.add((binding.action, binding.description))
            key = escape(self.app.get_key_display(binding))
            yield f"[b]{key}[/b] {escape(binding.description)}"


def footer() -> ComposeResult:
    """The footer, and on a narrow terminal the screen's message line and the legend that
    replace it (the app's messages go to that line there, not into toasts)."""
    from textual.containers import Vertical

    from backrun_tui.widgets.status_line import StatusLine

    yield Footer(compact=True, show_command_palette=False)
    with Vertical(classes="bottom-bar"):
        yield StatusLine()
        yield KeyLegend()
