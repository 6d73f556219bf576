"""A pose as SVG, for the printed exercise sheet: the same drawing as on screen, in lines."""

from __future__ import annotations

from backrun_tui.figures.body import Point
from backrun_tui.figures.drawing import Box, Drawing

NEAR_COLOUR, FAR_COLOUR, GROUND_COLOUR = "#1f5f8f", "#9ab7cc", "#8a8a8a"


def svg(
    drawings: list[Drawing], box: Box, *, height: float = 28, widest: float = 90, title: str = ""
) -> str:
    """The drawings side by side (start, top, ...), each in its own copy of the box, `height`
    millimetres tall (less if that would make them wider than `widest`)."""
    gap = box.width * 0.15
    total = box.width * len(drawings) + gap * (len(drawings) - 1)
    width = min(widest, height * total / box.height)
    height = width * box.height / total
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total:.3f} {box.height:.3f}" '
        f'width="{width:.0f}mm" height="{height:.1f}mm" role="img" aria-label="{escape(title)}">'
    ]
    for n, one in enumerate(drawings):
        shift = n * (box.width + gap)

        def at(point: Point, shift: float = shift) -> str:
            return f"{point[0] - box.left + shift:.3f},{box.top - point[1]:.3f}"

        floor, end = box.top, shift + box.width
        parts.append(
            f'<line x1="{shift:.3f}" y1="{floor:.3f}" x2="{end:.3f}" y2="{floor:.3f}" '
            f'stroke="{GROUND_COLOUR}" stroke-width="0.03"/>'
        )
        if one.wall:
            x = at((0, 0)).split(",")[0]
            parts.append(
                f'<line x1="{x}" y1="0" x2="{x}" y2="{floor:.3f}" stroke="{GROUND_COLOUR}" '
                'stroke-width="0.03"/>'
            )
        for segments, colour in ((one.far, FAR_COLOUR), (one.near, NEAR_COLOUR)):
            path = " ".join(f"M{at(a)} L{at(b)}" for a, b in segments)
            parts.append(
                f'<path d="{path}" stroke="{colour}" stroke-width="0.07" '
                'stroke-linecap="round" fill="none"/>'
            )
        cx, cy = at(one.head).split(",")
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{one.head_radius:.3f}" fill="{NEAR_COLOUR}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
