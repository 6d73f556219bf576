"""The poses file (data/poses.json): two to four keyframes of every exercise in the catalog,
checked when read like the catalog. A file backrun cannot use is one plain sentence (PoseError);
the app then runs on without figures."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from backrun_tui.figures.body import HEAD, Frame, Joints, Limb, Point, joints, turn
from backrun_tui.resources import resource_dir

SCHEMA = 1
FRAMES = (2, 4)  # keyframes an exercise has, at least and at most
ON_IT = 0.15  # how near the floor (or the wall) a part touching it must be
UNDER = 0.08  # how far below the floor (or into the wall) any joint may be
# Bends a body can make, in degrees between the two segments' directions (0: straight on).
BENDS = {"elbow": (0, 165), "knee": (0, 165), "ankle": (10, 145), "neck": (0, 70)}
HIP_FOLDED_AT_MOST = 145  # the thigh's direction from the trunk's: 180 standing, 40 folded
PARTS = ("head", "shoulders", "back", "hips", "elbows", "hands", "knees", "feet")
FRAME_FIELDS = {"name", "hip", "trunk", "spine", "neck", "arms", "legs", "floor", "wall"}
SPINE_AT_MOST = 50  # degrees the back curves either way


class PoseError(Exception):
    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")


@dataclass(frozen=True)
class Pose:
    """An exercise's keyframes in order (start, the top of the movement, back)."""

    frames: tuple[Frame, ...]

    @property
    def start(self) -> Frame:
        return self.frames[0]

    @property
    def top(self) -> Frame:
        return self.frames[1]


def poses_path() -> Path:
    return resource_dir("data") / "poses.json"


def load_poses(exercise_ids: Iterable[str], path: Path | None = None) -> dict[str, Pose]:
    """Read and check the poses of these exercises (every one must have a pose)."""
    path = poses_path() if path is None else path
    source = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise PoseError(source, "file not found; restore it or reinstall backrun") from None
    except UnicodeDecodeError:
        raise PoseError(source, "is not UTF-8 text; restore it or reinstall backrun") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise PoseError(
            source, f"cannot be read ({reason}); restore it or reinstall backrun"
        ) from None
    except (json.JSONDecodeError, RecursionError) as error:
        raise PoseError(source, f"is not valid JSON ({error})") from None
    return parse_poses(data, set(exercise_ids), source)


def parse_poses(data: object, exercise_ids: set[str], source: str) -> dict[str, Pose]:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise PoseError(source, f'must be {{"schema": {SCHEMA}, "poses": {{...}}}}')
    poses = data.get("poses")
    if not isinstance(poses, dict):
        raise PoseError(source, '"poses" must map each exercise to its keyframes')
    missing = sorted(exercise_ids - set(poses))
    if missing:
        raise PoseError(source, f"no pose for {', '.join(missing)}")
    unknown = sorted(set(poses) - exercise_ids)
    if unknown:
        raise PoseError(source, f"a pose for an exercise the catalog lacks: {', '.join(unknown)}")
    return {key: parse_pose(value, f"{source}: {key}") for key, value in poses.items()}


def parse_pose(data: object, where: str) -> Pose:
    frames = data.get("frames") if isinstance(data, dict) else None
    if not isinstance(frames, list) or not FRAMES[0] <= len(frames) <= FRAMES[1]:
        raise PoseError(where, f"needs {FRAMES[0]} to {FRAMES[1]} keyframes")
    return Pose(tuple(parse_frame(f, f"{where}, keyframe {n + 1}") for n, f in enumerate(frames)))


def parse_frame(data: object, where: str) -> Frame:
    if not isinstance(data, dict):
        raise PoseError(where, "must be an object")
    extra = sorted(set(data) - FRAME_FIELDS)
    if extra:
        raise PoseError(where, f"unknown field {extra[0]!r}")
    arms, legs = data.get("arms"), data.get("legs")
    frame = Frame(
        name=text(data.get("name"), where, "name"),
        hip=point(data.get("hip"), where),
        trunk=angle(data.get("trunk"), where, "trunk"),
        neck=angle(data.get("neck"), where, "neck"),
        near_arm=limb(arms, 0, 2, where, "arms"),
        far_arm=limb(arms, 1, 2, where, "arms"),
        near_leg=limb(legs, 0, 3, where, "legs"),
        far_leg=limb(legs, 1, 3, where, "legs"),
        touching=(),
        spine=angle(data.get("spine", 0), where, "spine"),
    )
    if abs(frame.spine) > SPINE_AT_MOST:
        raise PoseError(where, f"the back curves more than {SPINE_AT_MOST}°")
    floor, wall = parts(data.get("floor", []), where), parts(data.get("wall", []), where)
    check_body(joints(frame), frame, floor, wall, where)
    return Frame(**{**frame.__dict__, "touching": floor + tuple(f"wall:{p}" for p in wall)})


def text(value: object, where: str, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise PoseError(where, f"{field} must be a word such as 'start'")
    return value


def angle(value: object, where: str, field: str) -> float:
    if type(value) not in (int, float) or not -360 <= float(value) <= 360:  # type: ignore[arg-type]
        raise PoseError(where, f"{field} must be an angle in degrees")
    return float(value)  # type: ignore[arg-type]


def point(value: object, where: str) -> Point:
    if not (isinstance(value, list) and len(value) == 2):
        raise PoseError(where, "hip must be [x, y]")
    x, y = (angle(v, where, "hip") for v in value)
    if not (-3 <= x <= 3 and -0.5 <= y <= 3):
        raise PoseError(where, "hip is off the picture")
    return x, y


def limb(value: object, index: int, size: int, where: str, field: str) -> Limb:
    if not (isinstance(value, list) and len(value) == 2):
        raise PoseError(where, f"{field} must be [near, far], each a list of angles")
    one = value[index]
    if not (isinstance(one, list) and len(one) == size):
        raise PoseError(where, f"each of {field} needs {size} angles")
    return Limb(tuple(angle(v, where, field) for v in one))


def parts(value: object, where: str) -> tuple[str, ...]:
    if not (isinstance(value, list) and all(p in PARTS for p in value)):
        raise PoseError(where, f"floor and wall list body parts: {', '.join(PARTS)}")
    return tuple(value)


def check_body(
    body: Joints, frame: Frame, floor: tuple[str, ...], wall: tuple[str, ...], where: str
) -> None:
    """Joints within a body's range, nothing through the floor or the wall, and every part
    said to touch them on them."""
    arms = (frame.near_arm.angles, frame.far_arm.angles)
    legs = (frame.near_leg.angles, frame.far_leg.angles)
    bends = {
        "elbow": [(arm[0], arm[1]) for arm in arms],
        "knee": [(leg[0], leg[1]) for leg in legs],
        "ankle": [(leg[1], leg[2]) for leg in legs],
        "neck": [(frame.trunk, frame.neck)],
    }
    for joint, pairs in bends.items():
        low, high = BENDS[joint]
        for first, second in pairs:
            bend = abs(turn(first, second, 1) - first)
            if not low <= bend <= high:
                raise PoseError(where, f"the {joint} bends {bend:.0f}°, beyond {low}-{high}°")
    for thigh in (frame.near_leg.angles[0], frame.far_leg.angles[0]):
        if abs(turn(frame.trunk, thigh, 1) - frame.trunk) < 180 - HIP_FOLDED_AT_MOST:
            raise PoseError(where, f"the hip folds more than {HIP_FOLDED_AT_MOST}°")
    lowest = min(y for _, y in body.points() + [(0, body.head[1] - HEAD)])
    if lowest < -UNDER:
        raise PoseError(where, "the body goes through the floor")
    heights = part_points(body)
    for part in floor:
        if min(y for _, y in heights[part]) > ON_IT:
            raise PoseError(where, f"the {part} should be on the floor")
    if wall:
        if min(x for x, _ in body.points()) < -UNDER:
            raise PoseError(where, "the body goes through the wall")
        for part in wall:
            if min(x for x, _ in heights[part]) > ON_IT:
                raise PoseError(where, f"the {part} should be on the wall")


def part_points(body: Joints) -> Mapping[str, list[Point]]:
    back = body.back
    head_low = (body.head[0], body.head[1] - HEAD)
    head_back = (body.head[0] - HEAD, body.head[1])
    return {
        "head": [head_low, head_back],
        "shoulders": [body.shoulder],
        "back": [back, body.shoulder, body.hip],
        "hips": [body.hip],
        "elbows": [body.near_arm[0], body.far_arm[0]],
        "hands": [body.near_arm[1], body.far_arm[1]],
        "knees": [body.near_leg[0], body.far_leg[0]],
        "feet": [*body.near_leg[1:], *body.far_leg[1:]],
    }
