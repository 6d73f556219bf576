"""Small self-contained SVG charts for the HTML report: dated bars with their scale, and an
optional second series drawn as a line on its own scale (pain 0-10 over running minutes)."""

from __future__ import annotations

from datetime import date
from html import escape

WIDTH, HEIGHT = 640, 234
LEFT, RIGHT, TOP, BOTTOM = 44, 44, 30, 40


def nice_top(value: float, step: int) -> int:
    """The scale's top: `value` rounded up to a whole number of `step`s."""
    return max(step, -(-int(value) // step) * step)


def svg_open(title: str, height: int = HEIGHT, classes: str = "chart") -> str:
    """A chart's opening tag and accessible name (`title`), `WIDTH` wide and `height` tall."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" class="{classes}"><title>{escape(title)}</title>'
    )


def _label(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def bar_chart(
    title: str,
    points: list[tuple[date, float]],
    top: float,
    *,
    unit: str,
    line: list[float | None] | None = None,
    line_top: float = 10,
    line_unit: str = "",
    labels: list[str] | None = None,
) -> str:
    """An SVG of `points` as bars from 0 to `top` (the scale on the left, the first, middle and
    last dates below); `line`, one value per point (None: no value), is drawn over them on the
    scale 0 to `line_top` on the right; `labels`, one per point, are written above the bars
    (such as each week's km). `title` is its accessible name."""
    top = max(top, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(points), 1)
    bar_w = max(slot * 0.7, 1)
    parts = [svg_open(title)]
    for fraction in (0, 0.5, 1):
        y = TOP + plot_h * (1 - fraction)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">'
            f"{top * fraction:g}</text>"
        )
        if line is not None:
            parts.append(
                f'<text x="{WIDTH - RIGHT + 6}" y="{y + 4:.1f}" class="axis line-axis">'
                f"{line_top * fraction:g}</text>"
            )
    parts.append(
        f'<text x="{LEFT - 6}" y="{TOP - 16}" text-anchor="end" class="axis">{escape(unit)}</text>'
    )
    if line is not None:
        parts.append(
            f'<text x="{WIDTH - RIGHT + 6}" y="{TOP - 16}" class="axis line-axis">'
            f"{escape(line_unit)}</text>"
        )
    for index, (day, value) in enumerate(points):
        height = plot_h * min(max(value, 0), top) / top
        x = LEFT + index * slot + (slot - bar_w) / 2
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" width="{bar_w:.1f}" '
            f'height="{height:.1f}" class="bar"><title>{escape(_label(day))}: {value:g} '
            f"{escape(unit)}</title></rect>"
        )
        if labels and labels[index]:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{TOP + plot_h - height - 3:.1f}" '
                f'text-anchor="middle" class="bar-label">{escape(labels[index])}</text>'
            )
    if line is not None:
        parts += _line(line, line_top, slot, plot_h)
    for index in sorted({0, (len(points) - 1) // 2, len(points) - 1}) if points else []:
        x = LEFT + index * slot + slot / 2
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" class="axis">'
            f"{escape(_label(points[index][0]))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _line(values: list[float | None], top: float, slot: float, plot_h: float) -> list[str]:
    """The second series: a line through the points that have a value, each marked."""
    parts = []
    coords = []
    for index, value in enumerate(values):
        if value is None:
            continue
        x = LEFT + index * slot + slot / 2
        y = TOP + plot_h * (1 - min(max(value, 0), top) / top)
        coords.append(f"{x:.1f},{y:.1f}")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" class="dot"/>')
    if len(coords) > 1:
        parts.insert(0, f'<polyline points="{" ".join(coords)}" class="line"/>')
    return parts
