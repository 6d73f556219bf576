"""The picker at 80 columns: every key that works is on screen (footer, list title, details),
the latest change is shown in full, and the harder swap is held back with its reason."""

from __future__ import annotations

from app_helpers import SEE_ADVICE, AppFactory, press, screen_text
from textual.widgets import OptionList

from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen

SIZE = (80, 24)


def footer_keys(app: BackrunApp) -> set[str]:
    """The keys the footer shows now."""
    return {
        key
        for key, active in app.active_bindings.items()
        if active.enabled and active.binding.show and active.node is app.screen
    }


async def test_keys_swaps_and_changes_are_readable_at_80_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "1", SEE_ADVICE, "enter", "y", "y", "y", "n", "y")
        picker = app.screen
        assert isinstance(picker, ExercisePickerScreen)
        options = picker.query_one(OptionList)
        assert "↑↓ choose" in str(options.border_title)
        text = screen_text(app)
        assert "Single Leg Bridge added: passed the assessment (slow, pain-free, good form)" in text
        assert "(and 3 more today: v shows every change)" in text

        await press(pilot, "down", "down", "down", "down")  # Beetle (Dead Bug)
        assert picker.selected().id == "beetle"  # type: ignore[union-attr]
        text = screen_text(app)
        assert "No harder swap: it would pass over rung 4, " in text
        assert "(not yet possible)" in text
        await press(pilot, "h")
        assert picker.plan.exercise_ids[1] == "beetle"  # h does nothing here

        assert "h" not in footer_keys(app)
        await press(pilot, "down", "down")  # Single Leg Bridge
        assert "h: harder swap, " in screen_text(app)
        assert {"enter", "h", "s", "v", "g", "q"} <= footer_keys(app)
        await press(pilot, "h")
        assert "single-leg-bridge" not in picker.plan.exercise_ids
