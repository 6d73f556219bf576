"""A small bar chart drawn from zero to a fixed top, so the bars' heights can be compared."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_rows(values: list[int], top: int, height: int, bar_width: int = 1) -> list[str]:
    """Rows of block characters, top row first; each value is `bar_width` columns, 0..top."""
    rows = []
    for row in range(height - 1, -1, -1):
        line = []
        for value in values:
            filled = max(0.0, min(value, top)) / top * height - row  # eighths in this row
            line.append(EIGHTHS[round(max(0.0, min(1.0, filled)) * 8)] * bar_width)
        rows.append("".join(line))
    return rows


class BarChart(Widget):
    """The last values that fit the width, from 0 at the bottom to `top`; few values get wider
    bars (up to 3 columns, with a gap) so they stay readable."""

    DEFAULT_CSS = """
    BarChart {
        height: 3;
        color: $accent;
    }
    """

    def __init__(self, values: list[int], top: int, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="chart")
        self.values = values
        self.top = max(top, 1)

    def render(self) -> Text:
        width = max(self.size.width, 1)
        shown = self.values[-width:]
        bar_width = max(1, min(3, width // max(len(shown), 1) - 1))
        rows = bar_rows(shown, self.top, self.size.height or 3, bar_width)
        if bar_width > 1:  # a gap between wide bars
            rows = [
                " ".join(r[i : i + bar_width] for i in range(0, len(r), bar_width)) for r in rows
            ]
        return Text("\n".join(rows))
