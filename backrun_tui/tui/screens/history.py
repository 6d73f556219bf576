"""The history screen: sessions newest first with their changes, the streak, and dated charts
of pain, running against pain (with the runner's pattern), ladder rung, sessions per week and
reps."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Header, Label, Static

from backrun_tui.coach.ladder.history_stats import (
    ladder_series,
    reps_series,
    sessions_per_week,
    sessions_this_week,
    streak_reaches,
    week_streak_newest_first,
)
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import count_of
from backrun_tui.coach.outcomes.psfs import courses
from backrun_tui.coach.session.session_text import SESSION_COLUMNS, session_row
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.screens.running_chart import pattern_since, running_and_pain
from backrun_tui.tui.session_view import SessionView
from backrun_tui.tui.widgets.bar_chart import BarChart, Point
from backrun_tui.tui.widgets.key_legend import footer

SHOWN_DAYS = 365
CHART_POINTS = 60
WEEKS_SHOWN = 12
ROWS_AT_ONCE = 40  # sessions added to the table at a time (m adds more)
SAFETY_TITLE = "Warning signs and doctor advice, newest first"
ACTIVITIES_TITLE = "Your everyday activities (0 = cannot do it, 10 = as before your back hurt)"


class HistoryScreen(Screen[None]):
    CSS_PATH = css("history")
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
        # The page scrolls with these wherever the focus is (the table keeps ↑ ↓ for its rows).
        Binding("pagedown", "page(1)", "Scroll", key_display="PgDn", priority=True),
        Binding("pageup", "page(-1)", "Scroll up", key_display="PgUp", show=False, priority=True),
        Binding("end", "ends(1)", "End", show=False, priority=True),
        Binding("home", "ends(-1)", "Top", show=False, priority=True),
        Binding("m", "more", "More sessions", id="more"),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def recent_sessions(self) -> list[Session]:
        """The last year of sessions, newest first (older years are not read)."""
        cutoff = self.view.now() - timedelta(days=SHOWN_DAYS)
        sessions = []
        for session in self.view.sessions():
            if session.started_at < cutoff:
                break
            sessions.append(session)
        return sessions

    def compose(self) -> ComposeResult:
        today = self.view.now().date()
        sessions = self.sessions = self.recent_sessions()
        yield Header()
        with VerticalScroll(id="history"):
            this_week = sessions_this_week(sessions, today)
            streak = week_streak_newest_first(sessions, today)
            yield Label(self.week_text(this_week, streak), id="week")
            if sessions and streak_reaches(sessions[-1], streak, today):
                # A streak as old as the year shown may go on further back: read on for it once
                # the screen is drawn, so a screen with years behind it opens as fast.
                self.call_after_refresh(self.whole_streak, this_week)
            first_page = min(ROWS_AT_ONCE, len(sessions))
            yield Label(self.table_title(first_page), classes="heading", id="sessions-title")
            if not sessions:
                yield Static("No sessions yet.")
            else:
                yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
                yield Static("", id="changes")
            cutoff = self.view.now() - timedelta(days=SHOWN_DAYS)
            safety = self.view.safety_lines(cutoff)
            if safety:
                yield Label(SAFETY_TITLE, classes="heading")
                yield Static(
                    "\n".join(f"• {at:%d %b %Y %H:%M}: {line}" for at, line in safety),
                    id="safety",
                )
            yield from self.charts(sessions, today)
        yield from footer()

    @staticmethod
    def week_text(this_week: int, streak: int) -> str:
        return (
            f"This week: {count_of(this_week, 'session')} · streak: "
            f"{count_of(streak, 'week')} in a row"
        )

    def whole_streak(self, this_week: int) -> None:
        today = self.view.now().date()
        streak = week_streak_newest_first(self.view.sessions(), today)
        self.query_one("#week", Label).update(self.week_text(this_week, streak))

    def charts(self, sessions: list[Session], today: date) -> ComposeResult:
        """Pain at each check, the highest rung, sessions per week, and reps per session of
        each planned exercise: dates along the bottom, the scale on the left, the numbers in
        the title."""
        catalog, state = self.view.catalog, self.view.state
        pains = [(at.date(), pain) for at, pain in state.checks][-CHART_POINTS:]
        yield from _chart("Pain at each check (0-10)", pains, 10, "pain-chart")
        if state.psfs.activities:  # every year's scores are read once the screen is up
            yield Vertical(id="activities-box")
            self.call_after_refresh(self.show_activities)
        runs = self.view.runs()
        if runs:  # running against pain, and the runner's pattern
            now = self.view.now()
            yield from running_and_pain(runs, self.view.pains_since(pattern_since(now)), now)
        ladder = [(at.date(), rung) for at, rung in ladder_series(sessions, catalog)]
        yield from _chart("Highest ladder rung trained (1-12)", ladder[-CHART_POINTS:], 12)
        weeks = sessions_per_week(sessions, today, WEEKS_SHOWN) if sessions else []
        top = max([3, *(n for _, n in weeks)])
        yield from _chart(f"Sessions per week (last {WEEKS_SHOWN} weeks)", weeks, top)
        for exercise_id in state.plan.exercise_ids:
            series = reps_series(sessions, exercise_id)[-CHART_POINTS:]
            name = catalog.get(exercise_id).name
            top = max([1, *(n for _, n in series)])
            yield from _chart(f"{name}: reps per session", series, top)

    def show_activities(self) -> None:
        """Each everyday activity's scores over time (0 cannot do it, 10 as before), in words
        against the 2-point line, then drawn: filled in after the screen is drawn, since the
        scores of every history year are read for it."""
        shown = courses(self.view.state.psfs, self.view.psfs_scores())
        if not shown:
            return
        widgets: list[Widget] = [
            Label(ACTIVITIES_TITLE, classes="heading"),
            Static("\n".join(f"• {course.words()}" for course in shown), id="activities"),
        ]
        for course in shown:
            if len(course.scores) > 1:
                points = [(s.at.date(), s.score) for s in course.scores][-CHART_POINTS:]
                widgets += list(_chart(f"{course.activity.name} (0-10)", points, 10))
        self.query_one("#activities-box", Vertical).mount_all(widgets)

    def action_page(self, pages: int) -> None:
        page = self.query_one("#history", VerticalScroll)
        page.scroll_relative(y=pages * max(page.size.height - 2, 1), animate=False)

    def action_ends(self, end: int) -> None:
        page = self.query_one("#history", VerticalScroll)
        (page.scroll_end if end > 0 else page.scroll_home)(animate=False)

    def table_title(self, shown: int) -> str:
        title = "Sessions, newest first (↑ ↓ to read a session's changes; PgDn for the charts)"
        if shown < len(self.sessions):
            title += f"; the newest {shown} of {len(self.sessions)}, m shows more"
        return title

    def on_mount(self) -> None:
        tables = self.query(DataTable)
        if not tables:
            return
        table = tables.first()
        table.focus()  # ↑ ↓ read each session's changes
        table.add_columns(*SESSION_COLUMNS)
        self.action_more()
        self.show_changes(0)

    def action_more(self) -> None:
        """The next sessions in the table: a page at a time, so the screen opens as fast with
        a year of sessions as with a week."""
        tables = self.query(DataTable)
        if not tables:
            return
        table = tables.first()
        shown = table.row_count
        for session in self.sessions[shown : shown + ROWS_AT_ONCE]:
            _, *cells, _ = session_row(session)  # changes are read in full below the table
            day = f"{session.started_at:%a %d %b %Y}"  # short enough for 60 columns
            table.add_row(day, *cells, str(len(session.decisions) or "none"))
        self.query_one("#sessions-title", Label).update(self.table_title(table.row_count))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "more":
            tables = self.query(DataTable)
            return bool(tables) and tables.first().row_count < len(self.sessions)
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_changes(event.cursor_row)

    def show_changes(self, row: int) -> None:
        """The highlighted session's changes in full, wrapped (the table cuts them short)."""
        if 0 <= row < len(self.sessions):
            decisions = self.sessions[row].decisions
            text = "\n".join(f"• {d.text}" for d in decisions) or "No changes that day."
            self.query_one("#changes", Static).update(text)


def _chart(title: str, points: list[Point], top: int, id: str | None = None) -> ComposeResult:
    """A chart's title with its numbers in words (nothing relies on the drawing alone), then
    the chart itself when there is something to draw."""
    values = [value for _, value in points]
    if not values:
        yield Label(f"{title}: nothing yet", classes="heading")
        return
    words = f"latest {values[-1]}, lowest {min(values)}, highest {max(values)}"
    yield Label(f"{title}: {words}", classes="heading")
    yield BarChart(points, top, id=id)
