"""The "since last time" card at launch: what the coach changed and why, and what rests."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from backrun_tui.coach.session.since_last import SinceLast, day_text
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.key_legend import footer


class SinceLastScreen(ModalScreen[bool]):
    """Read, then one key (Enter, Space or Escape) goes on to today's check."""

    CSS_PATH = css("dialogs")
    BINDINGS = [
        Binding("enter,space,escape", "read", "Go on", id="read", priority=True),
        Binding("up,k", "scroll(-1)", "Scroll", show=False),
        Binding("down,j", "scroll(1)", "Scroll", show=False),
    ]

    def __init__(self, news: SinceLast) -> None:
        super().__init__()
        self.news = news

    def compose(self) -> ComposeResult:
        news = self.news
        with Vertical(classes="dialog notice", id="since-last"):
            yield Label(
                f"Since your last session ({day_text(news.last_session.date())})",
                classes="question",
            )
            with VerticalScroll(id="since-last-body"):
                if news.changes:
                    yield Label("What the coach changed, and why", classes="heading")
                    yield Static("\n".join(f"• {line}" for line in news.changes))
                if news.chosen:
                    yield Label("What you changed", classes="heading")
                    yield Static("\n".join(f"• {line}" for line in news.chosen))
                if news.resting:
                    yield Label("Resting", classes="heading")
                    yield Static("\n".join(f"• {line}" for line in news.resting))
            yield Button("Go on to today's check ⏎", id="read", variant="primary", compact=True)
        yield from footer()

    def on_mount(self) -> None:
        self.query_one("#since-last-body").focus()

    def on_button_pressed(self) -> None:
        self.dismiss(True)

    def action_read(self) -> None:
        self.dismiss(True)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#since-last-body", VerticalScroll).scroll_relative(y=lines, animate=False)
