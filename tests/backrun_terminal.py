"""backrun itself in the harness's terminal: the installed command on a data folder, at one of
the three sizes every journey walks."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from terminal_screen import Terminal

SIZES = {"100x30": (100, 30, False), "80x24": (80, 24, False), "60x18-plain": (60, 18, True)}
UPRIGHT = {"46x50-upright": (46, 50, False)}  # a phone's shape: the journeys of that layout


def backrun_command() -> str:
    """$BACKRUN_COMMAND when set (CI's install from the wheel), else the installed `backrun`
    beside this Python (the venv's), else the one on PATH."""
    chosen = os.environ.get("BACKRUN_COMMAND")
    if chosen:
        return chosen
    beside = Path(sys.executable).with_name("backrun")
    if beside.exists():
        return str(beside)
    found = shutil.which("backrun")
    if found is None:
        raise RuntimeError("backrun is not installed: pip install -e '.[test]'")
    return found


class Backrun(Terminal):
    """The installed `backrun` on a data folder, at a size from SIZES ('80x24', '60x18-plain')."""

    def __init__(
        self, data: Path, size: str = "80x24", *args: str, controlling: bool = True
    ) -> None:
        columns, rows, plain = {**SIZES, **UPRIGHT}[size]
        self.data = data
        self.size = size
        argv = [backrun_command(), "--data-dir", str(data), *(["--plain"] if plain else []), *args]
        super().__init__(argv, columns=columns, rows=rows, controlling=controlling)

    @property
    def narrow(self) -> bool:
        return self.screen.columns < 76

    def opened(self) -> bool:
        """Whether backrun has opened its data folder (it holds the lock, which names it): its
        day's start is decided then. The symptom check is drawn before, and a card, a question
        or a notice the day starts with comes up over it right after."""
        try:
            holder = (self.data / "backrun.lock").read_text()
        except (FileNotFoundError, UnicodeDecodeError):
            return False
        return holder.startswith(f"process {self.pid} ")

    def live_count(self) -> int | None:
        """The reps of the set in progress, as live.json holds them."""
        try:
            doc = json.loads((self.data / "live.json").read_bytes())
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        live = doc.get("live", {}).get("1")
        return int(live["workout"]["count"]) if live else None

    def __enter__(self) -> Backrun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
