"""The "since last time" card: what the coach changed since the last session and why, and what
rests and when it is offered again. Shown at launch until the runner has read it once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from backrun_tui.coach.decisions import chosen_by_runner
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Bench
from backrun_tui.coach.ladder.retest import COOL_DOWN
from backrun_tui.coach.session.session_state import SessionState


@dataclass(frozen=True)
class SinceLast:
    last_session: datetime
    changes: tuple[str, ...]  # each change the coach made, with its reason, oldest first
    resting: tuple[str, ...]  # each resting exercise, and when it is offered again
    chosen: tuple[str, ...] = ()  # each change the runner made (a swap they chose), oldest first


def since_last_time(catalog: Catalog, state: SessionState) -> SinceLast | None:
    """The card, when the plan changed at or since the last session and the runner has not
    dismissed the card since; else None. Changes since the last session are shown in full;
    today's (a next-day check, a swap in the picker) come after the card and are said there."""
    start = state.progress.last_session_start
    if start is None:
        return None
    # The assessment's picks are how the plan began, not a change to it (the summary said so).
    changes = [d for d in state.log if d.at >= start and d.kind not in ("assessment", "advice")]
    seen = state.progress.news_seen
    if not changes or (seen is not None and seen >= max(d.at for d in changes)):
        return None
    resting = tuple(resting_line(catalog, bench) for bench in state.plan.benched)
    coach = tuple(d.text for d in changes if not chosen_by_runner(d))
    chosen = tuple(d.text for d in changes if chosen_by_runner(d))
    return SinceLast(start, coach, resting, chosen)


def day_text(day: date) -> str:
    """ "Mon 7 Dec"."""
    return f"{day:%a} {day.day} {day:%b}"


def resting_line(catalog: Catalog, bench: Bench) -> str:
    name, back = catalog.get(bench.exercise_id).name, day_text(bench.since + COOL_DOWN)
    if bench.why == "painful":
        return f"{name} rests after it hurt ({day_text(bench.since)}): offered again from {back}."
    return (
        f"{name} was not yet possible at the assessment ({day_text(bench.since)}): offered "
        f"again from {back}."
    )
