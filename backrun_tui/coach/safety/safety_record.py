"""The safety record: every day with warning signs (urgent, or see a doctor soon) and how it
ended, and the doctor advice when pain did not improve, as the history and the reports tell it.
Worked out from the symptom checks and the changes kept outside sessions, as the gate ran."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal, NamedTuple

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.safety.progress_record import URGENT_HOLDS_FOR
from backrun_tui.coach.safety.triage import SymptomReport, triage

WarningOutcome = Literal["urgent", "doctor_soon"]
Ending = Literal["expired", "mistake", "doctor", "standing"]
Check = tuple[datetime, SymptomReport, str]

OUTCOME_WORDS: dict[WarningOutcome, str] = {
    "urgent": "Get help now",
    "doctor_soon": "See a doctor soon",
}
ENDING_WORDS: dict[Ending, str] = {
    "expired": "The 24 hours of the urgent advice ran out on {when}; the answers were never "
    "taken back.",
    "mistake": "Taken back on {when}: ticked by mistake.",
    "doctor": "Taken back on {when}: a doctor has checked.",
    "standing": "Still standing.",
}
MISTAKE_REASON = "were a mistake"  # in a correction's reason (see `warning_gate.correction`)


class WarningDay(NamedTuple):
    """Warning signs ticked at a check, and how they ended."""

    at: datetime
    outcome: WarningOutcome
    reasons: tuple[str, ...]
    ended: Ending
    ended_at: datetime | None  # None while they stand


class _Open(NamedTuple):
    at: datetime
    outcome: WarningOutcome
    flags: frozenset[str]
    reasons: tuple[str, ...]
    holds_from: datetime  # urgent signs hold for 24 hours from their latest tick


def _ending(correction: Decision) -> Ending:
    return "mistake" if MISTAKE_REASON in correction.reason else "doctor"


def warning_days(
    checks: Iterable[Check], changes: Iterable[Decision], now: datetime
) -> list[WarningDay]:
    """Every run of warning signs, oldest first: from the check that ticked them to the
    correction that took them back, the end of the urgent 24 hours, or still standing now."""
    timeline: list[tuple[datetime, int, Check | Decision]] = [(c[0], 0, c) for c in checks]
    timeline += [(d.at, 1, d) for d in changes if d.kind == "correction"]
    days: list[WarningDay] = []
    held: _Open | None = None
    for at, _, item in sorted(timeline, key=lambda entry: entry[:2]):
        if held is not None and _ran_out(held, at):
            days.append(_closed(held, "expired", held.holds_from + URGENT_HOLDS_FOR))
            held = None
        if isinstance(item, Decision):
            if held is not None:
                days.append(_closed(held, _ending(item), at))
                held = None
            continue
        _, report, outcome = item
        if outcome not in OUTCOME_WORDS:
            continue
        reasons = triage(report).reasons
        if held is None:
            held = _Open(at, outcome, report.flags, reasons, at)
        elif outcome == "urgent" or held.outcome == "doctor_soon":  # as strict, or stricter
            if outcome == held.outcome and report.flags <= held.flags:
                continue  # the same signs still ticked
            merged = held.reasons + tuple(r for r in reasons if r not in held.reasons)
            held = _Open(held.at, outcome, held.flags | report.flags, merged, at)
    if held is not None:
        if _ran_out(held, now):
            days.append(_closed(held, "expired", held.holds_from + URGENT_HOLDS_FOR))
        else:
            days.append(WarningDay(held.at, held.outcome, held.reasons, "standing", None))
    return days


def _ran_out(held: _Open, at: datetime) -> bool:
    return held.outcome == "urgent" and at - held.holds_from >= URGENT_HOLDS_FOR


def _closed(held: _Open, ended: Ending, at: datetime) -> WarningDay:
    return WarningDay(held.at, held.outcome, held.reasons, ended, at)


def warning_day_text(day: WarningDay) -> str:
    """One warning-sign day in a line: what was advised and why, and how it ended."""
    when = f"{day.ended_at:%d %b %Y %H:%M}" if day.ended_at else ""
    ending = ENDING_WORDS[day.ended].format(when=when)
    return f"{OUTCOME_WORDS[day.outcome]} ({'; '.join(day.reasons)}). {ending}"


def safety_lines(
    checks: Iterable[Check], changes: Iterable[Decision], now: datetime
) -> list[tuple[datetime, str]]:
    """(when, line) for every warning-sign day and every doctor advice, newest first."""
    changes = list(changes)
    days = warning_days(checks, changes, now)
    lines = [(day.at, warning_day_text(day)) for day in days]
    ends = {day.ended_at for day in days}
    # The doctor advice, and a correction whose check is not in the history (kept as logged).
    lines += [
        (d.at, d.text)
        for d in changes
        if d.kind == "advice" or (d.kind == "correction" and d.at not in ends)
    ]
    return sorted(lines, key=lambda line: line[0], reverse=True)
