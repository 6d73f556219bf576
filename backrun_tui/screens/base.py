"""Helpers shared by the screens: their stylesheet paths and the messages the app sends them."""

from __future__ import annotations

from textual.message import Message

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
