"""Safety rules a physiotherapist would insist on, through the service: what a day without
strength work offers, and that the picker's words agree with it."""

from __future__ import annotations

from service_driver import Launcher

from backrun_tui.coach import events as ev
from backrun_tui.coach.picker_rules import mode_note
from backrun_tui.coach.plan import Plan
from backrun_tui.coach.triage import SymptomReport
from backrun_tui.store.repository import Store

PLAN = Plan(("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts"))


def picker_after_stretches(launch: Launcher, store: Store, report: SymptomReport) -> str:
    store.save_plan(PLAN)
    service = launch()
    service.apply(ev.Launch())
    service.apply(ev.CheckAnswered(report))
    service.apply(ev.AdviceChosen("stretches"))
    service.apply(ev.FullPlan())
    assert service.state.session is not None
    assert service.state.session.mode == "stretches"
    return mode_note(service.catalog, service.state)


def test_a_doctor_soon_day_promises_no_session_behind_a(launch: Launcher, store: Store) -> None:
    report = SymptomReport(3, "lower", "none", frozenset({"weight_loss"}))
    note = picker_after_stretches(launch, store, report)
    assert "a =" not in note
    assert "until a doctor has checked you" in note


def test_a_severe_day_is_stretches_and_gentle_movement(launch: Launcher, store: Store) -> None:
    note = picker_after_stretches(launch, store, SymptomReport(9, "lower", "none"))
    assert "a =" not in note and "severe" in note


def test_on_a_flare_up_day_a_names_the_gentle_session(launch: Launcher, store: Store) -> None:
    store.save_plan(PLAN)
    service = launch()
    service.apply(ev.Launch())
    service.apply(ev.CheckAnswered(SymptomReport(6, "lower", "none")))
    service.apply(ev.AdviceChosen("train"))
    service.apply(ev.StretchesOnly())
    assert "gentle session" in mode_note(service.catalog, service.state)
    service.apply(ev.FullPlan())
    assert service.state.session is not None and service.state.session.mode == "flare_up"
