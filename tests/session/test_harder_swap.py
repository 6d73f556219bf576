"""The picker's harder swap never offers what the runner just said they cannot do: not one
they were moved down from at the last session, and not past a rung that is not yet possible
or rests after it hurt. Each time the picker says why."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher, to_picker, whole_workout

from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session import picker_rules as rules
from backrun_tui.service import SessionService
from backrun_tui.store.repository import Store


def harder(service: SessionService, exercise_id: str) -> str | None:
    found = rules.swap_options(service.catalog, service.state, exercise_id).get("harder")
    return found.id if found else None


def test_no_harder_swap_past_a_rung_not_yet_possible(store: Store, launch: Launcher) -> None:
    service = launch()
    service.apply(ev.Launch())
    service.apply(ev.CheckAnswered(SymptomReport(1, "lower", "none")))
    service.apply(ev.AdviceChosen("train"))
    answers = ("superman", True), ("beetle", True), ("single-leg-balance-reach", True)
    answers += (("high-plank-leg-lifts", False), ("single-leg-bridge", True))
    service.apply(ev.AssessmentDone(answers))
    assert harder(service, "beetle") is None  # rung 6 would pass over rung 4
    why = rules.harder_held_back(service.catalog, service.state, "beetle")
    assert why.startswith("no harder swap: it would pass over rung 4, ")
    assert "(not yet possible)" in why
    assert harder(service, "single-leg-bridge") == "side-plank-lifts"  # nothing passed over
    assert rules.harder_held_back(service.catalog, service.state, "single-leg-bridge") == ""


def test_no_harder_swap_back_to_what_was_too_hard(store: Store, launch: Launcher) -> None:
    first = launch()
    to_picker(first)

    def too_hard(exercise_id: str) -> ev.Rated:
        if exercise_id == "single-leg-balance-reach":
            return ev.Rated("too_hard")
        return ev.Rated("just_right")

    whole_workout(first, rate=too_hard)
    assert "single-leg-balance" in first.state.plan

    service = launch(START + timedelta(days=2))
    to_picker(service)
    assert harder(service, "single-leg-balance") is None
    why = rules.harder_held_back(service.catalog, service.state, "single-leg-balance")
    assert why == (
        "no harder swap today: you were moved down from Single Leg Balance & Reach on "
        "23 Nov (too hard)"
    )
    whole_workout(service)  # another session: the way up is open again
    later = launch(START + timedelta(days=4))
    to_picker(later)
    assert harder(later, "single-leg-balance") == "single-leg-balance-reach"
