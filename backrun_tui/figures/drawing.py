"""The one drawing of a pose: the segments to draw (near side, far side), the head and the floor
or wall, fitted to a box that holds every keyframe of the exercise (so it never jumps). The
terminal (braille.py) and paper (svg.py) each only put these on their own surface."""

from __future__ import annotations

from dataclasses import dataclass

from backrun_tui.figures.body import HEAD, Frame, Point, joints, mirrored
from backrun_tui.figures.poses import Pose

MARGIN = 0.12  # trunk lengths around the figure


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Drawing:
    near: tuple[tuple[Point, Point], ...]  # segments on the viewer's side
    far: tuple[tuple[Point, Point], ...]
    head: Point
    head_radius: float
    floor: bool
    wall: bool


def frames_for(pose: Pose, side: str | None) -> tuple[Frame, ...]:
    """The keyframes, facing the other way for the left side."""
    return tuple(mirrored(f) for f in pose.frames) if side == "L" else pose.frames


def box_of(frames: tuple[Frame, ...]) -> Box:
    """A box around every keyframe and the floor, with a margin."""
    xs, ys = [], [0.0]
    for frame in frames:
        body = joints(frame)
        for x, y in body.points():
            xs.append(x)
            ys.append(y)
        xs += [body.head[0] - HEAD, body.head[0] + HEAD]
        ys.append(body.head[1] + HEAD)
        if any(part.startswith("wall:") for part in frame.touching):
            xs.append(0.0)
    return Box(min(xs) - MARGIN, min(ys) - MARGIN / 2, max(xs) + MARGIN, max(ys) + MARGIN)


def drawing(frame: Frame) -> Drawing:
    body = joints(frame)
    near = [
        (body.hip, body.back), (body.back, body.shoulder),
        (body.shoulder, body.near_arm[0]), (body.near_arm[0], body.near_arm[1]),
        (body.hip, body.near_leg[0]), (body.near_leg[0], body.near_leg[1]),
        (body.near_leg[1], body.near_leg[2]),
    ]  # fmt: skip
    far = [
        (body.shoulder, body.far_arm[0]), (body.far_arm[0], body.far_arm[1]),
        (body.hip, body.far_leg[0]), (body.far_leg[0], body.far_leg[1]),
        (body.far_leg[1], body.far_leg[2]),
    ]  # fmt: skip
    wall = any(part.startswith("wall:") for part in frame.touching)
    return Drawing(tuple(near), tuple(far), body.head, HEAD, True, wall)
