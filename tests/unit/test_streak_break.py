"""A break of more than 7 days starts the sessions-in-a-row count again; 7 days does not."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.progression import progress_after_session
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import Workout
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.settings import Settings

PLAN = Plan(("superman", "beetle"))


@pytest.mark.parametrize(
    ("gap", "restarts"),
    [
        (timedelta(days=7, hours=3), False),  # Monday evening to the next Monday, later on
        (timedelta(days=8), True),
    ],
)
def test_only_more_than_seven_days_restart_the_count(
    catalog: Catalog, now: datetime, gap: timedelta, restarts: bool
) -> None:
    started = now.replace(hour=20)
    session = Session(
        "s", started, SymptomReport(1, "lower", "none"), "go", "full", Workout((), ())
    )
    _, streaks, decisions = progress_after_session(
        catalog, PLAN, session, {"superman": 1}, Settings(), started - gap
    )
    assert any(d.kind == "restart" for d in decisions) is restarts
    if restarts:
        assert decisions[0].reason == "8 days since the last session"
