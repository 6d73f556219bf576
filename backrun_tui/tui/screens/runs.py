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
from backrun_tui.coach.session.session_state import Transition
from backrun_tui.coach.session.writes import SaveRun
from backrun_tui.tui.command_table import key_binding
from backrun_tui.tui.screens.base import css, recompose_keeping_focus
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.run_form import RunFormScreen
from backrun_tui.tui.screens.running_chart import pattern_since, running_and_pain
from backrun_tui.tui.session_view import SessionView, tell_coach
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
        key_binding("log_run"),
        Binding("enter,e", "correct", "Correct", id="correct"),
        Binding("d,delete", "delete", "Delete", id="delete"),
        Binding("u", "restore", "Restore deleted", id="restore"),
        Binding("m", "more", "More runs", id="more"),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.everything: list[Run] = []  # deleted runs too: the log names them
        self.runs: list[Run] = []
        self.keep_row = 0  # where the cursor goes when the runs are shown anew

    def compose(self) -> ComposeResult:
        self.everything = self.view.runs(deleted=True)
        self.runs = runs = [r for r in self.everything if r.deleted_at is None]
        now = self.view.now()
        yield Header()
        with VerticalScroll(id="history"):
            if not runs:
                yield Static(NO_RUNS, id="no-runs")
            else:
                pains = self.view.pains_since(pattern_since(now))
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
        self.view.follow(self, self.on_step)

    def table_title(self, shown: int) -> str:
        title = f"Runs, newest first ({len(self.runs)}): l log · ⏎ correct · d delete"
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

    # --- keys: each run change goes to the coach; the table is shown anew once it is made ---

    def on_step(self, step: Transition) -> None:
        """A run logged, corrected, deleted or restored (here or in the form): read them again,
        with the cursor where the change was."""
        if any(isinstance(write, SaveRun) for write in step.writes):
            self.run_worker(self.reload(self.keep_row), group="runs-reload", exclusive=True)

    def action_log_run(self) -> None:
        self.keep_row = 0
        self.app.push_screen(RunFormScreen(self.view))

    def action_correct(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return
        self.keep_row, run = chosen
        self.app.push_screen(RunFormScreen(self.view, run))

    @work(exclusive=True, group="runs-dialog")
    async def action_delete(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return
        row, run = chosen
        question = f"Delete the run of {run_words(run)}? It stays in the log; u restores it."
        if await self.app.push_screen_wait(ConfirmScreen(question, "Delete", "Keep")):
            self.keep_row = row
            tell_coach(self, RunDeleted(run), then=self.say)

    def action_restore(self) -> None:
        deleted = [r for r in self.everything if r.deleted_at is not None]
        if not deleted:
            return
        last = max(deleted, key=lambda r: r.deleted_at or r.started_at)
        self.keep_row = self.runs_index_after_restore(last)
        tell_coach(self, RunRestored(last), then=self.say)

    def runs_index_after_restore(self, run: Run) -> int:
        return sum(1 for r in self.runs if r.started_at > run.started_at)

    def say(self, step: Transition) -> None:
        if self.view.unsaved:
            self.app.notify(self.view.unsaved, severity="warning", timeout=10)
        elif step.message:
            self.app.notify(step.message)
