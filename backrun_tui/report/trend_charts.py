"""The report's two whole-period charts as self-contained SVG: pain (a bar a month, then a bar a
week over the last six months; a grey column where there was no check, a line on the floor for
pain 0) and the exercises trained, a row each by name and a column a month."""

from __future__ import annotations

from datetime import date
from html import escape

from backrun_tui.report.svg_chart import HEIGHT, WIDTH, svg_open
from backrun_tui.report.trends import PainSlot, Trained

LEFT, RIGHT, TOP, BOTTOM = 44, 34, 30, 40
MONTHS_SHARE = 0.5  # of the width, for the months when there are weeks beside them
LABEL_GAP = 62  # pixels between two date labels at least
NAMES_WIDTH = 230  # the exercise names beside the rows
ROW = 16
LADDER_TOP = 6


def _dated(labels: list[tuple[float, str]], y: float) -> list[str]:
    """Date labels along the bottom, left to right, skipping any too close to the last one."""
    parts: list[str] = []
    last = -float(LABEL_GAP)
    for x, text in labels:
        if x - last >= LABEL_GAP:
            parts.append(
                f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" class="axis">'
                f"{escape(text)}</text>"
            )
            last = x
    return parts


def pain_chart(slots: list[PainSlot]) -> str:
    months = [s for s in slots if s.by == "month"]
    weeks = [s for s in slots if s.by == "week"]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    months_w = plot_w * MONTHS_SHARE if months and weeks else plot_w if months else 0
    title = "Median pain per month, then per week over the last six months, 0 to 10"
    parts = [svg_open(title, classes="chart wide")]
    for value in (0, 5, 10):
        y = TOP + plot_h * (1 - value / 10)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{value}</text>'
        )
    parts.append(f'<text x="{LEFT - 6}" y="{TOP - 16}" text-anchor="end" class="axis">pain</text>')
    labels: list[tuple[float, str]] = []
    for group, left, width in (
        (months, LEFT, months_w),
        (weeks, LEFT + months_w, plot_w - months_w),
    ):
        if not group:
            continue
        slot = width / len(group)
        heading = "a bar a month" if group is months else "a bar a week"
        parts.append(f'<text x="{left + 2:.1f}" y="{TOP - 16}" class="axis">{heading}</text>')
        if group is weeks and months:
            parts.append(
                f'<line x1="{left:.1f}" y1="{TOP - 10}" x2="{left:.1f}" y2="{TOP + plot_h}" '
                'class="divide"/>'
            )
        for index, item in enumerate(group):
            x = left + index * slot
            parts.append(_pain_bar(item, x, slot, plot_h))
            if group is weeks and index in (0, (len(group) - 1) // 2, len(group) - 1):
                labels.append((x + slot / 2, f"{item.start.day} {item.start:%b %Y}"))
            elif group is months and (index == 0 or item.start.month == 1):
                labels.append(
                    (x + slot / 2, f"{item.start:%b %Y}" if index == 0 else f"{item.start.year}")
                )
    parts += _dated(labels, HEIGHT - BOTTOM + 18)
    parts.append("</svg>")
    return "".join(parts)


def _pain_bar(item: PainSlot, x: float, slot: float, plot_h: float) -> str:
    width = max(slot * 0.75, 1)
    x += (slot - width) / 2
    title = f"<title>{escape(item.words())}</title>"
    if item.pain is None:
        return (
            f'<rect x="{x:.1f}" y="{TOP}" width="{width:.1f}" height="{plot_h:.1f}" '
            f'class="none">{title}</rect>'
        )
    height = max(plot_h * min(max(item.pain, 0), 10) / 10, 2)  # pain 0 is a line on the floor
    return (
        f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" width="{width:.1f}" '
        f'height="{height:.1f}" class="bar">{title}</rect>'
    )


def ladder_chart(columns: list[date], totals: list[int], rows: list[Trained]) -> str:
    """A row per exercise, lowest rung at the bottom, and a column a month: the darker a cell,
    the more of that month's sessions trained it; a red ring marks a month it was flagged
    painful."""
    height = LADDER_TOP + ROW * len(rows) + 24
    plot_w = WIDTH - NAMES_WIDTH - RIGHT
    slot = plot_w / max(len(columns), 1)
    parts = [svg_open("Exercises trained, a row each and a column a month", height, "chart wide")]
    for index, row in enumerate(reversed(rows)):
        y = LADDER_TOP + index * ROW
        parts.append(
            f'<text x="{NAMES_WIDTH - 6}" y="{y + ROW - 4}" text-anchor="end" class="axis">'
            f"{escape(row.label)}</text>"
        )
        parts.append(
            f'<line x1="{NAMES_WIDTH}" y1="{y + ROW:.1f}" x2="{WIDTH - RIGHT}" '
            f'y2="{y + ROW:.1f}" class="grid"/>'
        )
        for column, count in enumerate(row.sessions):
            if not count:
                continue
            share = min(1.0, count / max(totals[column], 1))
            x = NAMES_WIDTH + column * slot
            month = f"{columns[column]:%b %Y}"
            hurt = column in row.painful
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 2:.1f}" width="{max(slot - 1, 1):.1f}" '
                f'height="{ROW - 3}" class="cell{" hurt" if hurt else ""}" '
                f'fill-opacity="{0.25 + 0.75 * share:.2f}"><title>{escape(row.exercise.name)}, '
                f"{month}: {count} of {totals[column]} sessions"
                f"{', flagged painful' if hurt else ''}</title></rect>"
            )
    labels = [
        (
            NAMES_WIDTH + i * slot + slot / 2,
            f"{m:%b %Y}" if i == 0 or len(columns) <= 12 else f"{m.year}",
        )
        for i, m in enumerate(columns)
        if i == 0 or m.month == 1 or (len(columns) <= 12 and m.month % 3 == 1)
    ]
    parts += _dated(labels, LADDER_TOP + ROW * len(rows) + 16)
    parts.append("</svg>")
    return "".join(parts)
