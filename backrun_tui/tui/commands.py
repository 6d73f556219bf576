"""Command palette entries: start a session, history, export, settings, help."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App, SystemCommand

from backrun_tui.report.export import FORMATS, export
from backrun_tui.service import SessionService
from backrun_tui.store.atomic_storage import write_atomically
from backrun_tui.store.repository import Store
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.tui.screens.history import HistoryScreen
from backrun_tui.tui.screens.run_form import RunFormScreen
from backrun_tui.tui.screens.runs import RunsScreen
from backrun_tui.tui.screens.settings import SettingsScreen

EXTENSIONS = {"csv": "csv", "json": "json", "markdown": "md", "html": "html"}


def data_location(store: Store) -> str:
    if store.data_dir is None:
        return "This run keeps its data in memory only."
    return f"Your plan and history are in {store.data_dir} (plain JSON, readable by you alone)."


def palette_commands(
    app: App[Any],
    ctx: Context,
    service: SessionService,
    start_over: Callable[[], None],
    show_help: Callable[[], None],
) -> Iterable[SystemCommand]:
    yield SystemCommand("Start a session", "A new symptom check, then today's session", start_over)
    yield SystemCommand(
        "History",
        "Your sessions, pain over time and your streak",
        lambda: app.push_screen(HistoryScreen(service)),
    )
    yield SystemCommand(
        "Runs",
        "Your runs and running time per week; log, correct or delete a run",
        lambda: app.push_screen(RunsScreen(service)),
    )
    yield SystemCommand(
        "Log a run",
        "A run by hand: day, minutes, km, effort, how the back felt after",
        lambda: log_run(app, service),
    )
    yield SystemCommand(
        "Export",
        "Write your data as CSV, JSON, and a report in Markdown and HTML",
        lambda: export_all(app, ctx),
    )
    yield SystemCommand(
        "Settings", "Sets, rep range, rest, bell, outdoor", lambda: open_settings(app, service)
    )
    yield SystemCommand("Help", "Keys, the programme, safety, where your data lives", show_help)
    yield SystemCommand(
        "Theme", "The colours of backrun (kept for next time)", app.action_change_theme
    )
    yield SystemCommand("Quit", "Leave backrun: every rep is saved as you tap it", app.action_quit)


def open_settings(app: App[Any], service: SessionService) -> None:
    if isinstance(app.screen, ExercisePickerScreen):
        app.screen.action_settings()  # the picker also shows today's list anew
        return
    app.push_screen(SettingsScreen(service))


def log_run(app: App[Any], service: SessionService) -> None:
    if isinstance(app.screen, RunsScreen):
        app.screen.action_log()  # the runs list then shows the new run
        return
    app.push_screen(RunFormScreen(service))


def export_all(app: App[Any], ctx: Context) -> None:
    """Write the three formats into the data folder's exports/ folder."""
    store = ctx.store
    if store.data_dir is None:
        app.notify("This run has no data folder to export to.", severity="warning")
        return
    now = ctx.clock()
    folder = store.data_dir / "exports"
    written: list[str] = []
    try:
        for fmt in FORMATS:
            text = export(store, ctx.catalog, fmt, now)
            name = f"backrun-{now:%Y%m%d-%H%M%S}.{EXTENSIONS[fmt]}"
            write_atomically(folder / name, text.encode())
            written.append(name)
    except OSError as error:
        done = f" ({', '.join(written)} written)" if written else ""
        app.notify(f"Export failed: {error.strerror}{done}", severity="error")
        return
    app.notify(
        f"Wrote {', '.join(written)} in {folder} (the .html is the report for a physio)",
        title="Export",
        timeout=15,
    )
