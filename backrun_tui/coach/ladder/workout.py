"""Today's workout as a state machine: which exercise, set and side, and the reps so far."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.settings import Settings

Side = Literal["L", "R"]
Step = Literal["next_side", "rest", "exercise_done", "session_done"]
SessionMode = Literal["full", "light", "flare_up", "stretches"]

DEFAULT_SETS = 3
FLARE_UP_SETS = 2
FLARE_UP_RUNGS = 2
MAX_COUNT = 99


@dataclass(frozen=True)
class WorkoutItem:
    exercise_id: str
    sets: int


@dataclass(frozen=True)
class SetRecord:
    """One finished set (one side of it, for sided exercises). Holds record seconds, not reps."""

    exercise_id: str
    set_number: int
    side: Side | None
    reps: int
    seconds: int
    at: datetime


@dataclass(frozen=True)
class Workout:
    """Where the runner is in today's session. Every method returns a new Workout."""

    items: tuple[WorkoutItem, ...]
    sided: tuple[bool, ...]  # per item: is it done left then right?
    item_index: int = 0
    set_number: int = 1
    side: Side | None = None
    count: int = 0
    done: tuple[SetRecord, ...] = ()

    # --- where we are ---

    @property
    def finished(self) -> bool:
        return self.item_index >= len(self.items)

    @property
    def current(self) -> WorkoutItem:
        return self.items[self.item_index]

    @property
    def mid_set(self) -> bool:
        """True when reps were tapped that are not yet part of a finished set."""
        return not self.finished and self.count > 0

    def total_steps(self) -> int:
        return sum(i.sets * (2 if s else 1) for i, s in zip(self.items, self.sided, strict=True))

    def steps_done(self) -> int:
        """Finished set-sides, plus the whole of any exercise that was left early."""
        steps = sum(
            i.sets * (2 if s else 1)
            for i, s in zip(self.items[: self.item_index], self.sided, strict=False)
        )
        if not self.finished:
            per_set = 2 if self.sided[self.item_index] else 1
            steps += (self.set_number - 1) * per_set + (1 if self.side == "R" else 0)
            if self.position_recorded:
                steps += 1
        return steps

    @property
    def position_recorded(self) -> bool:
        """True when the set at the current position is already recorded: after the last set
        of an exercise the position stays on it until the exercise is rated."""
        if self.finished or not self.done:
            return False
        last = self.done[-1]
        here = (self.current.exercise_id, self.set_number, self.side)
        return (last.exercise_id, last.set_number, last.side) == here

    @property
    def awaiting_feedback(self) -> bool:
        """Every set of the current exercise is done; it waits for the runner's rating."""
        return self.position_recorded and self.set_number == self.current.sets

    def progress(self) -> float:
        total = self.total_steps()
        return 1.0 if total == 0 else self.steps_done() / total

    def sets_of(self, exercise_id: str) -> list[SetRecord]:
        return [r for r in self.done if r.exercise_id == exercise_id]

    def upcoming(self) -> WorkoutItem | None:
        """The exercise after the current one."""
        nxt = self.item_index + 1
        return self.items[nxt] if nxt < len(self.items) else None

    # --- changes ---

    def tap(self) -> Workout:
        return replace(self, count=min(self.count + 1, MAX_COUNT))

    def undo(self) -> Workout:
        return replace(self, count=max(self.count - 1, 0))

    def finish_set(self, now: datetime, seconds: int = 0) -> tuple[Workout, Step]:
        """Record the set (or hold) in progress and say what comes next."""
        item = self.current
        record = SetRecord(item.exercise_id, self.set_number, self.side, self.count, seconds, now)
        done = (*self.done, record)
        if self.side == "L":
            return replace(self, side="R", count=0, done=done), "next_side"
        if self.set_number < item.sets:
            first_side: Side | None = "L" if self.sided[self.item_index] else None
            moved = replace(self, set_number=self.set_number + 1, side=first_side, count=0)
            return replace(moved, done=done), "rest"
        return replace(self, count=0, done=done), "exercise_done"

    def keep_partial(self, now: datetime, seconds: int = 0) -> Workout:
        """Record the reps (or the seconds held) of an unfinished set (the runner stopped
        early), staying in place."""
        if (self.count == 0 and seconds == 0) or self.finished:
            return self
        item = self.current
        record = SetRecord(item.exercise_id, self.set_number, self.side, self.count, seconds, now)
        return replace(self, done=(*self.done, record), count=0)

    def leave_exercise(self, now: datetime) -> Workout:
        """Stop the current exercise early (e.g. it hurts), keeping any reps already tapped."""
        return self.keep_partial(now).next_exercise()

    def with_rest(self, rest: tuple[WorkoutItem, ...], sided: tuple[bool, ...]) -> Workout:
        """The same workout up to the current exercise, then `rest` instead of what followed."""
        keep = self.item_index + 1
        return replace(self, items=(*self.items[:keep], *rest), sided=(*self.sided[:keep], *sided))

    def with_next(self, item: WorkoutItem, sided: bool) -> Workout:
        """`item` now, before what was to follow (the workout has just moved on)."""
        index = self.item_index
        return replace(
            self,
            items=(*self.items[:index], item, *self.items[index:]),
            sided=(*self.sided[:index], sided, *self.sided[index:]),
            set_number=1,
            side="L" if sided else None,
            count=0,
        )

    def next_exercise(self) -> Workout:
        index = self.item_index + 1
        side: Side | None = "L" if index < len(self.items) and self.sided[index] else None
        return replace(self, item_index=index, set_number=1, side=side, count=0)


def start_workout(catalog: Catalog, items: list[WorkoutItem]) -> Workout:
    sided = tuple(catalog.get(i.exercise_id).sided == "sides" for i in items)
    first_side: Side | None = "L" if sided and sided[0] else None
    return Workout(items=tuple(items), sided=sided, side=first_side)


# One message wherever it shows: the picker, the advice, the summary and the reports.
EVERYTHING_HURT = (
    "Every strength exercise in your plan is resting after it hurt. Pain in every exercise is "
    "itself a reason to see a physiotherapist or doctor: please book a visit. Until then, only "
    "the gentlest stretch that has not hurt, and only if it feels fine."
)


def everything_hurt(catalog: Catalog, plan: Plan) -> bool:
    """Every strength exercise of the plan rests after it hurt: none is left to do."""
    return not plan.exercise_ids and any(
        b.why == "painful" and not catalog.get(b.exercise_id).is_stretch for b in plan.benched
    )


def session_items(
    catalog: Catalog, plan: Plan, mode: SessionMode, sets: int = DEFAULT_SETS
) -> list[WorkoutItem]:
    """Today's list: the stretches first (a gentle warm-up), then the strength work.

    A flare-up keeps only the easiest rungs that are not resting, with fewer sets; a light day
    (after the next-day check) keeps the plan with one set fewer. When every strength exercise
    rests after it hurt, only the gentlest stretch that has not hurt is left."""
    resting = plan.benched_ids
    items = [WorkoutItem(e.id, 1) for e in catalog.stretches() if e.id not in resting]
    if mode == "stretches":
        return items
    if mode in ("full", "light") and everything_hurt(catalog, plan):
        return items[:1]  # only the gentlest stretch that has not hurt
    if mode == "flare_up":
        easiest = [e for e in catalog.ladder() if e.id not in resting][:FLARE_UP_RUNGS]
        return items + [WorkoutItem(e.id, FLARE_UP_SETS) for e in easiest]
    if mode == "light":
        sets = max(sets - 1, 1)
    return items + [WorkoutItem(i, sets) for i in plan.exercise_ids]


def rep_range(exercise: Exercise, settings: Settings | None = None) -> tuple[int, int]:
    """The target reps: the runner's setting for strength work, the catalog's for stretches."""
    if settings is not None and not exercise.is_stretch:
        return settings.rep_low, settings.rep_high
    return exercise.rep_range or (0, 0)


def count_of(number: int, word: str) -> str:
    """ "1 rep", "8 reps": a count with its word, singular for one."""
    return f"{number} {word}{'' if number == 1 else 's'}"


def target_text(exercise: Exercise, settings: Settings | None = None) -> str:
    """The target in words: "8-12 reps", "8-12 reps per side", "hold 30 s per side"."""
    per_side = "" if exercise.sided == "no" else " per side"
    if exercise.is_hold:
        return f"hold {exercise.hold_seconds} s{per_side}"
    low, high = rep_range(exercise, settings)
    if low == high:
        return f"{count_of(low, 'rep')}{per_side}"
    return f"{low}-{high} reps{per_side}"


def amount_text(exercise: Exercise, record: SetRecord) -> str:
    """One set's (or side's) amount: "12" reps, "30 s" held."""
    return f"{record.seconds} s" if exercise.is_hold else str(record.reps)


def sets_text(exercise: Exercise, records: list[SetRecord]) -> str:
    """What was done, set by set: "12 / 11 / 10"; "10 / 9 per side" for alternating sides (one
    count is both sides); "L 8 · R 6 / L 8 · R 8" for one side, then the other; "L 30 s · R 30 s"
    for a hold on each side."""
    by_set: dict[int, list[SetRecord]] = {}
    for record in records:
        by_set.setdefault(record.set_number, []).append(record)
    parts: list[str] = []
    for group in by_set.values():
        if any(r.side for r in group):
            parts.append(" · ".join(f"{r.side} {amount_text(exercise, r)}" for r in group))
        else:
            parts.extend(amount_text(exercise, r) for r in group)
    per_side = " per side" if exercise.sided == "alternating" else ""
    return " / ".join(parts) + (per_side if parts else "")


def last_time_text(exercise: Exercise, records: list[SetRecord]) -> str:
    """ "last time: 12 / 11 / 10", or "" when the exercise was never done."""
    return f"last time: {sets_text(exercise, records)}" if records else ""


def side_counts(exercise: Exercise, workout: Workout, live: str) -> str:
    """Both sides of the set under way, for an exercise done one side, then the other:
    "L 8 · R 6" (`live` is the count or seconds on the side being done now); "" otherwise."""
    if workout.finished or workout.side is None:
        return ""
    here = (workout.current.exercise_id, workout.set_number)
    left = [r for r in workout.done if (r.exercise_id, r.set_number, r.side) == (*here, "L")]
    if workout.side == "L":
        return f"L {live} · R –"
    left_text = amount_text(exercise, left[-1]) if left else "–"
    return f"L {left_text} · R {live}"


def set_goal(
    exercise: Exercise,
    settings: Settings,
    last: list[SetRecord],
    set_number: int,
    side: Side | None,
) -> int:
    """What "finish at target" records for a set of reps: the same set last time (kept within
    the target range), or the low end of the range for a new exercise. Never more than was done
    before, so a set not counted never moves the runner up on its own."""
    low, high = rep_range(exercise, settings)
    before = [r.reps for r in last if (r.set_number, r.side) == (set_number, side)]
    return min(max(before[-1], low), high) if before else low
