"""The warning-sign gate through the service: urgent signs hold for 24 hours and open a launch
on their advice, "see a doctor soon" signs hold until a doctor has checked them, and taking
them back asks first and is logged. No route leads to training while they hold."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher, whole_workout

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.safety import warning_gate as gate
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.report.export import export
from backrun_tui.service import SessionService
from backrun_tui.store.repository import Store

PLAN = Plan(("superman", "beetle"))
URGENT = SymptomReport(3, "lower", "both")
SOON = SymptomReport(3, "lower", "none", frozenset({"high_temperature"}))
CLEAN = SymptomReport(3, "lower", "none")


def outcome(service: SessionService) -> str:
    assert service.state.today is not None
    return service.state.today.result.outcome


def checked(service: SessionService, report: SymptomReport) -> str:
    service.apply(ev.Launch())
    return service.apply(ev.CheckAnswered(report)).next


def test_urgent_signs_hold_for_a_day_and_taking_them_back_asks(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(PLAN)
    first = launch()
    assert checked(first, URGENT) == "advice" and outcome(first) == "urgent"

    again = launch(START + timedelta(hours=3))  # a relaunch opens on the urgent advice
    step = again.apply(ev.Launch())
    assert step.next == "advice" and outcome(again) == "urgent"
    assert "stand for 24 hours" in step.message
    assert again.apply(ev.AdviceChosen("train")).next == "advice"  # no way to train
    assert again.apply(ev.AdviceChosen("recheck")).next == "check"
    assert again.state.answers == URGENT  # the check starts from the answers given
    assert again.apply(ev.CheckAnswered(CLEAN)).next == "gate"
    assert again.apply(ev.GateAnswered("keep")).next == "advice"
    assert outcome(again) == "urgent"  # they stand
    again.apply(ev.AdviceChosen("recheck"))
    again.apply(ev.CheckAnswered(CLEAN))
    # Hours later, "ticked by mistake" is no longer offered: only a doctor's check opens training.
    refused = again.apply(ev.GateAnswered("mistake"))
    assert refused.next == "gate" and "only a doctor's check" in refused.message
    assert store.progress().warning is not None
    step = again.apply(ev.GateAnswered("doctor"))
    assert outcome(again) == "go"
    [correction] = step.decisions
    assert correction.kind == "correction"
    assert correction.text.startswith("Warning signs taken back (Pain, tingling, weakness")
    assert "a doctor has checked" in correction.text
    assert correction in store.recent_decisions()  # logged at once
    assert store.progress().warning is None

    assert again.apply(ev.AdviceChosen("train")).next == "picker"
    whole_workout(again)
    [session] = list(store.sessions())
    assert correction in session.decisions  # in the history and the physio report


def test_a_mistake_is_taken_back_only_at_the_check_itself(store: Store, launch: Launcher) -> None:
    service = launch()
    checked(service, URGENT)
    assert service.apply(ev.AdviceChosen("recheck")).next == "check"
    assert service.apply(ev.CheckAnswered(CLEAN)).next == "gate"
    step = service.apply(ev.GateAnswered("mistake"))  # still at that check: a mistake is said
    assert outcome(service) == "go" and "were a mistake" in step.decisions[0].text


def test_a_mistake_is_not_offered_once_the_advice_is_left(store: Store, launch: Launcher) -> None:
    service = launch()
    checked(service, SOON)
    service.apply(ev.AdviceChosen("stretches"))  # the advice is left for the picker
    service.apply(ev.StartOver())
    service.apply(ev.CheckAnswered(CLEAN))
    assert not service.state.just_ticked
    assert "mistake" in service.apply(ev.GateAnswered("mistake")).message
    assert store.progress().warning is not None


def test_the_take_back_question_names_the_day_the_signs_were_ticked(
    store: Store, launch: Launcher
) -> None:
    checked(launch(), SOON)  # Mon 23 Nov
    later = launch(START + timedelta(days=2))
    later.apply(ev.Launch())
    later.apply(ev.CheckAnswered(SymptomReport(4, "lower", "none", SOON.flags)))  # still ticked
    later.apply(ev.AdviceChosen("recheck"))
    assert later.apply(ev.CheckAnswered(CLEAN)).next == "gate"
    warning = later.state.progress.warning
    assert warning is not None
    question = gate.take_back_question(warning, later.state.just_ticked)
    assert "On Mon 23 Nov at 07:3" in question


def test_urgent_signs_lapse_after_a_day(store: Store, launch: Launcher) -> None:
    checked(launch(), URGENT)
    later = launch(START + timedelta(hours=25))
    assert later.apply(ev.Launch()).next == "check"


def test_the_palette_cannot_get_round_urgent_signs(store: Store, launch: Launcher) -> None:
    service = launch()
    checked(service, URGENT)
    step = service.apply(ev.StartOver())
    assert step.next == "advice" and outcome(service) == "urgent"


def test_see_a_doctor_soon_holds_until_a_doctor_has_checked(store: Store, launch: Launcher) -> None:
    store.save_plan(PLAN)
    checked(launch(), SOON)
    week = launch(START + timedelta(days=7))
    step = week.apply(ev.Launch())
    assert step.next == "check" and "no strength work until a doctor" in step.message
    assert week.state.answers == SOON  # still ticked
    assert week.apply(ev.CheckAnswered(CLEAN)).next == "gate"
    week.apply(ev.GateAnswered("keep"))
    assert outcome(week) == "doctor_soon"
    assert week.apply(ev.AdviceChosen("train")).next == "advice"  # no strength work
    week.apply(ev.AdviceChosen("recheck"))
    week.apply(ev.CheckAnswered(CLEAN))
    step = week.apply(ev.GateAnswered("doctor"))
    assert "a doctor has checked the warning signs" in step.decisions[0].text
    assert outcome(week) == "go"
    assert launch(START + timedelta(days=8)).apply(ev.Launch()).next == "check"
    assert store.progress().warning is None


def test_a_stricter_sign_replaces_a_milder_one(store: Store, launch: Launcher) -> None:
    service = launch()
    checked(service, SOON)
    service.apply(ev.AdviceChosen("recheck"))
    assert service.apply(ev.CheckAnswered(URGENT)).next == "advice"
    warning = store.progress().warning
    assert warning is not None and warning.outcome == "urgent"


def test_a_correction_without_a_session_reaches_the_history_and_the_report(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(PLAN)
    checked(launch(), SOON)
    later = launch(START + timedelta(days=2))
    later.apply(ev.Launch())
    later.apply(ev.CheckAnswered(CLEAN))
    [correction] = later.apply(ev.GateAnswered("doctor")).decisions
    later.apply(ev.AdviceChosen("quit"))  # no session today
    assert list(store.sessions()) == []
    assert list(later.logged_changes()) == [correction]  # the history screen lists it
    for _ in range(2):  # kept for good, and once however often it is logged
        store.log_decisions((correction,))
    assert list(store.logged_changes()) == [correction]
    report = export(store, load_catalog(), "markdown", START + timedelta(days=3))
    assert f"{correction.at:%d %b %Y %H:%M}: {correction.text}" in report
    assert report.count(correction.text) == 1


def test_a_correction_before_a_session_is_listed_once_in_the_report(
    store: Store, launch: Launcher
) -> None:
    store.save_plan(PLAN)
    service = launch()
    checked(service, SOON)
    service.apply(ev.AdviceChosen("recheck"))
    service.apply(ev.CheckAnswered(CLEAN))
    [correction] = service.apply(ev.GateAnswered("mistake")).decisions
    service.apply(ev.AdviceChosen("train"))
    whole_workout(service)
    [session] = list(store.sessions())
    assert correction in session.decisions
    report = export(store, load_catalog(), "markdown", START + timedelta(days=1))
    assert report.count(correction.text) == 1
