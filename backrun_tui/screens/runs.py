"""Your runs: running time per week as a dated chart, and each run, newest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static

from backrun_tui.coach.run_stats import weekly_running
from backrun_tui.coach.runs import RUN_COLUMNS, Run, run_row
from backrun_tui.screens.base import css
from backrun_tui.service import SessionService
from backrun_tui.widgets.bar_chart import BarChart
from backrun_tui.widgets.key_legend import footer

WEEKS_SHOWN = 12
NO_RUNS = (
    "No runs yet. Bring them in from your watch with\n"
    "  backrun runs import FILE-OR-FOLDER\n"
    "(GPX, TCX or FIT files, or a Strava export ZIP)."
)


class RunsScreen(Screen[None]):
    CSS_PATH = css("history")
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="back")]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self.runs: list[Run] = []

    def compose(self) -> ComposeResult:
        self.runs = runs = self.service.runs()
        today = self.service.clock().date()
        yield Header()
        with VerticalScroll(id="history"):
            if not runs:
                yield Static(NO_RUNS, id="no-runs")
            else:
                weeks = weekly_running(runs, today, WEEKS_SHOWN)
                minutes = [(monday, m) for monday, m, _ in weeks]
                km = sum(k for _, _, k in weeks)
                yield Label(
                    f"Running time per week (minutes, last {WEEKS_SHOWN} weeks): this week "
                    f"{minutes[-1][1]}, most {max(m for _, m in minutes)}; {km:.1f} km in all",
                    classes="heading",
                )
                yield BarChart(minutes, max([60, *(m for _, m in minutes)]), id="weekly-runs")
                yield Label(f"Runs, newest first ({len(runs)})", classes="heading")
                yield DataTable(id="runs", cursor_type="row", zebra_stripes=True)
        yield from footer()

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.add_columns(*RUN_COLUMNS)
            table.add_rows(run_row(run) for run in self.runs)
            table.focus(scroll_visible=False)  # the chart stays in view above it
