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
    width = image.width
    xs, ys = [], []
    for at, pixel in enumerate(image.getdata()):
        if wanted(pixel):
            xs.append(at % width)
            ys.append(at // width)
    if not xs:
        return None
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
