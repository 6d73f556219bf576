"""One table of what the runner can ask for: each action's palette entry, and where a screen
binds it, its keys and footer label. The palette, the app's keys and the screens' footers are
all made from it, so an action is named once."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class Command(NamedTuple):
    action: str  # the app's action: `BackrunApp.action_<action>`
    title: str  # the palette entry
    help: str  # ... and its line of help
    keys: str = ""  # where a screen binds it (Textual key names, the first one shown)
    footer: str = ""  # its label in the footer


COMMANDS: tuple[Command, ...] = (
    Command("start_session", "Start a session", "A new symptom check, then today's session"),
    Command(
        "history", "History", "Your sessions, pain and everyday activities over time, your streak"
    ),
    Command(
        "activities",
        "Everyday activities",
        "Name, rename, retire or score the activities your back makes hard (0-10)",
    ),
    Command("runs", "Runs", "Your runs and running time per week; log, correct or delete a run"),
    Command(
        "log_run",
        "Log a run",
        "A run by hand: day, minutes, km, effort, how the back felt after",
        keys="l,n",
        footer="Log a run",
    ),
    Command("export", "Export", "Write your data as CSV, JSON, and a report in Markdown and HTML"),
    Command(
        "settings",
        "Settings",
        "Sets, rep range, rest, bell, outdoor, long-run day and race",
        keys="g",
        footer="Settings",
    ),
    Command(
        "help",
        "Help",
        "Keys, the programme, safety, where your data lives",
        keys="f1,question_mark",
        footer="Help",
    ),
    Command("change_theme", "Theme", "The colours of backrun (kept for next time)"),
    Command("quit", "Quit", "Leave backrun: every rep is saved as you tap it"),
)
BY_ACTION = {command.action: command for command in COMMANDS}


def key_binding(action: str, *, show: bool = True) -> Binding:
    """The binding of a command that a screen (or the app) offers by key: the screen's own
    `action_<action>` runs it (the app's, on the app), so the screen can say when it applies."""
    command = BY_ACTION[action]
    assert command.keys, f"{action} has no keys in the command table"
    return Binding(command.keys, action, command.footer, show=show, id=action)
