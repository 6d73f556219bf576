"""Start-up: the first screen is painted before what is below its fold, and the garbage collector,
held off while backrun starts, is running again once the first frame is up."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import AppFactory, press, seed_live_session
from textual.widgets import Button

from backrun_tui import __main__ as entry
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.tui.widgets.checklist import Checklist

SIZE = (100, 30)


@pytest.fixture
def collector_off() -> Iterator[None]:
    """As `backrun` starts the app: with the collector off. Put back as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()


def rest_of_form(screen: SymptomCheckScreen) -> tuple[int, int]:
    return len(screen.query(Checklist)), len(screen.query(Button))


async def test_the_red_flag_lists_come_in_after_the_first_frame(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted_first: list[bool] = []
    add = SymptomCheckScreen.add_rest_of_form

    def spy(screen: SymptomCheckScreen) -> None:
        painted_first.append(screen.app.first_frame_painted)  # type: ignore[attr-defined]
        add(screen)

    monkeypatch.setattr(SymptomCheckScreen, "add_rest_of_form", spy)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SymptomCheckScreen)
        assert painted_first == [True]
        assert rest_of_form(screen) == (3, 1)  # three groups of red flags, and the button
        await press(pilot, "tab", "tab", "tab", "space")  # the first urgent flag, ticked
        assert screen.report().flags


async def test_a_symptom_check_after_another_screen_is_whole_at_once(
    make_app: AppFactory,
) -> None:
    app = make_app()
    seed_live_session(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")  # do not resume: on to the check
        screen = app.screen
        assert isinstance(screen, SymptomCheckScreen)
        assert screen.complete
        assert rest_of_form(screen) == (3, 1)


@pytest.mark.usefixtures("collector_off")
async def test_the_collector_runs_again_once_the_first_frame_is_up(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's objects are set aside, not collected


@pytest.mark.usefixtures("collector_off")
def test_a_command_line_command_leaves_the_collector_on(tmp_path: Path) -> None:
    assert entry.main(["--data-dir", str(tmp_path / "data"), "history"]) == 0
    assert gc.isenabled()
    gc.disable()
    with pytest.raises(SystemExit):
        entry.main(["--version"])
    assert gc.isenabled()
