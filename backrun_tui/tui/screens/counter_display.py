"""What the rep counter shows of the state: the exercise, set and side, the target and last
time, the big count (tap it for a rep), both sides' counts, what the keys do, the cues, what the
coach changed, and whether everything is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, ProgressBar, Static

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.workout import last_time_text, rep_range, side_counts, target_text
from backrun_tui.coach.session.session_state import SessionState
from backrun_tui.tui.screens.counter_hint import counter_hint
from backrun_tui.tui.widgets.big_digits import BigDigits
from backrun_tui.tui.widgets.counter_buttons import CounterButtons
from backrun_tui.tui.widgets.exercise_figure import ExerciseFigure
from backrun_tui.tui.widgets.tempo_beat import TempoBeat

SIDE_NAMES = {"L": "left side", "R": "right side"}


class CounterDisplay(Vertical):
    """The counter's face; the screen tells it what to show."""

    def __init__(self, catalog: Catalog, *, plain: bool, id: str) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.plain = plain
        self.save_status = "?"  # what the "Not saved yet" line shows; "?" until first shown

    def compose(self) -> ComposeResult:
        with Horizontal(id="where"):
            yield Label("", id="exercise-name")
            yield Label("", id="set-info")
        with Horizontal(id="target-line"):
            yield Label("", id="target")
            yield Label("", id="last-time")
        with Horizontal(id="count-row"):
            yield BigDigits("0", plain=self.plain, id="count")  # tap it for a rep
            yield ExerciseFigure(id="counter-figure")  # how it is done, beside the count
        yield Label("", id="sides")
        yield TempoBeat(id="beat")
        yield Label("", id="hint")
        yield CounterButtons(id="buttons")
        with VerticalScroll(id="cues-box", can_focus=False):  # ↑ ↓ scroll it
            yield Static("", id="cues")
        yield Label("", id="decision")
        yield Label("", id="save-status")
        yield ProgressBar(total=100, show_eta=False, id="session-progress")

    def show_exercise(self, state: SessionState, *, tempo_mode: bool, save_problem: str) -> None:
        """The current exercise, set and side (a new set: the tempo waits for Space)."""
        workout = state.workout
        if workout.finished:
            return
        item = workout.current
        exercise = self.catalog.get(item.exercise_id)
        self.query_one("#exercise-name", Label).update(
            f"{exercise.name}  ({workout.item_index + 1} of {len(workout.items)})"
        )
        side = f" · {SIDE_NAMES[workout.side]}" if workout.side else ""
        alternate = " · alternate sides" if exercise.sided == "alternating" else ""
        self.query_one("#set-info", Label).update(
            f"set {workout.set_number} of {item.sets}{side}{alternate}"
        )
        self.query_one("#target", Label).update(f"Target: {target_text(exercise, state.settings)}")
        last = last_time_text(exercise, list(state.last_sets.get(exercise.id, ())))
        if not last and not exercise.is_hold:
            last = f"new: start at {rep_range(exercise, state.settings)[0]}"
        last_line = self.query_one("#last-time", Label)
        last_line.update(last)
        last_line.display = bool(last)  # on a narrow terminal an empty one took a row
        beat, settings = self.query_one(TempoBeat), state.settings
        if tempo_mode and not exercise.is_hold and not workout.awaiting_feedback:
            beat.arm(settings.tempo_up, settings.tempo_down)
        else:
            beat.disarm()
        self.query_one("#cues", Static).update("\n".join(f"• {c}" for c in exercise.cues))
        pace = (settings.tempo_up, settings.tempo_down) if tempo_mode else None
        self.query_one(ExerciseFigure).show(
            exercise.id, list(self.catalog.exercises), side=workout.side, pace=pace
        )
        self.query_one(ProgressBar).update(progress=workout.progress() * 100)
        self.show_count(state, save_problem)

    def show_count(self, state: SessionState, save_problem: str) -> None:
        workout = state.workout
        exercise = self.catalog.get(workout.current.exercise_id)
        value = state.hold_left if exercise.is_hold else workout.count
        self.query_one(BigDigits).value = str(value)
        live = f"{(exercise.hold_seconds or 0) - state.hold_left} s" if exercise.is_hold else None
        sides = side_counts(exercise, workout, live or str(workout.count))
        sides_label = self.query_one("#sides", Label)
        sides_label.update(sides)
        sides_label.display = bool(sides)
        beat = self.query_one(TempoBeat)
        hint = counter_hint(
            exercise,
            holding=state.hold_running,
            tempo_running=beat.running,
            tempo_armed=beat.armed,
            touch=self.app.is_web,
            left_side=workout.side == "L",
            hold_started=exercise.is_hold and 0 < state.hold_left < (exercise.hold_seconds or 0),
        )
        self.query_one("#hint", Label).update(hint)
        self.show_saved_state(save_problem)

    def show_saved_state(self, save_problem: str) -> None:
        """A short "Not saved yet" line while a save is failing (checked on every tap, so it
        changes the screen only when the answer changes)."""
        text = (
            f"Not saved yet: {save_problem}. Still counting; trying again." if save_problem else ""
        )
        if text != self.save_status:
            self.save_status = text
            status = self.query_one("#save-status", Label)
            status.update(text)
            status.display = bool(text)

    def show_decisions(self, decisions: tuple[Decision, ...]) -> None:
        """The coach's changes, said once on the counter's own line (never again as a message)."""
        if decisions:
            line = self.query_one("#decision", Label)
            line.update(" · ".join(d.text for d in decisions))
            line.display = True
