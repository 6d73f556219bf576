"""The history's figures: sessions this week, the week streak, reps and ladder series."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from history_seed import SeededHistory, reps_in, seed_history

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.history_stats import (
    ladder_series,
    reps_series,
    sessions_per_week,
    sessions_this_week,
    streak_reaches,
    week_streak,
    week_streak_newest_first,
)
from backrun_tui.coach.ladder.session_record import Session, new_session_id
from backrun_tui.coach.ladder.workout import WorkoutItem, start_workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store

WEDNESDAY = date(2026, 11, 25)  # week of Mon 23 Nov


def session_on(
    catalog: Catalog, day: date, hour: int = 7, exercise_id: str = "superman", reps: int = 10
) -> Session:
    """A session on `day` with one set done (none when reps is 0)."""
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    workout = start_workout(catalog, [WorkoutItem(exercise_id, 1)])
    if reps:
        for _ in range(reps):
            workout = workout.tap()
        workout, _step = workout.finish_set(started)
    report = SymptomReport(2, "lower", "none")
    return Session(new_session_id(started), started, report, "go", "full", workout)


@pytest.fixture
def seeded(tmp_path: Path, catalog: Catalog) -> SeededHistory:
    return seed_history(Store.open(tmp_path), catalog)


def test_sessions_this_week_start_on_monday(catalog: Catalog) -> None:
    sessions = [
        session_on(catalog, date(2026, 11, 22), hour=23),  # Sunday night: last week
        session_on(catalog, date(2026, 11, 23), hour=0),  # Monday just after midnight
        session_on(catalog, date(2026, 11, 25)),
        session_on(catalog, date(2026, 11, 25), hour=19),
    ]
    assert sessions_this_week(sessions, WEDNESDAY) == 3
    assert sessions_this_week(sessions, date(2026, 11, 22)) == 4  # on the Sunday
    assert sessions_this_week(sessions[:1], WEDNESDAY) == 0
    assert sessions_this_week([], WEDNESDAY) == 0


def test_week_streak_counts_weeks_in_a_row(catalog: Catalog) -> None:
    days = [date(2026, 11, 24), date(2026, 11, 17), date(2026, 11, 11), date(2026, 11, 2)]
    sessions = [session_on(catalog, d) for d in days]
    assert week_streak(sessions, WEDNESDAY) == 4
    two_in_one_week = [*sessions, session_on(catalog, date(2026, 11, 18))]
    assert week_streak(two_in_one_week, WEDNESDAY) == 4


def test_a_missed_week_breaks_the_streak(catalog: Catalog) -> None:
    days = [date(2026, 11, 24), date(2026, 11, 10), date(2026, 11, 3)]  # none 16-22 Nov
    assert week_streak([session_on(catalog, d) for d in days], WEDNESDAY) == 1
    days = [date(2026, 11, 17), date(2026, 11, 3)]  # none this week, none 9-15 Nov
    assert week_streak([session_on(catalog, d) for d in days], WEDNESDAY) == 1


def test_last_week_still_counts_while_this_week_is_empty(catalog: Catalog) -> None:
    days = [date(2026, 11, 20), date(2026, 11, 12), date(2026, 11, 5)]
    sessions = [session_on(catalog, d) for d in days]
    assert week_streak(sessions, WEDNESDAY) == 3
    # but two empty weeks end it
    assert week_streak(sessions, date(2026, 12, 2)) == 0
    assert week_streak([], WEDNESDAY) == 0


def test_a_session_with_no_sets_keeps_no_streak(catalog: Catalog) -> None:
    sessions = [session_on(catalog, date(2026, 11, 24), reps=0)]
    assert week_streak(sessions, WEDNESDAY) == 0


def test_the_seeded_history_streak(seeded: SeededHistory) -> None:
    # 12 Oct, then 2, 9, 16 and 20 Nov; on Monday 23 Nov this week is still empty
    assert week_streak(seeded.sessions, date(2026, 11, 23)) == 3
    assert sessions_this_week(seeded.sessions, date(2026, 11, 20)) == 2


def test_reps_series_totals_each_session_oldest_first(
    catalog: Catalog, seeded: SeededHistory
) -> None:
    newest_first = list(reversed(seeded.sessions))

    def totals(exercise_id: str) -> list[int]:
        return [total for _, total in reps_series(newest_first, exercise_id)]

    superman = reps_series(newest_first, "superman")
    assert [day for day, _ in superman] == [s.started_at.date() for s in seeded.sessions]
    assert totals("superman") == [2 * reps_in(i) for i in range(5)]  # two sets a session
    # moved up to from High Plank Leg Lifts on the third session; both sides of both sets
    assert totals("high-plank-leg-lifts") == [2 * reps_in(i) for i in range(3)]
    assert totals("single-leg-bridge") == [4 * reps_in(i) for i in (3, 4)]
    assert totals("v-ups") == []


def test_sessions_per_week_counts_empty_weeks_too(seeded: SeededHistory) -> None:
    weeks = sessions_per_week(seeded.sessions, date(2026, 11, 25), 8)
    assert weeks[0] == (date(2026, 10, 5), 0)
    assert weeks[1] == (date(2026, 10, 12), 1)  # Monday 12 Oct
    assert [n for _, n in weeks[-4:]] == [1, 1, 2, 0]  # 2, 9, 16 and 20 Nov; this week none
    assert all(day.weekday() == 0 for day, _ in weeks)


def test_ladder_series_is_the_highest_strength_rung(
    catalog: Catalog, seeded: SeededHistory
) -> None:
    stretches_only = session_on(catalog, date(2026, 11, 22), exercise_id="cat-cow")
    points = ladder_series([stretches_only, *reversed(seeded.sessions)], catalog)
    assert [when for when, _ in points] == [s.started_at for s in seeded.sessions]
    assert [rung for _, rung in points] == [4, 4, 4, 5, 5]  # leg lifts, then Single Leg Bridge


def test_a_streak_of_five_years_is_counted_in_full_and_read_only_as_far_as_it_goes(
    catalog: Catalog,
) -> None:
    """The history showed "streak: 53 weeks" for five years of weekly training (it counted
    the last year only): 262 weeks is right. Read newest first, a broken streak stops the
    reading at the gap."""
    weeks = 262
    mondays = [date(2026, 11, 23) - timedelta(days=7 * n) for n in range(weeks)]
    sessions = [session_on(catalog, monday) for monday in mondays]  # newest first
    assert week_streak(sessions, WEDNESDAY) == weeks
    assert week_streak_newest_first(iter(sessions), WEDNESDAY) == weeks
    read: list[Session] = []

    def reading(all_of_them: list[Session]) -> Iterator[Session]:
        for session in all_of_them:
            read.append(session)
            yield session

    with_a_gap = sessions[:10] + sessions[11:]
    assert week_streak_newest_first(reading(with_a_gap), WEDNESDAY) == 10
    assert len(read) == 11  # not the five years
    assert streak_reaches(sessions[51], 52, WEDNESDAY)  # a year-long streak may go on
    assert not streak_reaches(sessions[51], 10, WEDNESDAY)
