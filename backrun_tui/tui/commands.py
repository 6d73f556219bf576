"""The command palette's entries, made from the command table; and where your data lives."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand

from backrun_tui.store.repository import Store
from backrun_tui.tui.command_table import COMMANDS


def data_location(store: Store) -> str:
    if store.data_dir is None:
        return "This run keeps its data in memory only."
    return f"Your plan and history are in {store.data_dir} (plain JSON, readable by you alone)."


def palette_commands(app: App[Any]) -> Iterable[SystemCommand]:
    """Every command of the table, in its order: each runs the app's action of that name."""
    for command in COMMANDS:
        yield SystemCommand(command.title, command.help, partial(app.run_action, command.action))
