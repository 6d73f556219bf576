"""Where something of a colour is on a screenshot (read with Pillow), so a test taps what a person
would see."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image

Pixel = tuple[int, int, int]


def box_of(png: bytes, wanted: Callable[[Pixel], bool]) -> tuple[float, float] | None:
    """The centre of the box around every pixel that is `wanted`, or None."""
    with Image.open(io.BytesIO(png)) as shot:
        image = shot.convert("RGB")
    width, raw = image.width, image.tobytes()
    xs, ys = [], []
    for at in range(0, len(raw), 3):
        if wanted((raw[at], raw[at + 1], raw[at + 2])):
            xs.append(at // 3 % width)
            ys.append(at // 3 // width)
    if not xs:
        return None
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
