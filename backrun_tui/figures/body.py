"""A body seen from the side: each keyframe gives the hip's place and the direction of every
segment (degrees, counter-clockwise from pointing right), so limb lengths always hold; the
joints follow from them. The floor is y = 0, a wall x = 0."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Segment lengths, in trunk lengths (hip to shoulder = 1).
TRUNK, NECK, HEAD = 1.0, 0.22, 0.17  # NECK: shoulder to the head's centre less its radius
UPPER_ARM, FOREARM = 0.52, 0.48
THIGH, SHIN, FOOT = 0.82, 0.78, 0.24

Point = tuple[float, float]


@dataclass(frozen=True)
class Limb:
    """Directions of a limb's segments: an arm (upper arm, forearm) or a leg (thigh, shin,
    foot)."""

    angles: tuple[float, ...]


@dataclass(frozen=True)
class Frame:
    """One keyframe. `near` limbs are the side facing the viewer; `far` ones are drawn dimmer."""

    name: str
    hip: Point
    trunk: float
    neck: float
    near_arm: Limb
    far_arm: Limb
    near_leg: Limb
    far_leg: Limb
    touching: tuple[str, ...]  # the body parts on the floor (or the wall) in this frame
    spine: float = 0.0  # the back's curve: + rounded up (a cat), - sagging (a cow)


@dataclass(frozen=True)
class Joints:
    """Where every joint is, for drawing and checking."""

    hip: Point
    back: Point  # the middle of the back, where it curves
    shoulder: Point
    head: Point  # the head's centre
    near_arm: tuple[Point, Point]  # elbow, hand
    far_arm: tuple[Point, Point]
    near_leg: tuple[Point, Point, Point]  # knee, ankle, toe
    far_leg: tuple[Point, Point, Point]

    def points(self) -> list[Point]:
        return [
            self.hip, self.back, self.shoulder, self.head, *self.near_arm, *self.far_arm,
            *self.near_leg, *self.far_leg,
        ]  # fmt: skip


def step(start: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return start[0] + length * math.cos(rad), start[1] + length * math.sin(rad)


def chain(start: Point, angles: tuple[float, ...], lengths: tuple[float, ...]) -> list[Point]:
    points, here = [], start
    for angle, length in zip(angles, lengths, strict=True):
        here = step(here, angle, length)
        points.append(here)
    return points


def joints(frame: Frame) -> Joints:
    back = step(frame.hip, frame.trunk + frame.spine / 2, TRUNK / 2)
    shoulder = step(back, frame.trunk - frame.spine / 2, TRUNK / 2)
    head = step(shoulder, frame.neck, NECK + HEAD)
    arm = (UPPER_ARM, FOREARM)
    leg = (THIGH, SHIN, FOOT)
    near_arm, far_arm = (
        chain(shoulder, frame.near_arm.angles, arm),
        chain(shoulder, frame.far_arm.angles, arm),
    )
    near_leg, far_leg = (
        chain(frame.hip, frame.near_leg.angles, leg),
        chain(frame.hip, frame.far_leg.angles, leg),
    )
    return Joints(
        frame.hip,
        back,
        shoulder,
        head,
        (near_arm[0], near_arm[1]),
        (far_arm[0], far_arm[1]),
        (near_leg[0], near_leg[1], near_leg[2]),
        (far_leg[0], far_leg[1], far_leg[2]),
    )


def turn(a: float, b: float, t: float) -> float:
    """The angle `t` of the way from a to b, the short way round."""
    delta = (b - a + 180) % 360 - 180
    return a + delta * t


def between(a: Frame, b: Frame, t: float) -> Frame:
    """The pose `t` (0..1) of the way from keyframe a to b."""

    def limb(x: Limb, y: Limb) -> Limb:
        return Limb(tuple(turn(p, q, t) for p, q in zip(x.angles, y.angles, strict=True)))

    hip = (a.hip[0] + (b.hip[0] - a.hip[0]) * t, a.hip[1] + (b.hip[1] - a.hip[1]) * t)
    return Frame(
        a.name if t < 0.5 else b.name,
        hip,
        turn(a.trunk, b.trunk, t),
        turn(a.neck, b.neck, t),
        limb(a.near_arm, b.near_arm),
        limb(a.far_arm, b.far_arm),
        limb(a.near_leg, b.near_leg),
        limb(a.far_leg, b.far_leg),
        a.touching if t < 0.5 else b.touching,
        a.spine + (b.spine - a.spine) * t,
    )


def mirrored(frame: Frame) -> Frame:
    """The other side: the figure faces the other way (x -> -x)."""

    def flip(angle: float) -> float:
        return 180 - angle

    def limb(x: Limb) -> Limb:
        return Limb(tuple(flip(angle) for angle in x.angles))

    return Frame(
        frame.name,
        (-frame.hip[0], frame.hip[1]),
        flip(frame.trunk),
        flip(frame.neck),
        limb(frame.near_arm),
        limb(frame.far_arm),
        limb(frame.near_leg),
        limb(frame.far_leg),
        frame.touching,
        -frame.spine,
    )
