"""Safety rules a physiotherapist would insist on, through the service: what a day without
strength work offers, and that the picker's words agree with it."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stdout
from datetime import datetime, timedelta

from service_driver import START, Launcher, sets, to_picker, whole_workout

from backrun_tui.cli.shell_commands import run_command
from backrun_tui.coach.ladder.catalog import Catalog, load_catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.picker_rules import mode_note
from backrun_tui.coach.session.session_state import next_for
from backrun_tui.report.export import export
from backrun_tui.service import SessionService
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


# --- the safety record: warning-sign days and the doctor advice, in the history and reports ---


URGENT = SymptomReport(3, "lower", "none", frozenset({"saddle_numbness"}))
SOON = SymptomReport(3, "lower", "none", frozenset({"weight_loss"}))
CLEAN = SymptomReport(2, "lower", "none")


def everywhere(store: Store, catalog: Catalog, now: datetime) -> dict[str, str]:
    """The safety record as each place a runner or a physio reads it shows it."""
    return {
        "cli": shell_commands_history(store),
        "markdown": export(store, catalog, "markdown", now),
        "html": export(store, catalog, "html", now),
    }


def shell_commands_history(store: Store) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        run_command(argparse.Namespace(command="history", limit=20), store, load_catalog())
    return out.getvalue()


def test_an_urgent_day_that_runs_out_is_in_the_history_and_the_reports(
    launch: Launcher, store: Store, catalog: Catalog
) -> None:
    service = launch()
    service.apply(ev.Launch())
    service.apply(ev.CheckAnswered(URGENT))
    service.apply(ev.AdviceChosen("quit"))
    later = launch(START + timedelta(days=2))  # the 24 hours ran out; nothing was taken back
    assert later.apply(ev.Launch()).next == "check"
    for where, text in everywhere(store, catalog, START + timedelta(days=2)).items():
        assert "Get help now (Numbness around the genitals" in text, where
        assert "24 hours of the urgent advice ran out on 24 Nov 2026" in text, where
    lines = later.safety_lines(START - timedelta(days=1))
    assert [line for _, line in lines] == [
        "Get help now (Numbness around the genitals, buttocks, anus or inner thighs). The 24 "
        "hours of the urgent advice ran out on 24 Nov 2026 07:32; the answers were never taken "
        "back."
    ]


def test_each_red_flag_day_says_how_it_ended(launch: Launcher, store: Store) -> None:
    service = launch()
    service.apply(ev.Launch())
    service.apply(ev.CheckAnswered(URGENT))
    service.apply(ev.AdviceChosen("recheck"))
    service.apply(ev.CheckAnswered(CLEAN))
    service.apply(ev.GateAnswered("mistake"))  # at the check itself
    service.apply(ev.AdviceChosen("quit"))
    later = launch(START + timedelta(days=3))
    later.apply(ev.Launch())
    later.apply(ev.CheckAnswered(SOON))
    later.apply(ev.AdviceChosen("quit"))
    standing = launch(START + timedelta(days=4))
    words = [line for _, line in standing.safety_lines(START - timedelta(days=1))]
    assert words[0].startswith("See a doctor soon (Losing weight") and "Still standing" in words[0]
    assert "ticked by mistake" in words[1]
    checked = launch(START + timedelta(days=6))
    checked.apply(ev.Launch())
    checked.apply(ev.CheckAnswered(CLEAN))
    checked.apply(ev.GateAnswered("doctor"))
    words = [line for _, line in checked.safety_lines(START - timedelta(days=1))]
    assert ": a doctor has checked" in words[0]


def test_the_not_improving_advice_and_its_answer_are_kept(
    launch: Launcher, store: Store, catalog: Catalog
) -> None:
    store.save_plan(PLAN)
    for days in range(30, 0, -3):
        store.record_check(SymptomReport(4, "lower", "none"), "go", START - timedelta(days=days))
    first = launch(START - timedelta(days=30))
    to_picker(first, pain=4)
    whole_workout(first)
    for _ in range(2):  # "remind me next time", twice: kept once
        later = launch()
        assert later.apply(ev.Launch()).next == "doctor"
        later.apply(ev.DoctorNoticeRead(understood=False))
    read = launch(START + timedelta(hours=2))
    read.apply(ev.Launch())
    read.apply(ev.DoctorNoticeRead(understood=True))
    lines = [line for _, line in read.safety_lines(START - timedelta(days=40))]
    assert len(lines) == 2
    assert lines[0].startswith("Advised a visit to a doctor or physiotherapist (after three")
    assert lines[0].endswith("you said you have read it")
    assert lines[1].endswith("you asked to be reminded next time")
    for where, text in everywhere(store, catalog, START + timedelta(hours=3)).items():
        assert "you said you have read it" in text, where
    assert (
        "Advised a visit"
        not in export(store, catalog, "markdown", START).split("## Changes to the plan")[1]
    )  # advice is no change to the plan


def test_changing_the_answers_keeps_the_lighter_day(launch: Launcher, store: Store) -> None:
    yesterday = launch(START - timedelta(days=1))
    to_picker(yesterday, pain=2)
    whole_workout(yesterday)
    today = launch()
    today.apply(ev.Launch())
    today.apply(ev.CheckAnswered(SymptomReport(5, "lower", "none")))
    assert today.state.today is not None and today.state.today.next_day is not None
    assert today.state.today.next_day.lighter
    today.apply(ev.AdviceChosen("recheck"))
    today.apply(ev.CheckAnswered(SymptomReport(5, "lower", "none")))  # the same answer again
    assert today.state.today is not None and today.state.today.next_day is not None
    assert today.state.today.next_day.lighter  # not "Good to train" the second time


# --- a painful exercise: its easier replacement is offered in the same session ---------------

REACH, BALANCE = "single-leg-balance-reach", "single-leg-balance"
RIGHT = ev.Rated("just_right")


def up_to(service: SessionService, exercise_id: str) -> None:
    """Through the workout (every set at 10, each exercise just right) until `exercise_id`."""
    service.apply(ev.StartWorkout())
    for done in sets(service):
        if service.state.workout.current.exercise_id == exercise_id:
            return
        assert done != exercise_id
    raise AssertionError(f"{exercise_id} never came")


def test_the_easier_exercise_is_offered_right_after_a_painful_flag(
    launch: Launcher, store: Store
) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    up_to(service, REACH)
    step = service.apply(ev.FlaggedPainful(4))
    assert step.next == "offer"
    assert "Single Leg Balance takes the place of Single Leg Balance & Reach" in step.message
    step = service.apply(ev.TryInstead(True))
    assert step.next == "count"  # straight on: the flag moved on at once
    assert service.state.workout.current.exercise_id == BALANCE
    rest = list(sets(service))
    assert rest[0] == BALANCE and rest[-1] == "high-plank-leg-lifts"
    [session] = list(store.sessions())
    assert any(r.exercise_id == BALANCE for r in session.workout.done)


def test_the_offer_can_be_declined_and_the_session_goes_on(launch: Launcher, store: Store) -> None:
    store.save_plan(PLAN)
    service = launch()
    to_picker(service)
    up_to(service, REACH)
    service.apply(ev.FlaggedPainful(4))
    assert service.apply(ev.TryInstead(False)).next == "count"
    assert service.state.workout.current.exercise_id == "high-plank-leg-lifts"
    assert BALANCE in service.state.plan.exercise_ids  # it takes the place next time


def test_rated_painful_last_offers_it_after_a_rest(launch: Launcher, store: Store) -> None:
    store.save_plan(Plan(("superman", "beetle", "high-plank-leg-lifts", REACH)))
    service = launch()
    to_picker(service)
    service.apply(ev.StartWorkout())
    rated = list(sets(service, rate=lambda i: ev.Rated("painful", 3) if i == REACH else RIGHT))
    assert rated[-1] == REACH and service.state.stage == "workout"
    assert next_for(service.state) == "offer"
    assert service.apply(ev.TryInstead(True)).next == "rest"
    assert service.state.workout.current.exercise_id == BALANCE
    list(sets(service))
    assert service.state.stage == "summary"
