"""Figures from the history: this week's sessions, the streak, and series for charts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.session_record import Session


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def last_mondays(today: date, weeks: int) -> list[date]:
    """The Mondays of the last `weeks` weeks up to this one, oldest first."""
    this_week = _week_start(today)
    return [this_week - timedelta(days=7 * n) for n in range(weeks - 1, -1, -1)]


def sessions_this_week(sessions: list[Session], today: date) -> int:
    start = _week_start(today)
    return sum(1 for s in sessions if s.workout.done and s.started_at.date() >= start)


def week_streak(sessions: list[Session], today: date) -> int:
    """Weeks in a row, ending this week or last week, with at least one session."""
    newest_first = sorted(sessions, key=lambda s: s.started_at, reverse=True)
    return week_streak_newest_first(newest_first, today)


def week_streak_newest_first(sessions_newest_first: Iterable[Session], today: date) -> int:
    """As week_streak, from sessions newest first, read only as far as the streak goes: years
    of them when it is that long, a few when it is short."""
    streak, week = 0, _week_start(today)  # the week the streak needs next
    for session in sessions_newest_first:
        if not session.workout.done:
            continue
        started = _week_start(session.started_at.date())
        if started > week:
            continue  # another session of a week already counted (or a clock set back)
        if started == week or (streak == 0 and started == week - timedelta(days=7)):
            streak, week = streak + 1, started - timedelta(days=7)
        else:
            break
    return streak


def streak_reaches(oldest: Session, streak: int, today: date) -> bool:
    """Whether a streak of `streak` weeks to `today` goes back to the week of `oldest` (so the
    sessions before it may make it longer)."""
    return streak > 0 and _week_start(oldest.started_at.date()) >= _week_start(today) - timedelta(
        days=7 * streak
    )


def reps_series(sessions: list[Session], exercise_id: str) -> list[tuple[date, int]]:
    """(day, total reps) of one exercise in each session that did it, oldest first."""
    totals = []
    for session in sorted(sessions, key=lambda s: s.started_at):
        done = session.workout.sets_of(exercise_id)
        if done:
            totals.append((session.started_at.date(), sum(r.reps for r in done)))
    return totals


def sessions_per_week(sessions: list[Session], today: date, weeks: int) -> list[tuple[date, int]]:
    """(Monday, sessions with something done that week) for the last `weeks` weeks up to this
    one, oldest first; weeks without a session count 0."""
    counts: dict[date, int] = {}
    for session in sessions:
        if session.workout.done:
            week = _week_start(session.started_at.date())
            counts[week] = counts.get(week, 0) + 1
    return [(monday, counts.get(monday, 0)) for monday in last_mondays(today, weeks)]


def ladder_series(sessions: list[Session], catalog: Catalog) -> list[tuple[datetime, int]]:
    """The highest ladder rung trained in each session, oldest first."""
    points = []
    for session in sorted(sessions, key=lambda s: s.started_at):
        rungs = [
            catalog.get(r.exercise_id).rung or 0
            for r in session.workout.done
            if r.exercise_id in catalog and not catalog.get(r.exercise_id).is_stretch
        ]
        if rungs:
            points.append((session.started_at, max(rungs)))
    return points
