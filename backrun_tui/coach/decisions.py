"""Decisions: every change the coach makes to the plan, with a one-line reason for the user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

DecisionKind = Literal[
    "assessment",
    "regress",
    "promote",
    "rollback",
    "swap",
    "bench",
    "retest",
    "alternative",
    "addon",
    "drop",
    "hold",
    "restart",  # double-progression streaks start again (a long break, a new rep range)
    "gentle",  # the rest of a session becomes a flare-up session (a painful flag at 6+)
    "correction",  # warning signs taken back: ticked by mistake, or a doctor has checked them
    "advice",  # not a change to the plan: the doctor advice given, and the runner's answer
]


@dataclass(frozen=True)
class Decision:
    """One change to the plan. `text` is the line the user reads, e.g.
    "Single Leg Bridge -> Superman: flagged painful (pain 7/10)"."""

    kind: DecisionKind
    from_id: str | None
    to_id: str | None
    reason: str
    text: str
    at: datetime


def describe(from_name: str | None, to_name: str | None, reason: str) -> str:
    """The one line shown to the user for a change."""
    if from_name and to_name:
        return f"{from_name} -> {to_name}: {reason}"
    if to_name:
        return f"{to_name} added: {reason}"
    if from_name:
        return f"{from_name} taken out of the plan: {reason}"
    return reason


def chosen_by_runner(decision: Decision) -> bool:
    """A change the runner made (a swap in the picker, a retest taken, a step chosen), not one
    the coach decided: said under "What you changed", not "What the coach changed"."""
    return "you chose" in decision.reason
