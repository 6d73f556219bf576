"""As `backrun` starts the app: the symptom check is drawn before the catalog, the lock and the
store are opened, and the coach then takes it over (most days) or puts the day's real start in
its place; data that cannot be opened ends the app with the reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import (
    SEE_ADVICE,
    FakeClock,
    activities_asked,
    press,
    screen_text,
    seed_live_session,
    wait_until,
)
from textual.pilot import Pilot

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import CannotOpen, Context, DataToOpen
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.help import HelpScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.widgets.pain_scale import PainScale

SIZE = (100, 30)
BeforeOpen = Callable[[BackrunApp], None]


async def until_opened(pilot: Pilot[None]) -> None:
    """Until the app has opened its data (a moment after the first frame), or given up."""
    app = pilot.app
    assert isinstance(app, BackrunApp)
    for _ in range(500):
        if app.launched or app.cannot_open is not None:
            break
        await pilot.pause(0.01)
    await pilot.pause()


@pytest.fixture
def opened_later(tmp_path: Path) -> Callable[..., BackrunApp]:
    """An app that opens its data after the first frame, as the command line builds it:
    `before_open` sees the app just before; `seeded` fills the store first; `fails` is raised."""

    def factory(
        *,
        theme: str | None = None,
        before_open: BeforeOpen | None = None,
        seeded: Callable[[Context], object] | None = None,
        fails: CannotOpen | None = None,
    ) -> BackrunApp:
        def open_context() -> Context:
            if before_open is not None:
                before_open(app)
            if fails is not None:
                raise fails
            clock = FakeClock()
            store = Store.open(tmp_path / "data")
            activities_asked(store, clock.now)
            ctx = Context(load_catalog(), store, clock)
            if seeded is not None:
                seeded(ctx)
            return ctx

        app = BackrunApp(DataToOpen(open_context, theme=theme))
        return app

    return factory


async def test_the_check_on_screen_first_is_the_one_the_coach_takes_over(
    opened_later: Callable[..., BackrunApp],
) -> None:
    seen: list[object] = []

    def look(app: BackrunApp) -> None:
        seen.extend((app.screen, app.first_frame_painted))

    app = opened_later(before_open=look)
    async with app.run_test(size=SIZE) as pilot:
        await until_opened(pilot)
        first, painted = seen
        assert isinstance(first, SymptomCheckScreen)
        assert painted  # opened after the first frame, not before
        assert app.screen is first  # the same check, now the flow's
        await press(pilot, "3")
        assert app.screen.query_one(PainScale).value == 3
        await press(pilot, SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        assert app.service.state.today is not None
        assert app.service.state.today.report.pain == 3


async def test_an_answer_given_before_the_data_was_open_is_kept(
    opened_later: Callable[..., BackrunApp],
) -> None:
    app = opened_later()
    app.OPEN_AFTER = 1.0  # time to answer before the data is opened
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.launched
        app.screen.dismiss(SymptomReport(2, "lower", "none"))
        await pilot.pause()
        await until_opened(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, AdviceScreen))
        assert app.service.state.today is not None
        assert app.service.state.today.report.pain == 2


async def test_a_question_the_day_starts_with_comes_up_over_the_first_check(
    opened_later: Callable[..., BackrunApp],
) -> None:
    seen: list[object] = []
    app = opened_later(seeded=seed_live_session, before_open=lambda app: seen.append(app.screen))
    async with app.run_test(size=SIZE) as pilot:
        await until_opened(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "unfinished session" in screen_text(app)
        assert app.screen_stack[-2] is seen[0]  # the check stays under the question
        await press(pilot, "n")  # do not resume: the same check, now the flow's
        assert app.screen is seen[0]
        assert "in your history" in screen_text(app)  # what ending it kept, on its line
        await press(pilot, "2", SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)


async def test_a_session_resumed_takes_the_first_check_away(
    opened_later: Callable[..., BackrunApp],
) -> None:
    app = opened_later(seeded=seed_live_session)
    async with app.run_test(size=SIZE) as pilot:
        await until_opened(pilot)
        await press(pilot, "y")
        assert isinstance(app.screen, RepCounterScreen)
        assert not any(isinstance(s, SymptomCheckScreen) for s in app.screen_stack)


async def test_help_asked_for_the_moment_the_check_is_up_comes_once_the_data_is_open(
    opened_later: Callable[..., BackrunApp],
) -> None:
    app = opened_later(before_open=lambda app: app.action_help())
    async with app.run_test(size=SIZE) as pilot:
        await until_opened(pilot)
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, SymptomCheckScreen)


@pytest.mark.parametrize("code", [2, 3])
async def test_data_that_cannot_be_opened_ends_the_app_with_the_reason(
    opened_later: Callable[..., BackrunApp], code: int
) -> None:
    why = CannotOpen("backrun is already running on /tmp/x. Use that one.", code)
    app = opened_later(fails=why)
    async with app.run_test(size=SIZE) as pilot:
        await until_opened(pilot)
    assert app.return_code == code
    assert app.cannot_open is why


@pytest.mark.parametrize(("chosen", "drawn"), [("textual-light", "textual-light"), ("x", None)])
async def test_the_first_frame_is_drawn_in_the_chosen_theme(
    opened_later: Callable[..., BackrunApp], chosen: str, drawn: str | None
) -> None:
    themes: list[str] = []
    app = opened_later(theme=chosen, before_open=lambda app: themes.append(app.theme))
    async with app.run_test(size=SIZE) as pilot:
        await until_opened(pilot)
    assert themes == [drawn or "textual-dark"]  # (an unknown name is not used)
