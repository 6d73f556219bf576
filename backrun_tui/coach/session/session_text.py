"""A session in words: one row of the history (for `backrun history` and the screen), and where
an interrupted one stopped (for the resume question)."""

from __future__ import annotations

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import Workout, count_of

MODE_WORDS = {"full": "full", "light": "lighter", "flare_up": "flare-up", "stretches": "stretches"}

SESSION_COLUMNS = ("date", "pain", "day", "sets", "reps", "changes")


def session_row(session: Session) -> tuple[str, str, str, str, str, str]:
    """One session in words: date, pain, kind of day, sets, reps, changes."""
    done = session.workout.done
    return (
        f"{session.started_at:%a %d %b %Y %H:%M}",
        f"{session.report.pain}/10",
        MODE_WORDS.get(session.mode, session.mode),
        str(sets_done(session)),
        str(sum(r.reps for r in done)),
        "; ".join(d.text for d in session.decisions) or "-",
    )


def sets_done(session: Session) -> int:
    """Sets as the plan counts them: the left and the right side of a set are one set."""
    return len({(r.exercise_id, r.set_number) for r in session.workout.done})


SIDE_WORDS = {"L": "left side", "R": "right side"}


def where_it_stopped(catalog: Catalog, workout: Workout) -> str:
    """ "Superman, set 2 of 3, 5 reps so far"; a stretch's sides are sides, not sets."""
    if workout.finished:
        return "every exercise done"
    exercise, item = catalog.get(workout.current.exercise_id), workout.current
    sets = count_of(item.sets, "set")
    if workout.awaiting_feedback:
        return f"{exercise.name}, all {sets} done"
    parts = [exercise.name]
    if item.sets > 1:
        parts.append(f"set {workout.set_number} of {item.sets}")
    if workout.side:
        parts.append(SIDE_WORDS[workout.side])
    if workout.count:
        parts.append(f"{count_of(workout.count, 'rep')} so far")
    return ", ".join(parts)
