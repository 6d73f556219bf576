"""The pain scale saves the number it shows: 1 then 0 is 10, and a number above 10 is refused
with a message, never taken as its last digit."""

from __future__ import annotations

import pytest
from app_helpers import SEE_ADVICE, AppFactory, press, screen_text

from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.widgets.pain_scale import PainScale


@pytest.mark.parametrize(("keys", "shown"), [(("1", "0"), 10), (("5",), 5), (("0", "7"), 7)])
async def test_the_pain_typed_is_the_pain_shown_and_saved(
    make_app: AppFactory, keys: tuple[str, ...], shown: int
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, *keys)
        assert app.screen.query_one(PainScale).value == shown
        assert f"{shown}/10" in str(app.screen.query_one(PainScale).render())
        await press(pilot, SEE_ADVICE)
        assert isinstance(app.screen, AdviceScreen)
        assert app.service.state.checks[-1][1] == shown


async def test_a_number_above_ten_is_refused_and_said(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "1", "1")
        assert app.screen.query_one(PainScale).value == 1
        assert "Pain scale: it goes from 0 to 10, so 11 is not on it" in screen_text(app)
        await press(pilot, "t")  # corrected: the refusal goes
        assert app.screen.query_one(PainScale).value == 10
        assert not any("11 is not on it" in m.text for m in app.status_messages.current())
        await press(pilot, SEE_ADVICE)
        assert app.service.state.checks[-1][1] == 10


async def test_a_digit_after_another_key_starts_afresh(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "1", "right", "0")  # 1, then 2 with the arrow, then 0 on its own
        assert app.screen.query_one(PainScale).value == 0
