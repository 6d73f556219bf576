"""The served app in a real browser page, read as a grid of text and tapped where words are.

What the server sends the page is fed into a pyte screen of the size the page asked for, so a
test reads rows as a person sees them; a tap is a click on the middle of the cells where the
words are drawn (the page's terminal is a canvas: it has no text to click)."""

from __future__ import annotations

import json
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyte

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BLOCKS = "█"  # what the big digits are drawn with
CUT = "…"  # how Textual shows text cut at a widget's edge


@dataclass
class BrowserScreen:
    page: Any  # a Playwright page, before it opens the link
    shots: Path | None = None  # where each step's screenshot goes
    grid: pyte.Screen | None = None
    stream: pyte.ByteStream | None = None
    sizes: list[tuple[int, int]] = field(default_factory=list)  # every size the page asked for

    def __post_init__(self) -> None:
        self.page.on("websocket", self.watch)

    def watch(self, socket: Any) -> None:
        socket.on("framesent", self.sent)
        socket.on("framereceived", self.received)

    def sent(self, payload: str | bytes) -> None:
        try:
            kind, data = json.loads(payload)
        except (ValueError, TypeError):
            return
        if kind == "resize":
            size = (int(data["width"]), int(data["height"]))
            self.sizes.append(size)
            if self.grid is None:
                self.grid = pyte.Screen(*size)
                self.stream = pyte.ByteStream(self.grid)
            else:
                self.grid.resize(size[1], size[0])

    def received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes) and self.stream is not None:
            self.stream.feed(payload)

    @property
    def rows(self) -> list[str]:
        return list(self.grid.display) if self.grid is not None else []

    def text(self) -> str:
        return "\n".join(self.rows)

    def wait_for(self, *words: str, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while not all(w in self.text() for w in words):
            if time.monotonic() > deadline:
                raise AssertionError(f"never showed {words}:\n{self.text()}")
            self.page.wait_for_timeout(50)

    def shows(self, *words: str, seconds: float) -> bool:
        try:
            self.wait_for(*words, seconds=seconds)
        except AssertionError:
            return False
        return True

    def step(self, name: str, *words: str) -> None:
        """A screen of the walk: its words shown, nothing on it cut, a screenshot kept."""
        self.wait_for(*words)
        self.page.wait_for_timeout(300)  # the rest of the frame
        assert CUT not in self.text(), f"{name}: something is cut:\n{self.text()}"
        if self.shots is not None:
            width = self.page.viewport_size["width"]
            self.page.screenshot(path=str(self.shots / f"{width}-{name}.png"))

    def wait_gone(self, words: str, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while words in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"still shows {words!r}:\n{self.text()}")
            self.page.wait_for_timeout(50)

    def cell_size(self) -> tuple[float, float, float, float]:
        """(left, top, width, height) of one cell on the page, in CSS pixels."""
        box = self.page.locator(".xterm-screen").bounding_box()
        columns, lines = self.sizes[-1]
        return box["x"], box["y"], box["width"] / columns, box["height"] / lines

    def where(self, words: str, *, last: bool = False) -> tuple[int, int]:
        """(column, row) of the middle of `words` on the screen (the first, or last, seen)."""
        found = [
            (match.start() + len(words) // 2, row)
            for row, line in enumerate(self.rows)
            for match in re.finditer(re.escape(words), line)
        ]
        assert found, f"{words!r} is not on the screen:\n{self.text()}"
        return found[-1] if last else found[0]

    def tap(self, words: str, *, last: bool = False) -> None:
        """Tap `words` once they are on the screen (the key buttons are redrawn when the keys
        change: a tap between two frames would find them gone)."""
        self.wait_for(words)
        column, row = self.where(words, last=last)
        self.tap_cell(column, row)

    def tap_cell(self, column: float, row: float) -> None:
        left, top, width, height = self.cell_size()
        self.page.mouse.click(left + (column + 0.5) * width, top + (row + 0.5) * height)

    def tap_big_count(self) -> None:
        column, row, _ = self.big_digits()
        self.tap_cell(column, row)

    def big_digits(self) -> tuple[float, float, int]:
        """(column, row) of the middle of the big count, and how many rows tall it is."""
        cells = [
            (column, row)
            for row, line in enumerate(self.rows)
            for column, char in enumerate(line)
            if char in BLOCKS
        ]
        rows = sorted({row for _, row in cells})
        runs = [r for r in rows if r + 1 in rows or r - 1 in rows]  # a figure, not a bar
        assert runs, f"no big count on the screen:\n{self.text()}"
        tall = [(c, r) for c, r in cells if runs[0] <= r <= runs[-1]]
        columns = [c for c, _ in tall]
        return (min(columns) + max(columns)) / 2, (runs[0] + runs[-1]) / 2, len(set(runs))
