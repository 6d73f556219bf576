"""The safety record worked out from checks and corrections, as the gate ran."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.safety.safety_record import safety_lines, warning_days
from backrun_tui.coach.safety.triage import SymptomReport

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SOON = SymptomReport(3, "lower", "none", frozenset({"weight_loss"}))
URGENT = SymptomReport(3, "lower", "none", frozenset({"chest_pain"}))
CLEAN = SymptomReport(2, "lower", "none")


def correction(at: datetime, mistake: bool) -> Decision:
    reason = "the warning signs ticked ... were a mistake" if mistake else "a doctor has checked"
    return Decision("correction", None, None, reason, f"Warning signs taken back: {reason}", at)


def test_the_same_signs_ticked_again_are_one_day() -> None:
    checks = [(T0, SOON, "doctor_soon"), (T0 + timedelta(days=2), SOON, "doctor_soon")]
    [day] = warning_days(checks, [], T0 + timedelta(days=3))
    assert day.at == T0 and day.ended == "standing"


def test_signs_getting_worse_become_urgent_and_run_out_a_day_after() -> None:
    later = T0 + timedelta(hours=5)
    checks = [(T0, SOON, "doctor_soon"), (later, URGENT, "urgent")]
    [day] = warning_days(checks, [], T0 + timedelta(days=3))
    assert day.outcome == "urgent" and day.at == T0
    assert day.ended == "expired" and day.ended_at == later + timedelta(hours=24)
    assert len(day.reasons) == 2


def test_a_correction_ends_the_day_and_a_new_tick_starts_another() -> None:
    checks = [
        (T0, URGENT, "urgent"),
        (T0 + timedelta(minutes=5), CLEAN, "go"),
        (T0 + timedelta(days=1), SOON, "doctor_soon"),
    ]
    changes = [
        correction(T0 + timedelta(minutes=6), mistake=True),
        correction(T0 + timedelta(days=2), mistake=False),
    ]
    first, second = warning_days(checks, changes, T0 + timedelta(days=3))
    assert first.ended == "mistake" and second.ended == "doctor"


def test_a_correction_without_its_check_is_still_listed() -> None:
    lone = correction(T0, mistake=True)
    assert safety_lines([], [lone], T0) == [(T0, lone.text)]
