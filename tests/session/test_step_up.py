"""Three days through the service, without Textual: two good sessions on Superman step it up to
the Beetle, and the day after the picker lists the Beetle and says where Superman went."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher, to_picker, whole_workout

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.session import picker_rules as rules
from backrun_tui.store.repository import Store


def test_two_good_sessions_step_superman_up(store: Store, launch: Launcher) -> None:
    store.save_plan(Plan(("superman",)))
    first = launch()
    to_picker(first, pain=1)
    whole_workout(first, reps=12)
    assert first.state.session is not None and first.state.session.decisions == ()
    assert store.progress().streaks == {"superman": 1}

    second = launch(START + timedelta(days=1))
    to_picker(second, pain=1)
    whole_workout(second, reps=12)
    assert second.state.session is not None
    [step_up] = second.state.session.decisions
    assert (step_up.kind, step_up.from_id, step_up.to_id) == ("promote", "superman", "beetle")
    assert "every set reached 12 with pain in the green, 2 sessions running" in step_up.text
    assert store.load_plan() == Plan(("beetle",))

    third = launch(START + timedelta(days=2))
    to_picker(third, pain=1)
    assert third.state.plan.exercise_ids == ("beetle",)
    listed = [item.exercise_id for item in rules.today_items(third.catalog, third.state)]
    assert "beetle" in listed and "superman" not in listed
    notes = rules.missing_rungs_note(third.catalog, third.state)
    assert "Rung 1, Superman, not in your plan: you have moved past it." in notes
