"""Helpers shared by the screens: their stylesheet paths and the messages the app sends them."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.screen import Screen

from backrun_tui.resources import styles_dir


def css(name: str) -> str:
    """Absolute path of a stylesheet in styles/, so it is found wherever backrun is installed."""
    return str(styles_dir() / f"{name}.tcss")


class FirstFramePainted(Message, bubble=False):
    """Sent by the app to every screen once its first frame is on the terminal: a screen can
    leave what is below the fold until then, so the first frame comes sooner."""


class SavedStateChanged(Message, bubble=False):
    """Sent by the app to every screen when a save fails or, retried, succeeds: a screen that
    says whether everything is saved looks again."""


async def recompose_keeping_focus(screen: Screen[Any]) -> None:
    """Draw the screen anew from its state, with the focus where it was (the widget with the same
    id), else on the first thing that takes it, as when the screen opened: a recompose removes
    the focused widget, and a screen with nothing focused left its footer's keys blank."""
    focused = screen.focused.id if screen.focused is not None else None
    await screen.recompose()
    again = screen.query(f"#{focused}") if focused else None
    if again:
        again.first().focus()
    elif screen.focused is None:
        screen.focus_next()
