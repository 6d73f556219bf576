"""Screens coming and going (a window dragged across the minimum size pushes and pops the "too
small" screen each time) leave no old footer keys alive: memory stays flat."""

from __future__ import annotations

import gc

from app_helpers import AppFactory, see_advice
from textual.widget import Widget

from backrun_tui.tui.screens.too_small import TooSmallScreen

SIZE = (80, 24)


def footer_keys_alive() -> tuple[int, int]:
    """(FooterKeys in memory, those of them on a screen)."""
    gc.collect()
    keys = [
        o for o in gc.get_objects() if isinstance(o, Widget) and type(o).__name__ == "FooterKey"
    ]
    return len(keys), sum(1 for key in keys if key.is_attached)


async def test_the_too_small_screen_coming_and_going_keeps_no_old_footer_keys(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await see_advice(pilot)
        for _ in range(15):
            await pilot.resize_terminal(70, 20)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            await pilot.pause()
        alive, shown = footer_keys_alive()
        assert shown > 0
        assert alive <= 2 * shown, f"{alive} footer keys in memory, {shown} on screen"
