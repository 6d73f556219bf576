"""The report's change log, condensed: the last eight weeks in full, each month before them in
one line (how many changes of each kind, and the exercises rested after pain), so years of data
stay short."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from backrun_tui.coach.decisions import Decision, DecisionKind

IN_FULL = timedelta(weeks=8)
KIND_WORDS: dict[DecisionKind, str] = {
    "assessment": "from the assessment",
    "regress": "easier",
    "promote": "up",
    "rollback": "undone the next day",
    "swap": "swapped",
    "bench": "rested after pain",
    "retest": "retested",
    "alternative": "outdoor",
    "addon": "add-on",
    "drop": "dropped",
    "hold": "held",
    "restart": "restarted",
    "gentle": "made gentle",
    "correction": "warning signs taken back",
    "advice": "doctor advice",
}
CHANGES_NOTE = (
    "The last eight weeks in full; each month before them in one line (the changes by kind, "
    "the exercises rested after pain and those flagged painful). The JSON export keeps every "
    "change in full."
)


def recent_changes(decisions: list[Decision], now: datetime) -> list[Decision]:
    """The changes of the last eight weeks, oldest first, in full."""
    return [d for d in decisions if d.at >= now - IN_FULL]


def monthly_lines(
    decisions: list[Decision],
    flags: list[tuple[datetime, str]],
    now: datetime,
    name_of: Callable[[str], str],
) -> list[tuple[str, str]]:
    """(month, one line) for each month before the last eight weeks with changes or painful
    flags, oldest first: the changes by kind, the exercises rested after pain (by `name_of`)
    and those flagged painful (`flags`: when, exercise name)."""
    cutoff = now - IN_FULL
    months: dict[str, tuple[list[Decision], list[str]]] = {}
    for moment in sorted({d.at for d in decisions} | {at for at, _ in flags}):
        if moment < cutoff:
            months.setdefault(f"{moment:%b %Y}", ([], []))
    for decision in decisions:
        if decision.at < cutoff:
            months[f"{decision.at:%b %Y}"][0].append(decision)
    for at, name in flags:
        if at < cutoff:
            months[f"{at:%b %Y}"][1].append(name)
    lines = []
    for month, (made, painful) in months.items():
        counts = Counter(d.kind for d in made)
        kinds = ", ".join(f"{n} {KIND_WORDS[k]}" for k, n in counts.most_common())
        parts = [f"{len(made)} changes ({kinds})" if made else "no changes"]
        rested = [name_of(d.from_id) for d in made if d.kind == "bench" and d.from_id]
        if rested:
            parts.append(f"rested: {', '.join(rested)}")
        if painful:
            named = Counter(painful)
            parts.append(
                "flagged painful: "
                + ", ".join(f"{name}{f' x{n}' if n > 1 else ''}" for name, n in named.items())
            )
        lines.append((month, "; ".join(parts)))
    return lines
