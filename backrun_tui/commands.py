"""Command palette entries: start a session, history, export, settings, help."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.screen import Screen

from backrun_tui.coach.settings import Settings
from backrun_tui.export import FORMATS, export
from backrun_tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.screens.history import HistoryScreen
from backrun_tui.screens.rep_counter import RepCounterScreen
from backrun_tui.screens.settings import SettingsScreen
from backrun_tui.store.atomic_storage import write_atomically
from backrun_tui.store.repository import Store

if TYPE_CHECKING:
    from backrun_tui.app import BackrunApp

EXTENSIONS = {"csv": "csv", "json": "json", "markdown": "md"}


def data_location(store: Store) -> str:
    if store.data_dir is None:
        return "This run keeps its data in memory only."
    return f"Your plan and history are in {store.data_dir} (plain JSON, readable by you alone)."


def palette_commands(app: BackrunApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Start a session", "A new symptom check, then today's session", lambda: start_session(app)
    )
    yield SystemCommand(
        "History",
        "Your sessions, pain over time and your streak",
        lambda: app.push_screen(HistoryScreen(app.ctx)),
    )
    yield SystemCommand(
        "Export", "Write your data as CSV, JSON and a Markdown report", lambda: export_all(app)
    )
    yield SystemCommand(
        "Settings", "Sets, rep range, rest, bell, outdoor", lambda: open_settings(app)
    )
    yield SystemCommand(
        "Help", "Keys, the programme, safety, where your data lives", app.action_help
    )


def in_workout(app: BackrunApp) -> bool:
    return any(isinstance(s, RepCounterScreen) for s in app.screen_stack)


def start_session(app: BackrunApp) -> None:
    if in_workout(app):
        app.notify("A session is under way: end it first with q.", severity="warning")
        return
    while len(app.screen_stack) > 1:
        app.pop_screen()
    app.flow.doctor_advice_then_check()


def open_settings(app: BackrunApp) -> None:
    if isinstance(app.screen, ExercisePickerScreen):
        app.screen.action_settings()  # the picker also updates today's list
        return

    def save(settings: Settings | None) -> None:
        if settings is not None:
            app.ctx.settings = settings
            app.saved(app.ctx.store.save_settings, settings)
            app.notify("Settings saved. They apply from the next exercise list.")

    app.push_screen(SettingsScreen(app.ctx.settings), save)


def export_all(app: BackrunApp) -> None:
    """Write the three formats into the data folder's exports/ folder."""
    store = app.ctx.store
    if store.data_dir is None:
        app.notify("This run has no data folder to export to.", severity="warning")
        return
    now = app.ctx.clock()
    folder = store.data_dir / "exports"
    try:
        for fmt in FORMATS:
            text = export(store, app.ctx.catalog, fmt, now)
            write_atomically(
                folder / f"backrun-{now:%Y%m%d-%H%M%S}.{EXTENSIONS[fmt]}", text.encode()
            )
    except OSError as error:
        app.notify(f"Export failed: {error.strerror}", severity="error")
        return
    app.notify(f"Exported to {folder}", title="Export", timeout=10)
