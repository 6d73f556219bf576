"""Helpers shared by the screens: their stylesheet paths."""

from __future__ import annotations

from backrun_tui.resources import styles_dir


def css(name: str) -> str:
    """Absolute path of a stylesheet in styles/, so it is found wherever backrun is installed."""
    return str(styles_dir() / f"{name}.tcss")
