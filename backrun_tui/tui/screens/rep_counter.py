"""The rep counter: one key per rep in big digits (or a tempo that counts them), holds counted
down, sets, both sides' counts and flags.

A view of the session state: each key posts an event for the coach (`CoachEvent`), the app
applies it, and the screen shows the state that comes back. What comes between sets (the rest,
the rating, the questions, the end) is the flow's: the counter stays below them."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header

from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import (
    Workout,
    rep_range,
)
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import SessionState, Transition
from backrun_tui.coach.session.workout_model import unfinished_set
from backrun_tui.tui.screens.base import SavedStateChanged, css
from backrun_tui.tui.screens.counter_display import CounterDisplay
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.session_view import SessionView, tell_coach
from backrun_tui.tui.widgets.key_legend import footer
from backrun_tui.tui.widgets.tempo_beat import TempoBeat

# Events after which the coach may move on (a rest, the rating, the end): the counter's keys
# wait until it says counting goes on. An `f` or Enter pressed again meanwhile recorded the next
# set too and stacked a second rest under the first (seen under load).
MOVING_ON = (ev.SetDone, ev.DoneAtTarget, ev.FlaggedPainful, ev.EndSession)


class RepCounterScreen(Screen[None]):
    """Today's workout, counted; the flow dismisses it when the session has ended."""

    CSS_PATH = css("rep_counter")
    ALLOW_SELECT = False  # taps on the count are reps, never a text selection
    BINDINGS = [
        Binding("space", "rep", "Rep", id="rep"),
        Binding("space", "hold", "Start/pause", id="hold"),
        Binding("space", "tempo", "Start/pause", id="tempo-go"),
        Binding("backspace,u", "undo", "Undo", id="undo"),
        Binding("enter", "finish_set", "Set done", id="finish"),
        Binding("f", "done_at_target", "At target", id="at-target"),
        Binding("t", "tempo_mode", "Tempo", id="tempo"),
        Binding("p", "painful", "Painful!", id="painful"),
        Binding("q", "quit_session", "End session", id="quit"),
        Binding("up", "scroll_cues(-1)", "Scroll the cues", show=False),
        Binding("down", "scroll_cues(1)", "Scroll the cues", show=False),
    ]

    state: var[SessionState] = var(SessionState(), always_update=True, init=False)

    def __init__(self, view: SessionView, *, plain: bool = False) -> None:
        super().__init__()
        self.view = view
        self.catalog = view.catalog
        self.plain = plain
        self.hold_timer: Timer | None = None
        self.moving_on = False  # between sets (rest, rating): the counter's keys wait
        self.tempo_mode = view.state.settings.tempo  # backrun counts the reps at a tempo

    # --- what the tests and the keys read from the state ---

    @property
    def session(self) -> Session:
        session = self.state.session
        assert session is not None
        return session

    @property
    def workout(self) -> Workout:
        return self.state.workout

    @property
    def exercise(self) -> Exercise:
        return self.catalog.get(self.workout.current.exercise_id)

    @property
    def hold_left(self) -> int:
        return self.state.hold_left

    def compose(self) -> ComposeResult:
        yield Header()
        yield CounterDisplay(self.catalog, plain=self.plain, id="counter")
        yield from footer()

    def on_mount(self) -> None:
        # Paused until a hold starts, so its first second is a whole one.
        self.hold_timer = self.set_interval(1.0, self.tick_hold, pause=True)
        self.set_reactive(RepCounterScreen.state, self.view.state)
        self.view.follow(self, self.show_step)
        self.show_exercise()

    # --- display, from the state ---

    def watch_state(self, old: SessionState, new: SessionState) -> None:
        if self.hold_timer is not None and old.hold_running != new.hold_running:
            (self.hold_timer.resume if new.hold_running else self.hold_timer.pause)()
        if new.workout.finished:
            return
        if _position(old) != _position(new):
            self.show_exercise()
        else:
            self.show_count()

    def show_exercise(self) -> None:
        """Show the current exercise, set and side."""
        display = self.query_one(CounterDisplay)
        display.show_exercise(
            self.state, tempo_mode=self.tempo_mode, save_problem=self.view.save_problem
        )
        self.refresh_bindings()

    def show_count(self) -> None:
        self.query_one(CounterDisplay).show_count(self.state, self.view.save_problem)

    @on(SavedStateChanged)
    def show_saved_state(self) -> None:
        self.query_one(CounterDisplay).show_saved_state(self.view.save_problem)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.moving_on:
            return False
        if self.workout.finished:
            return action == "quit_session"
        is_hold = self.exercise.is_hold
        tempo = self.tempo_mode and not is_hold
        if action == "rep":
            return not is_hold and not tempo
        if action == "tempo":
            return tempo
        if action in ("undo", "tempo_mode"):
            return not is_hold
        if action == "hold":
            return is_hold
        return True

    @on(events.Click, "#count")
    async def count_tapped(self) -> None:
        """A tap (or click) on the big count does what Space does: a rep, or start or pause a
        hold or the tempo."""
        for action in ("rep", "hold", "tempo"):
            if self.check_action(action, ()):
                await self.run_action(action)
                return

    # --- events ---

    def send(self, event: ev.Event, *, news: bool = False) -> None:
        """Hand an event to the coach (its message is a warning, unless `news`: then it only
        says what was done)."""
        if isinstance(event, MOVING_ON):
            self.wait_for_the_coach(True)
        tell_coach(self, event, news=news)

    def show_step(self, step: Transition) -> None:
        """What an event did: the new state, and its changes on the counter's own line (said
        once, never again as a message). A state past the workout is the summary's to show."""
        if step.state.stage != "workout" or step.state.session is None:
            return
        self.query_one(CounterDisplay).show_decisions(step.decisions)
        self.state = step.state
        if step.next == "count":
            self.wait_for_the_coach(False)
        if not self.workout.finished:
            self.stop_tempo_at_the_top()

    def wait_for_the_coach(self, waiting: bool) -> None:
        if waiting != self.moving_on:
            self.moving_on = waiting
            self.refresh_bindings()

    def action_scroll_cues(self, lines: int) -> None:
        self.query_one("#cues-box", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_rep(self) -> None:
        self.send(ev.Tap())

    def action_undo(self) -> None:
        self.send(ev.Undo())

    def action_tempo(self) -> None:
        self.query_one(TempoBeat).toggle()
        self.show_count()

    def action_tempo_mode(self) -> None:
        """t: backrun counts at a tempo, or the runner taps again (for this session)."""
        self.tempo_mode = not self.tempo_mode
        self.show_exercise()
        self.refresh_bindings()

    @on(TempoBeat.Rep)
    def tempo_rep(self) -> None:
        """The tempo counted a rep: saved like a tap; it pauses at the top of the range."""
        beat = self.query_one(TempoBeat)
        if not beat.running or self.exercise.is_hold:
            return
        self.send(ev.Tap())
        if self.state.settings.bell:
            self.app.bell()

    def stop_tempo_at_the_top(self) -> None:
        """The tempo pauses once the count reaches the top of the range."""
        beat, top = self.query_one(TempoBeat), rep_range(self.exercise, self.state.settings)[1]
        if beat.running and not self.exercise.is_hold and self.workout.count >= top:
            beat.pause()
            self.notify("The top of your range: Enter ends the set, Space counts on.")
            self.show_count()

    def action_done_at_target(self) -> None:
        """f: the set was done without counting; recorded at its target."""
        self.query_one(TempoBeat).pause()
        self.send(ev.DoneAtTarget(), news=True)

    def action_hold(self) -> None:
        self.send(ev.HoldToggled())

    def tick_hold(self) -> None:
        """One second of a running hold passes (the timer ticks every second)."""
        if self.state.hold_running:
            self.send(ev.HoldTick())

    def action_finish_set(self) -> None:
        self.finish_set()

    @work(exclusive=True, group="between-sets")
    async def finish_set(self) -> None:
        """Enter: the set is done (with no reps counted, only once the runner says so)."""
        self.query_one(TempoBeat).pause()
        if not self.exercise.is_hold and self.workout.count == 0:
            question = "No reps counted in this set. Count it as done with 0 reps?"
            if not await self.app.push_screen_wait(
                ConfirmScreen(question, "Set done", "Keep counting")
            ):
                return
        self.send(ev.SetDone())

    def action_painful(self) -> None:
        self.flag_painful()

    def action_quit_session(self) -> None:
        self.end_session()

    # --- the runner's own questions (what the coach asks next is the flow's) ---

    @work(exclusive=True, group="between-sets")
    async def flag_painful(self) -> None:
        self.query_one(TempoBeat).pause()
        if self.state.hold_running:
            self.send(ev.HoldToggled())
        pain_now = self.session.report.pain
        screen = FeedbackScreen(self.exercise.name, pain_only=True, pain_now=pain_now)
        answer = await self.app.push_screen_wait(screen)
        if answer is None or answer[1] is None:
            return
        self.send(ev.FlaggedPainful(answer[1]))

    @work(exclusive=True, group="between-sets")
    async def end_session(self) -> None:
        self.query_one(TempoBeat).pause()
        unfinished = unfinished_set(self.catalog, self.state)
        if unfinished:
            question = (
                f"You are mid-set with {unfinished}. End the session now? "
                "Everything so far is kept."
            )
            if self.view.unsaved:
                question += f" {self.view.unsaved}"
            if not await self.app.push_screen_wait(
                ConfirmScreen(question, "End session", "Keep going")
            ):
                return
        self.send(ev.EndSession())


def _position(state: SessionState) -> tuple[int, int, str | None, bool]:
    workout = state.workout
    return (workout.item_index, workout.set_number, workout.side, workout.awaiting_feedback)
