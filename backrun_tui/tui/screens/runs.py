"""Your runs: running per week against pain as a dated chart, your pattern, each run newest
first, and the changes you made to them. Log a run (n), correct (Enter), delete (d) or restore
the last deleted (u)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, Static

from backrun_tui.coach.running.run_log import change_log, run_words
from backrun_tui.coach.running.runs import RUN_COLUMNS, Run, run_row
from backrun_tui.coach.session.events import RunDeleted, RunRestored
from backrun_tui.service import SessionService
from backrun_tui.tui.screens.base import css, recompose_keeping_focus
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.run_form import RunFormScreen
from backrun_tui.tui.screens.running_chart import pattern_since, running_and_pain
from backrun_tui.tui.widgets.key_legend import footer

ROWS_AT_ONCE = 40  # runs added to the table at a time (m adds more)
NO_RUNS = (
    "No runs yet. Log one with n, or bring them in from your watch with\n"
    "  backrun runs import FILE-OR-FOLDER\n"
    "(GPX, TCX or FIT files, or a Strava export ZIP)."
)


class RunsScreen(Screen[None]):
    CSS_PATH = css("history")
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="back"),
        Binding("n", "log", "Log a run", id="log"),
        Binding("enter,e", "correct", "Correct", id="correct"),
        Binding("d,delete", "delete", "Delete", id="delete"),
        Binding("u", "restore", "Restore deleted", id="restore"),
        Binding("m", "more", "More runs", id="more"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self.everything: list[Run] = []  # deleted runs too: the log names them
        self.runs: list[Run] = []

    def compose(self) -> ComposeResult:
        self.everything = self.service.runs(deleted=True)
        self.runs = runs = [r for r in self.everything if r.deleted_at is None]
        now = self.service.clock()
        yield Header()
        with VerticalScroll(id="history"):
            if not runs:
                yield Static(NO_RUNS, id="no-runs")
            else:
                pains = self.service.pains_since(pattern_since(now))
                yield from running_and_pain(runs, pains, now)
                yield Label(self.table_title(ROWS_AT_ONCE), classes="heading", id="runs-title")
                yield DataTable(id="runs", cursor_type="row", zebra_stripes=True)
            log = change_log(self.everything)
            if log:
                restore = (
                    " (u restores the last deleted)" if self.check_action("restore", ()) else ""
                )
                yield Label(f"Your changes to runs, newest first{restore}", classes="heading")
                yield Static("\n".join(log), id="run-changes")
        yield from footer()

    def on_mount(self) -> None:
        self.fill()

    def table_title(self, shown: int) -> str:
        title = f"Runs, newest first ({len(self.runs)}): n log · ⏎ correct · d delete"
        if shown < len(self.runs):
            title += f" · m more (the newest {shown} shown)"
        return title

    def fill(self, rows: int = ROWS_AT_ONCE) -> None:
        for table in self.query(DataTable):
            table.add_columns(*RUN_COLUMNS)
            table.focus(scroll_visible=False)  # the chart stays in view above it
            self.add_rows(table, rows)

    def add_rows(self, table: DataTable[str], rows: int) -> None:
        """Runs into the table a page at a time: the screen opens as fast with years of runs
        as with a week's."""
        shown = table.row_count
        table.add_rows(run_row(run) for run in self.runs[shown : shown + rows])
        self.query_one("#runs-title", Label).update(self.table_title(table.row_count))
        self.refresh_bindings()

    def action_more(self) -> None:
        for table in self.query(DataTable):
            self.add_rows(table, ROWS_AT_ONCE)

    async def reload(self, row: int = 0) -> None:
        tables = self.query(DataTable)
        shown = tables.first().row_count if tables else 0
        await recompose_keeping_focus(self)
        self.fill(max(ROWS_AT_ONCE, shown, row + 1))  # as many rows as before, or more
        for table in self.query(DataTable):
            table.move_cursor(row=min(row, len(self.runs) - 1))

    def highlighted(self) -> tuple[int, Run] | None:
        tables = self.query(DataTable)
        if not tables or not self.runs:
            return None
        row = tables.first().cursor_row
        return (row, self.runs[row]) if 0 <= row < len(self.runs) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("correct", "delete"):
            return self.highlighted() is not None
        if action == "more":
            tables = self.query(DataTable)
            return bool(tables) and tables.first().row_count < len(self.runs)
        if action == "restore":
            return any(r.deleted_at is not None for r in self.everything)
        return True

    def on_data_table_row_selected(self) -> None:
        self.action_correct()  # Enter on a row

    # The form and the question are awaited in workers: the screen drawn anew inside a dismiss
    # callback waits on the loop that runs the callback (see AdviceScreen.action_log_run).

    @work(exclusive=True, group="runs-dialog")
    async def action_log(self) -> None:
        if await self.app.push_screen_wait(RunFormScreen(self.service)):
            await self.reload()

    @work(exclusive=True, group="runs-dialog")
    async def action_correct(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return
        row, run = chosen
        if await self.app.push_screen_wait(RunFormScreen(self.service, run)):
            await self.reload(row)

    @work(exclusive=True, group="runs-dialog")
    async def action_delete(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return
        row, run = chosen
        question = f"Delete the run of {run_words(run)}? It stays in the log; u restores it."
        if await self.app.push_screen_wait(ConfirmScreen(question, "Delete", "Keep")):
            self.say(self.service.apply(RunDeleted(run)).message)
            await self.reload(row)

    @work(exclusive=True, group="runs-dialog")
    async def action_restore(self) -> None:
        deleted = [r for r in self.everything if r.deleted_at is not None]
        if not deleted:
            return
        last = max(deleted, key=lambda r: r.deleted_at or r.started_at)
        self.say(self.service.apply(RunRestored(last)).message)
        await self.reload(self.runs_index_after_restore(last))

    def runs_index_after_restore(self, run: Run) -> int:
        return sum(1 for r in self.runs if r.started_at > run.started_at)

    def say(self, message: str) -> None:
        if self.service.unsaved:
            self.notify(self.service.unsaved, severity="warning", timeout=10)
        elif message:
            self.notify(message)
