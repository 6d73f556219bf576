"""The rep counter's ways of counting: tempo mode (driven by a made-up clock, no sleeping),
finishing a set at its target, and both sides' counts of a one-sided exercise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app_helpers import SEE_ADVICE, AppFactory, FakeClock, press, screen_text, seed_live_session
from textual.pilot import Pilot
from textual.widgets import Label

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.settings import Settings
from backrun_tui.store.repository import Store
from backrun_tui.tui.app import BackrunApp
from backrun_tui.tui.context import Context
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.screens.rep_counter import RepCounterScreen
from backrun_tui.tui.widgets.big_digits import BigDigits
from backrun_tui.tui.widgets.tempo_beat import TempoBeat

SIZE = (100, 30)


class Seconds:
    """A monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def resumed_at_superman(pilot: Pilot[Any], app: BackrunApp) -> RepCounterScreen:
    """The seeded session resumed: Superman, set 2 of 3, 5 reps counted."""
    await pilot.pause()
    await press(pilot, "y")
    counter = app.screen
    assert isinstance(counter, RepCounterScreen)
    return counter


def live_reps(app: BackrunApp) -> int:
    live = app.ctx.store.load_live()
    assert live is not None
    return live.workout.count


async def tempo_seconds(pilot: Pilot[Any], beat: TempoBeat, clock: Seconds, seconds: float) -> None:
    """Time passes in tempo mode, looked at every half second as the timer would."""
    for _ in range(int(seconds * 2)):
        clock.now += 0.5
        beat.tick()
        await pilot.pause()


async def test_tempo_mode_counts_reps_saves_each_and_pauses_on_space(
    make_app: AppFactory,
) -> None:
    app = make_app()
    seed_live_session(app)
    async with app.run_test(size=SIZE) as pilot:
        counter = await resumed_at_superman(pilot, app)
        beat = counter.query_one(TempoBeat)
        clock = Seconds()
        beat.clock = clock
        assert not beat.display
        await press(pilot, "t")  # tempo mode on
        assert beat.display and "Tempo 2 s up · 2 s down" in str(beat.render())
        assert "Space starts the tempo" in screen_text(app)
        await press(pilot, "space")
        assert "▲ up 2" in str(beat.render())
        await tempo_seconds(pilot, beat, clock, 2.5)
        assert "▼ down" in str(beat.render())
        assert counter.workout.count == 5  # half way through a rep: not counted yet
        await tempo_seconds(pilot, beat, clock, 1.5)
        assert counter.query_one(BigDigits).value == "6"
        assert live_reps(app) == 6  # saved like a tap
        await press(pilot, "space")  # pause
        await tempo_seconds(pilot, beat, clock, 20)
        assert live_reps(app) == 6
        assert "Paused · 1 counted" in str(beat.render())
        await press(pilot, "space")  # on again
        await tempo_seconds(pilot, beat, clock, 8)
        assert live_reps(app) == 8
        await press(pilot, "enter")  # the set ends at 8
        sets = app.ctx.store.load_live().workout.sets_of("superman")  # type: ignore[union-attr]
        assert [r.reps for r in sets] == [12, 8]


async def test_tempo_mode_stops_at_the_top_of_the_range(make_app: AppFactory) -> None:
    app = make_app()
    seed_live_session(app)
    app.ctx.store.save_settings(Settings(tempo=True, tempo_up=1, tempo_down=1))
    async with app.run_test(size=SIZE) as pilot:
        counter = await resumed_at_superman(pilot, app)
        beat = counter.query_one(TempoBeat)
        clock = Seconds()
        beat.clock = clock
        assert beat.armed  # the setting turns tempo mode on for every set of reps
        await press(pilot, "space")
        await tempo_seconds(pilot, beat, clock, 30)
        assert counter.workout.count == 12  # the top of 8-12, then it waits
        assert not beat.running
        await press(pilot, "t")  # back to tapping
        await press(pilot, "space")
        assert counter.workout.count == 13


async def test_f_records_the_set_at_target_and_says_so(make_app: AppFactory) -> None:
    app = make_app()
    seed_live_session(app)
    async with app.run_test(size=SIZE) as pilot:
        counter = await resumed_at_superman(pilot, app)
        await press(pilot, "f")  # 5 counted; never done before: the low end, 8
        assert any("Recorded at target: 8 reps." in said for said in app.said)
        sets = app.ctx.store.load_live().workout.sets_of("superman")  # type: ignore[union-attr]
        assert [r.reps for r in sets] == [12, 8]
        assert counter.workout.set_number == 3


async def test_a_one_sided_exercise_shows_both_sides_and_the_summary_reads_alike(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "2", SEE_ADVICE, "s", "enter")  # stretches only, into the counter
        await press(pilot, *["space"] * 8, "enter", "3")  # Cat Cow, rated
        counter = app.screen
        assert isinstance(counter, RepCounterScreen)
        sides = counter.query_one("#sides", Label)
        assert str(sides.render()) == "L 0 s · R –"
        await press(pilot, "space")  # the hold starts
        for _ in range(30):
            counter.tick_hold()
        await pilot.pause()
        assert str(sides.render()) == "L 30 s · R 0 s"
        assert "set 1 of 1 · right side" in screen_text(app)
        await press(pilot, "q", "y")  # end here: the right side not held
        assert "Lying Figure 4 Stretch: L 30 s" in screen_text(app)


async def test_an_alternating_exercise_counts_one_tap_per_pair(make_app: AppFactory) -> None:
    app = make_app()
    seed_live_session(app)
    async with app.run_test(size=SIZE) as pilot:
        counter = await resumed_at_superman(pilot, app)
        await press(pilot, *["space"] * 7, "enter", "s", "f")  # sets 2 and 3 of Superman
        assert isinstance(app.screen, FeedbackScreen)
        await press(pilot, "3")
        await pilot.pause()
        while app.screen is not counter:  # the rest before Beetle (Dead Bug)
            await press(pilot, "enter")
        assert counter.exercise.id == "beetle"
        text = screen_text(app)
        assert "8-12 reps per side" in text
        assert "Space: one left-and-right pair" in text
        assert str(counter.query_one("#sides", Label).render()) == ""


async def test_the_rating_question_shows_its_answers_on_a_narrow_terminal(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path / "data")
    app = BackrunApp(Context(load_catalog(), store, FakeClock(), plain=True))
    async with app.run_test(size=(60, 18)) as pilot:
        await press(pilot, "2", SEE_ADVICE, "s", "enter", *["space"] * 8, "enter")
        assert isinstance(app.screen, FeedbackScreen)
        choices = app.screen.query_one("#choices")
        assert choices.region.height >= 1 and "3 Just right" in str(choices.render())
