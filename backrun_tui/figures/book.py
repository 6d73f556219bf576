"""Every exercise's figure, read once when first asked for (never before the first frame), and
drawn for a size: the keyframes and the in-betweens of one loop, cached, so a moving figure
costs a lookup a frame."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from backrun_tui.figures.body import between
from backrun_tui.figures.braille import Picture, render
from backrun_tui.figures.drawing import Drawing, box_of, drawing, frames_for
from backrun_tui.figures.poses import Pose, PoseError, load_poses
from backrun_tui.figures.svg import svg

STEPS = 8  # in-betweens from one keyframe to the next


class Book:
    """The poses, or why there are none (`problem`: one sentence, said once by the app)."""

    def __init__(self, exercise_ids: Iterable[str]) -> None:
        try:
            self.poses: dict[str, Pose] = load_poses(exercise_ids)
            self.problem = ""
        except PoseError as error:
            self.poses, self.problem = {}, f"No exercise figures: {error}"
        self.told = False  # the problem, said once

    def has(self, exercise_id: str) -> bool:
        return exercise_id in self.poses

    def loop(self, exercise_id: str, side: str | None, columns: int, rows: int) -> list[Picture]:
        """One loop of the movement (start to the top and back), drawn at this size."""
        return list(_loop(self.poses[exercise_id], side, columns, rows))

    def still(self, exercise_id: str, side: str | None, columns: int, rows: int) -> list[Picture]:
        """The start and the top, drawn at this size."""
        pose = self.poses[exercise_id]
        frames = frames_for(pose, side)
        box = box_of(frames)
        return [render(drawing(frame), box, columns, rows) for frame in frames[:2]]

    def svg(self, exercise_id: str, *, height: float, widest: float, title: str = "") -> str:
        """The start and the top side by side, `height` mm tall at most and `widest` wide."""
        frames = frames_for(self.poses[exercise_id], None)
        drawn = [drawing(f) for f in frames[:2]]
        return svg(drawn, box_of(frames), height=height, widest=widest, title=title)


@lru_cache(maxsize=24)  # a few kilobytes each
def _loop(pose: Pose, side: str | None, columns: int, rows: int) -> tuple[Picture, ...]:
    frames = frames_for(pose, side)
    box = box_of(frames)
    keyframes = list(frames) if frames[-1] == frames[0] else [*frames, frames[0]]
    drawn: list[Picture] = []
    for a, b in zip(keyframes, keyframes[1:], strict=False):
        for step in range(STEPS):
            one: Drawing = drawing(between(a, b, step / STEPS))
            drawn.append(render(one, box, columns, rows))
    return tuple(drawn)
