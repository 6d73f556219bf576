"""What is said when (pure: the state before and after an event, or the seconds left): the
count, "last rep" at the top of the range, the set's end, the last five seconds of a hold or a
rest, and the next exercise's name."""

from __future__ import annotations

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.workout import Workout, rep_range
from backrun_tui.coach.session.session_state import SessionState

COUNTDOWN_FROM = 5  # the last seconds of a hold or a rest are counted down aloud
SIDES = {"L": "left side", "R": "right side"}


def workout_cues(
    before: SessionState, after: SessionState, catalog: Catalog, *, every_fifth: bool = False
) -> list[str]:
    """What to say about the change from `before` to `after` (nothing when nothing is news)."""
    old, new = before.workout, after.workout
    if new.finished or not new.items:
        return ["Session done."] if old.items and not old.finished and new.finished else []
    said: list[str] = []
    if len(new.done) > len(old.done) and new.done[-1].exercise_id == old.current.exercise_id:
        said.append("Set done.")
    if not old.items or old.finished or old.item_index != new.item_index:
        said.append(exercise_cue(new, catalog))
        return said
    if new.side != old.side and new.side is not None:
        said.append(f"Now the {SIDES[new.side]}.")
    exercise = catalog.get(new.current.exercise_id)
    if exercise.is_hold:
        said += hold_cues(before, after)
    elif new.count == old.count + 1 and new.set_number == old.set_number:
        said += count_cues(new.count, rep_range(exercise, after.settings)[1], every_fifth)
    return said


def exercise_cue(workout: Workout, catalog: Catalog) -> str:
    exercise = catalog.get(workout.current.exercise_id)
    sets = workout.current.sets
    return f"Next: {exercise.name}, {sets} set{'s' if sets != 1 else ''}."


def count_cues(count: int, top: int, every_fifth: bool) -> list[str]:
    """The count (every rep, or every fifth), "last rep" when one more reaches the top of the
    range, and the top itself."""
    if top > 1 and count == top - 1:
        return [f"{count}. Last rep."]
    if count == top:
        return [f"{count}. Top of the range."]
    if every_fifth and count % 5:
        return []
    return [str(count)]


def hold_cues(before: SessionState, after: SessionState) -> list[str]:
    if after.hold_running and not before.hold_running and after.hold_left:
        return [f"Hold for {after.hold_left} seconds."]
    if after.hold_left < before.hold_left:
        if after.hold_left == 0:
            return ["Hold done."]
        return seconds_cue(after.hold_left)
    return []


def seconds_cue(left: int) -> list[str]:
    """The last seconds counted down: 5, 4, 3, 2, 1."""
    return [str(left)] if 1 <= left <= COUNTDOWN_FROM else []


def rest_cue(seconds: int, next_up: str) -> str:
    return f"Rest {seconds} seconds. Next: {next_up}."
