"""The runs logged, edited, deleted and restored by hand: what each does and what is saved. The
day in progress is untouched: a run can be logged from the advice screen or the palette at any
point."""

from __future__ import annotations

from collections.abc import Callable

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.running import run_log
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Clock, SessionState, Transition, next_for
from backrun_tui.coach.session.writes import SaveRun


def _saving(state: SessionState, run: Run, message: str) -> Transition:
    return Transition(state, next_for(state), (SaveRun(run),), message=message)


def run_logged(_: Catalog, state: SessionState, event: ev.RunLogged, clock: Clock) -> Transition:
    run = run_log.logged_run(event.entry, clock())
    return _saving(state, run, f"Run logged: {run_log.run_words(run)}.")


def run_edited(_: Catalog, state: SessionState, event: ev.RunEdited, clock: Clock) -> Transition:
    run = run_log.edited(event.run, event.entry, clock())
    if run == event.run:
        return Transition(state, next_for(state), message="Nothing changed.")
    return _saving(state, run, f"Run changed: {run_log.run_words(run)}.")


def run_deleted(_: Catalog, state: SessionState, event: ev.RunDeleted, clock: Clock) -> Transition:
    if event.run.deleted_at is not None:
        return Transition(state, next_for(state))
    run = run_log.deleted(event.run, clock())
    return _saving(state, run, f"Run deleted (kept in the log): {run_log.run_words(run)}.")


def run_restored(
    _: Catalog, state: SessionState, event: ev.RunRestored, clock: Clock
) -> Transition:
    if event.run.deleted_at is None:
        return Transition(state, next_for(state))
    run = run_log.restored(event.run, clock())
    return _saving(state, run, f"Run restored: {run_log.run_words(run)}.")


HANDLERS: dict[type, Callable[..., Transition]] = {
    ev.RunLogged: run_logged,
    ev.RunEdited: run_edited,
    ev.RunDeleted: run_deleted,
    ev.RunRestored: run_restored,
}
