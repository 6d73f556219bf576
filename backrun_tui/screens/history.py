"""The history screen: sessions newest first, pain and reps over time, ladder position, streak."""

from __future__ import annotations

from datetime import timedelta
from itertools import takewhile

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.history_stats import (
    ladder_series,
    reps_series,
    sessions_this_week,
    week_streak,
)
from backrun_tui.coach.session import Session
from backrun_tui.coach.session_text import SESSION_COLUMNS, session_row
from backrun_tui.screens.base import css
from backrun_tui.service import SessionService
from backrun_tui.widgets.bar_chart import BarChart

SHOWN_DAYS = 365
CHART_POINTS = 60


class HistoryScreen(Screen[None]):
    CSS_PATH = css("history")
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="back")]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service

    def recent_sessions(self) -> list[Session]:
        """The last year of sessions, newest first (older years are not read)."""
        cutoff = self.service.clock() - timedelta(days=SHOWN_DAYS)
        sessions = []
        for session in self.service.sessions():
            if session.started_at < cutoff:
                break
            sessions.append(session)
        return sessions

    def logged_changes(self) -> list[Decision]:
        """The last year of changes made outside a session, newest first."""
        cutoff = self.service.clock() - timedelta(days=SHOWN_DAYS)
        return list(takewhile(lambda d: d.at >= cutoff, self.service.logged_changes()))

    def compose(self) -> ComposeResult:
        catalog, state = self.service.catalog, self.service.state
        today = self.service.clock().date()
        sessions = self.sessions = self.recent_sessions()
        pains = [pain for _, pain in state.checks][-CHART_POINTS:]
        yield Header()
        with VerticalScroll(id="history"):
            this_week, streak = sessions_this_week(sessions, today), week_streak(sessions, today)
            yield Label(
                f"This week: {_count(this_week, 'session')} · streak: "
                f"{_count(streak, 'week')} in a row",
                id="week",
            )
            yield Label(
                "Sessions, newest first (↑ ↓ to read a session's changes)", classes="heading"
            )
            if not sessions:
                yield Static("No sessions yet.")
            else:
                yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
                yield Static("", id="changes")
            corrections = [d for d in self.logged_changes() if d.kind == "correction"]
            if corrections:
                yield Label("Warning signs taken back, newest first", classes="heading")
                yield Static(
                    "\n".join(f"• {d.at:%d %b %Y %H:%M}: {d.text}" for d in corrections),
                    id="corrections",
                )
            yield Label(_chart_title("Pain at each check (0-10)", pains), classes="heading")
            if pains:
                yield BarChart(pains, 10, id="pain-chart")
            ladder = [rung for _, rung in ladder_series(sessions, catalog)][-CHART_POINTS:]
            yield Label(
                _chart_title("Highest ladder rung trained (1-12)", ladder), classes="heading"
            )
            if ladder:
                yield BarChart(ladder, 12, id="ladder-chart")
            for exercise_id in state.plan.exercise_ids:
                series = reps_series(sessions, exercise_id)[-CHART_POINTS:]
                name = catalog.get(exercise_id).name
                yield Label(_chart_title(f"{name}: reps per session", series), classes="heading")
                if series:
                    yield BarChart(series, max(series))
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        tables = self.query(DataTable)
        if not tables:
            return
        table = tables.first()
        table.add_columns(*SESSION_COLUMNS)
        for session in self.sessions:
            table.add_row(*session_row(session))
        self.show_changes(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_changes(event.cursor_row)

    def show_changes(self, row: int) -> None:
        """The highlighted session's changes in full, wrapped (the table cuts them short)."""
        if 0 <= row < len(self.sessions):
            decisions = self.sessions[row].decisions
            text = "\n".join(f"• {d.text}" for d in decisions) or "No changes that day."
            self.query_one("#changes", Static).update(text)


def _chart_title(title: str, values: list[int]) -> str:
    """A chart's title with its numbers in words, so nothing relies on the drawing alone."""
    if not values:
        return f"{title}: nothing yet"
    return f"{title}: latest {values[-1]}, lowest {min(values)}, highest {max(values)}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
