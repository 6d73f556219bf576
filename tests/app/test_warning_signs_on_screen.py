"""Every warning sign is on screen before the advice: F2 first pages through the unseen ones."""

from __future__ import annotations

from app_helpers import AppFactory, press
from textual.containers import VerticalScroll
from textual.widgets import Label

from backrun_tui.coach.safety.red_flags import FLAG_GROUPS
from backrun_tui.tui.screens.advice import AdviceScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.widgets.checklist import Checklist


def in_view(check: SymptomCheckScreen, group: str) -> bool:
    """The whole list of one group's signs is inside the form's viewport now."""
    form = check.query_one("#form", VerticalScroll).content_region
    signs = check.query_one(f"#flags-{group}", Checklist).region
    return form.y <= signs.y and signs.bottom <= form.bottom


async def test_f2_shows_each_unseen_warning_sign_before_the_advice(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        check = app.screen
        assert isinstance(check, SymptomCheckScreen)
        assert not in_view(check, "urgent")  # below the fold at first
        await press(pilot, "1", "f2")
        assert app.screen is check  # not the advice yet
        assert in_view(check, "urgent")
        assert app.focused is check.query_one("#flags-urgent")  # space ticks what is shown
        hint = check.query_one("#signs-hint", Label)
        assert hint.display and "press F2" in str(hint.render())
        shown = 1
        while app.screen is check:
            assert shown < len(FLAG_GROUPS) + 1, "F2 kept the advice away"
            await press(pilot, "f2")
            shown += 1
        assert isinstance(app.screen, AdviceScreen)


async def test_space_ticks_the_sign_f2_scrolled_to(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2", "space")  # the first urgent sign shown
        check = app.screen
        assert isinstance(check, SymptomCheckScreen)
        assert check.report().flags == {"leg_weakness"}


async def test_signs_read_by_scrolling_need_no_extra_f2(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        form = app.screen.query_one("#form", VerticalScroll)
        for _ in range(30):  # the mouse wheel, a few lines at a time
            form.scroll_down(animate=False)
            await pilot.pause()
        await press(pilot, "f2")
        assert isinstance(app.screen, AdviceScreen)


async def test_jumping_to_the_end_still_shows_the_signs_skipped(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        check = app.screen
        assert isinstance(check, SymptomCheckScreen)
        check.query_one("#form", VerticalScroll).scroll_end(animate=False)
        await pilot.pause()
        assert in_view(check, "routine")
        await press(pilot, "f2")
        assert app.screen is check
        assert in_view(check, "urgent")


async def test_a_big_terminal_shows_every_sign_so_f2_goes_straight_on(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 70)) as pilot:
        await pilot.pause()
        await press(pilot, "2")
        check = app.screen
        assert isinstance(check, SymptomCheckScreen)
        check.action_submit()
        check.action_submit()  # a second F2 before the first is through is harmless
        await pilot.pause()
        assert isinstance(app.screen, AdviceScreen)
        assert sum(isinstance(s, AdviceScreen) for s in app.screen_stack) == 1
