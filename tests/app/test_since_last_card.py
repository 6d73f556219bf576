"""The "since last time" card at launch, by key presses: what changed and why, what rests until
when; one key goes on to the check, and it is not shown again."""

from __future__ import annotations

from datetime import timedelta

from app_helpers import START, AppFactory, FakeClock, press, screen_text
from service_driver import new_service, to_picker, whole_workout

from backrun_tui.coach.session import events as ev
from backrun_tui.tui.screens.since_last import SinceLastScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen


def painful_superman(exercise_id: str) -> ev.Rated:
    return ev.Rated("painful", 4) if exercise_id == "superman" else ev.Rated("just_right")


def a_session_where_superman_hurt(make_app: AppFactory) -> None:
    app = make_app()
    service = new_service(app.ctx.catalog, app.ctx.store, START)
    to_picker(service)
    whole_workout(service, rate=painful_superman)


async def test_the_card_says_what_changed_and_one_key_goes_on(make_app: AppFactory) -> None:
    a_session_where_superman_hurt(make_app)
    app = make_app(FakeClock(START + timedelta(days=1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SinceLastScreen)
        text = screen_text(app)
        assert "Since your last session (Mon 23 Nov)" in text
        assert "What the coach changed, and why" in text
        assert "Superman" in text and "painful" in text
        assert "Superman rests after it hurt (Mon 23 Nov): offered again from Mon 7 Dec." in text
        await press(pilot, "x")  # a wrong key changes nothing
        assert isinstance(app.screen, SinceLastScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, SymptomCheckScreen)

    again = make_app(FakeClock(START + timedelta(days=1, hours=1)))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, SymptomCheckScreen)  # read once: not shown again


def a_session_with_a_swap_the_runner_chose(make_app: AppFactory) -> None:
    app = make_app()
    service = new_service(app.ctx.catalog, app.ctx.store, START)
    to_picker(service)
    service.apply(ev.Swap("superman", "harder"))
    whole_workout(service)


async def test_the_runners_own_swap_is_said_as_theirs_not_the_coachs(
    make_app: AppFactory,
) -> None:
    """The summary and the card listed the runner's own swap under "What the coach changed"."""
    a_session_with_a_swap_the_runner_chose(make_app)
    app = make_app(FakeClock(START + timedelta(days=1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SinceLastScreen)
        text = screen_text(app)
        assert "What you changed" in text
        assert "you chose a harder one" in text
        coach_part = text.split("What you changed")[0]
        assert "you chose" not in coach_part
