"""The warning-sign gate. Urgent warning signs hold for 24 hours, "see a doctor soon" ones until
the runner says a doctor has checked them. While they hold, no route leads to training: a new
check that takes them back asks plainly whether they were ticked by mistake or a doctor has
checked them (and logs the answer), or they stand."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Literal

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.safety.progress_record import Progress, Warning
from backrun_tui.coach.safety.triage import Outcome, SymptomReport, TriageResult, triage

STRICTNESS: dict[Outcome, int] = {"urgent": 0, "doctor_soon": 1, "flare_up": 2, "go": 2}
Correction = Literal["mistake", "doctor"]


def standing(progress: Progress, now: datetime) -> Warning | None:
    """The warning signs that still hold at `now`, if any."""
    warning = progress.warning
    return warning if warning is not None and warning.holds(now) else None


def after_check(
    progress: Progress, report: SymptomReport, result: TriageResult, now: datetime
) -> tuple[Progress, bool]:
    """The progress after a check (warning signs kept, the strictest first) and whether the new
    answers take back warning signs that still hold."""
    holding = standing(progress, now)
    outcome = result.outcome
    if holding is not None and outcome == holding.outcome and report.flags <= holding.report.flags:
        return progress, False  # the same signs still ticked: kept from when they were first
    if outcome in ("urgent", "doctor_soon") and (
        holding is None or STRICTNESS[outcome] <= STRICTNESS[holding.outcome]
    ):
        return replace(progress, warning=Warning(outcome, now, report)), False
    return progress, holding is not None and STRICTNESS[outcome] > STRICTNESS[holding.outcome]


def reasons(warning: Warning) -> str:
    return "; ".join(triage(warning.report).reasons)


def ticked_when(warning: Warning) -> str:
    """The day and time the warning signs were ticked, in words."""
    return f"{warning.at:%a} {warning.at.day} {warning.at:%b} at {warning.at:%H:%M}"


MISTAKE_TOO_LATE = (
    "Ticked by mistake can be said only at the check where the signs were ticked. Now only a "
    "doctor's check opens training: press d if a doctor has checked you."
)


def take_back_question(warning: Warning, mistake_allowed: bool) -> str:
    """What the runner is asked when new answers take back warning signs that still hold."""
    said = (
        f"On {ticked_when(warning)} you answered: {reasons(warning)}. "
        "Your new answers take that back."
    )
    if mistake_allowed:
        ask = " Was it ticked by mistake, or has a doctor checked you?"
    else:
        ask = " Has a doctor checked you? (A mistake can be said only at the check itself.)"
    return f"{said}{ask} Your answer is kept in your history. If not, the warning signs stand."


def correction(warning: Warning, answer: Correction, now: datetime) -> Decision:
    """The log line for warning signs taken back."""
    when = f"{warning.at:%a %d %b, %H:%M}"
    if answer == "doctor":
        reason = f"a doctor has checked the warning signs ticked {when}"
    else:
        reason = f"the warning signs ticked {when} were a mistake"
    text = f"Warning signs taken back ({reasons(warning)}): {reason}"
    return Decision("correction", None, None, reason, text, now)


def still_standing_message(warning: Warning) -> str:
    """What a launch (or a new check) says while warning signs hold."""
    if warning.outcome == "urgent":
        return (
            f"The warning signs from {warning.at:%a %H:%M} stand for 24 hours: please get help "
            "now. If they were ticked by mistake, or a doctor has checked you, change your "
            "answers (c)."
        )
    return (
        f"You ticked warning signs on {warning.at:%a %d %b} that need a doctor's check: no "
        "strength work until a doctor has checked you. They are still ticked below."
    )
