"""A pose in braille dots (2x4 a character cell, so the dots are about square): each row is its
characters and, for each, what it shows most (the near side, the far side, the floor), kept as
bytes: a moving figure's loop is cached, so it must be small."""

from __future__ import annotations

import math

from backrun_tui.figures.body import Point
from backrun_tui.figures.drawing import Box, Drawing

NEAR, FAR, GROUND = 3, 2, 1  # what a dot shows; a cell takes its strongest
BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][column] of a cell
Row = tuple[str, bytes]  # the characters, and each one's layer
Picture = list[Row]


class Dots:
    def __init__(self, columns: int, rows: int) -> None:
        self.width, self.height = columns * 2, rows * 4
        self.columns, self.rows = columns, rows
        self.layer = [[0] * self.width for _ in range(self.height)]

    def set(self, x: int, y: int, layer: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height and self.layer[y][x] < layer:
            self.layer[y][x] = layer

    def line(self, a: tuple[float, float], b: tuple[float, float], layer: int) -> None:
        steps = max(1, math.ceil(max(abs(b[0] - a[0]), abs(b[1] - a[1])) * 2))
        for n in range(steps + 1):
            t = n / steps
            self.set(round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), layer)

    def ring(self, centre: tuple[float, float], radius: float, layer: int) -> None:
        steps = max(8, math.ceil(radius * 8))
        for n in range(steps):
            a = 2 * math.pi * n / steps
            x, y = centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)
            self.set(round(x), round(y), layer)

    def picture(self) -> Picture:
        lines = []
        for row in range(self.rows):
            chars, layers = [], bytearray()
            for column in range(self.columns):
                code, strongest = 0, 0
                for dy in range(4):
                    for dx in range(2):
                        layer = self.layer[row * 4 + dy][column * 2 + dx]
                        if layer:
                            code |= BITS[dy][dx]
                            strongest = max(strongest, layer)
                chars.append(chr(0x2800 + code) if code else " ")
                layers.append(strongest)
            lines.append(("".join(chars), bytes(layers)))
        return lines


def render(drawing: Drawing, box: Box, columns: int, rows: int) -> Picture:
    """The drawing in `columns` x `rows` cells, the box fitted in, the floor on the last row."""
    dots = Dots(columns, rows)
    scale = min((dots.width - 1) / box.width, (dots.height - 1) / box.height)
    left = (dots.width - box.width * scale) / 2

    def at(point: Point) -> tuple[float, float]:
        x, y = point[0] - box.left, point[1] - box.bottom
        return left + x * scale, dots.height - 1 - y * scale

    floor_y = at((0, 0))[1]
    for x in range(dots.width):
        if x % 2 == 0:
            dots.set(x, round(floor_y) + 1, GROUND)
    if drawing.wall:
        wall_x = round(at((0, 0))[0]) - 1
        for y in range(0, round(floor_y) + 1, 2):
            dots.set(wall_x, y, GROUND)
    for a, b in drawing.far:
        dots.line(at(a), at(b), FAR)
    for a, b in drawing.near:
        dots.line(at(a), at(b), NEAR)
    dots.ring(at(drawing.head), max(1.0, drawing.head_radius * scale), NEAR)
    return dots.picture()
