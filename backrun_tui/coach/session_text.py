"""A finished session in words, one row of the history (for `backrun history` and the screen)."""

from __future__ import annotations

from backrun_tui.coach.session import Session

MODE_WORDS = {"full": "full", "light": "lighter", "flare_up": "flare-up", "stretches": "stretches"}

SESSION_COLUMNS = ("date", "pain", "day", "sets", "reps", "changes")


def session_row(session: Session) -> tuple[str, str, str, str, str, str]:
    """One session in words: date, pain, kind of day, sets, reps, changes."""
    done = session.workout.done
    return (
        f"{session.started_at:%a %d %b %Y %H:%M}",
        f"{session.report.pain}/10",
        MODE_WORDS.get(session.mode, session.mode),
        str(len(done)),
        str(sum(r.reps for r in done)),
        "; ".join(d.text for d in session.decisions) or "-",
    )
