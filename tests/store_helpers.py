"""Filing a session straight into a store, by the coach's own filing rule (as the service would)."""

from __future__ import annotations

from datetime import datetime

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.progression import Streaks
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.session.session_filing import file_session
from backrun_tui.coach.session.session_state import SessionState
from backrun_tui.coach.session.writes import FileSession
from backrun_tui.store.repository import Store


def finish_in_store(
    store: Store, session: Session, plan: Plan, now: datetime, streaks: Streaks | None = None
) -> None:
    """Move a session into the store's history with the plan it left, as the app files it."""
    state = SessionState(plan=plan, progress=store.progress())
    _, writes = file_session(state, session, now, plan, streaks)
    for write in writes:
        if isinstance(write, FileSession):
            store.finish_session(write.session, write.plan, write.progress)
        else:
            store.discard_live()
