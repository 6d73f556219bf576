"""The session model when the easier exercise that replaced a painful one is offered at once:
tried now, before what was to follow, or not today."""

from __future__ import annotations

from collections.abc import Callable

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.workout import WorkoutItem
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Clock, Next, SessionState, Transition, unchanged
from backrun_tui.coach.session.workout_model import at_position, end
from backrun_tui.coach.session.writes import SaveLive


def try_instead(
    catalog: Catalog, state: SessionState, event: ev.TryInstead, clock: Clock
) -> Transition:
    """The easier exercise offered after pain: now, before what was to follow; or not today."""
    offer, session = state.offer, state.session
    if state.stage != "workout" or offer is None or session is None:
        return unchanged(state)
    state = state._replace(offer=None)
    after: Next = "rest" if offer.rest_first else "count"
    if not event.accept:
        return (
            end(catalog, state, clock()) if session.workout.finished else Transition(state, after)
        )
    item = WorkoutItem(offer.exercise_id, offer.sets)
    sided = catalog.get(offer.exercise_id).sided == "sides"
    session = session.with_workout(session.workout.with_next(item, sided))
    return Transition(at_position(catalog, state, session), after, (SaveLive(session),))


HANDLERS: dict[type, Callable[..., Transition]] = {ev.TryInstead: try_instead}
