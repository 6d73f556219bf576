"""Where something of a colour is on a screenshot: a small PNG reader (8-bit RGB or RGBA, not
interlaced, as Chromium writes them), so a test taps what a person would see."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

Pixel = tuple[int, int, int]


def pixels(png: bytes) -> tuple[int, int, list[bytearray], int]:
    """(width, height, rows of raw bytes, bytes per pixel)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, data, width, height, kind = 8, b"", 0, 0, 0
    while at < len(png):
        (size,) = struct.unpack(">I", png[at : at + 4])
        tag, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + size]
        if tag == b"IHDR":
            width, height, depth, kind, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and kind in (2, 6) and interlace == 0, "an unusual PNG"
        elif tag == b"IDAT":
            data += body
        at += size + 12
    step = 3 if kind == 2 else 4
    raw, stride = zlib.decompress(data), width * step
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        kind_of_filter, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 255
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 255
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind_of_filter == 4:
                guess = left + up - corner
                a, b, c = abs(guess - left), abs(guess - up), abs(guess - corner)
                line[i] = (
                    line[i] + (left if a <= b and a <= c else up if b <= c else corner)
                ) & 255
        rows.append(line)
        previous = line
    return width, height, rows, step


def box_of(png: bytes, wanted: Callable[[Pixel], bool]) -> tuple[float, float] | None:
    """The centre of the box around every pixel that is `wanted`, or None."""
    width, height, rows, step = pixels(png)
    xs, ys = [], []
    for y, row in enumerate(rows):
        for x in range(width):
            if wanted((row[x * step], row[x * step + 1], row[x * step + 2])):
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
