"""Pain against running load: the weekly running with the pain of that week's checks, and the
runner's own pattern (the pain the day after long runs against other days). A pattern in one
person's data is an association, never a cause: it is shown only with enough days behind it,
with its counts (`docs/programme.md`, "Personal patterns")."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from statistics import mean

from backrun_tui.coach.running.runs import Run, local

LONG_RUN_MINUTES = 60  # "long": an hour or more, backrun's convention
ENOUGH_DAYS = 5  # checks the day after a long run, and on other days, before a pattern is said
PATTERN_WEEKS = 52  # the pattern reads the last year
SAME_WITHIN = 0.5  # a difference under half a point is "about the same"

Pain = tuple[datetime, int]  # (time of the check, pain 0-10)


def weekly_pain(pains: list[Pain], mondays: list[date]) -> list[float | None]:
    """The average pain of each week's checks (None: no check that week)."""
    by_week: dict[date, list[int]] = defaultdict(list)
    for at, pain in pains:
        day = local(at).date()
        by_week[day - timedelta(days=day.weekday())].append(pain)
    return [round(mean(by_week[m]), 1) if by_week[m] else None for m in mondays]


def pain_cells(weekly: list[float | None]) -> list[str]:
    return ["·" if p is None else f"{p:.0f}" if p == int(p) else f"{p:.1f}" for p in weekly]


def day_after_pains(runs: list[Run], pains: list[Pain]) -> tuple[list[int], list[int]]:
    """The pain at the first check of each day: (days after a long run, the other days)."""
    long_days = {
        local(r.started_at).date() for r in runs if r.moving_seconds >= LONG_RUN_MINUTES * 60
    }
    first: dict[date, Pain] = {}
    for at, pain in sorted(pains):
        first.setdefault(local(at).date(), (at, pain))
    after: list[int] = []
    other: list[int] = []
    for day, (_, pain) in first.items():
        (after if day - timedelta(days=1) in long_days else other).append(pain)
    return after, other


def pattern_text(runs: list[Run], pains: list[Pain], now: datetime) -> str:
    """The runner's pattern over the last year in words, with its period and its numbers, or
    why there is none yet: the app and every report say the same."""
    since = now - timedelta(weeks=PATTERN_WEEKS)
    after, other = day_after_pains(runs, [(at, pain) for at, pain in pains if at >= since])
    period = f"Your pattern (the last {PATTERN_WEEKS} weeks, since {since.day} {since:%b %Y})"
    if len(after) < ENOUGH_DAYS or len(other) < ENOUGH_DAYS:
        return (
            f"{period}: not enough data yet. It needs a symptom check the day after "
            f"{ENOUGH_DAYS} runs of {LONG_RUN_MINUTES} min or more (so far {len(after)}), and on "
            f"{ENOUGH_DAYS} other days (so far {len(other)})."
        )
    high, usual = mean(after), mean(other)
    above = sum(1 for pain in after if pain > usual)
    difference = high - usual
    if abs(difference) < SAME_WITHIN:
        finding = "about the same as"
    else:
        finding = f"{abs(difference):.1f} {'higher' if difference > 0 else 'lower'} than"
    return (
        f"{period}: the day after runs of {LONG_RUN_MINUTES} min or more, your pain was "
        f"{finding} on other days ({high:.1f} against {usual:.1f}); above your usual "
        f"{above} of {len(after)} times. This is a pattern in your own data, not a cause: "
        "many things move back pain."
    )
