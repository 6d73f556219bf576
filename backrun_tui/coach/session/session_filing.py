"""Filing a session into the history: what the runner's record looks like afterwards."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.progression import Streaks
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.session.session_state import RECENT_DECISIONS, SessionState
from backrun_tui.coach.session.writes import DiscardLive, FileSession, Write


def file_session(
    state: SessionState,
    session: Session,
    now: datetime,
    plan: Plan | None = None,
    streaks: Streaks | None = None,
) -> tuple[SessionState, tuple[Write, ...]]:
    """Move a session into the history, with the plan it leaves (today's plan by default). One
    with nothing done and nothing changed is dropped. Progress counts sessions with sets."""
    plan = state.plan if plan is None else plan
    if not session.workout.done and not session.decisions:
        return state._replace(plan=plan), (DiscardLive(),)
    ended = session if session.ended_at else session.ended(now)
    progress = state.progress
    if ended.workout.done:
        progress = progress.after_session(ended.started_at, now, streaks)
    last_sets = dict(state.last_sets)
    for item in ended.workout.items:
        records = tuple(ended.workout.sets_of(item.exercise_id))
        if records:
            last_sets[item.exercise_id] = records
    new = [d for d in ended.decisions if d not in state.log]
    log = (*state.log, *new)[-RECENT_DECISIONS:]
    state = state._replace(plan=plan, progress=progress, last_sets=last_sets, log=log)
    return state, (FileSession(ended, plan, progress),)
