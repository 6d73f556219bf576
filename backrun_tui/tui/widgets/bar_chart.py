"""A bar chart with its scale on the left and dates along the bottom, drawn in text."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"
Point = tuple[date, int]


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


def day_label(day: date, with_year: bool) -> str:
    return f"{day.day} {day:%b}" + (f" {day:%y}" if with_year else "")


Row = tuple[str, list[str]]  # a row of figures under the bars: its label, one text per bar


def chart_lines(
    points: list[Point], top: int, width: int, height: int, rows_under: list[Row] | None = None
) -> list[str]:
    """The chart as lines of text: `height` rows of bars with the scale (top, middle, 0) on the
    left, an axis, the rows of figures (each under its bar, such as the week's km and pain),
    and the dates of the first, middle and last bar shown under them. The newest points that
    fit the width are shown; few points get wider bars, with gaps."""
    top = max(top, 1)
    rows_under = rows_under or []
    scale = max([len(str(top)), *(len(label) for label, _ in rows_under)])
    plot = max(width - scale - 2, 1)
    shown = points[-plot:]
    step = max(1, min(4, plot // max(len(shown), 1)))  # columns per bar, a gap included
    bar = step - 1 if step > 1 else 1
    rows = bar_rows([v for _, v in shown], top, height, bar)
    if step > 1:
        rows = [" ".join(r[i : i + bar] for i in range(0, len(r), bar)) for r in rows]
    middle = height // 2
    labels = {0: str(top), middle: str(top // 2) if top > 1 else ""}
    lines = [f"{labels.get(i, ''):>{scale}} ┤{row}" for i, row in enumerate(rows)]
    lines.append(f"{'0':>{scale}} └{'─' * min(plot, len(shown) * step)}")
    for label, cells in rows_under:
        shown_cells = cells[-len(shown) :] if shown else []
        figures = "".join(f"{cell[:step]:<{step}}" for cell in shown_cells)
        lines.append(f"{label:>{scale}}  {figures}".rstrip())
    lines.append(" " * (scale + 2) + date_axis([d for d, _ in shown], step, plot))
    return lines


def date_axis(days: list[date], step: int, plot: int) -> str:
    """The dates of the first, middle and last bar, each under its bar where it fits."""
    if not days:
        return ""
    with_year = days[0].year != days[-1].year
    axis = [" "] * plot
    chosen = [0, len(days) - 1, (len(days) - 1) // 2] if len(days) > 1 else [0]
    for index in chosen:
        text = day_label(days[index], with_year)
        start = min(index * step, plot - len(text))
        if start < 0 or any(c != " " for c in axis[max(start - 1, 0) : start + len(text) + 1]):
            continue  # no room: a date is never drawn over another
        axis[start : start + len(text)] = text
    return "".join(axis).rstrip()


class BarChart(Widget):
    """Dated values from 0 to `top`, with the scale and dates written out."""

    DEFAULT_CSS = """
    BarChart {
        height: 7;
        color: $accent;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """
    BAR_ROWS = 5

    def __init__(
        self,
        points: list[Point],
        top: int,
        *,
        rows_under: list[Row] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="chart")
        self.points = points
        self.top = max(top, 1)
        self.rows_under = rows_under or []
        self.styles.height = self.BAR_ROWS + 2 + len(self.rows_under)

    def render(self) -> Text:
        width = max(self.size.width, 1)
        lines = chart_lines(self.points, self.top, width, self.BAR_ROWS, self.rows_under)
        return Text("\n".join(lines))
