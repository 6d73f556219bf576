"""The rep counter: one key per rep in big digits (or a tempo that counts them), holds counted
down, sets, both sides' counts and flags.

A view of the session state: each key sends an event to the service and the screen renders
what comes back. The rest timer and the questions it shows in between are awaited in order."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Label, ProgressBar, Static

from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import (
    Workout,
    last_time_text,
    rep_range,
    side_counts,
    target_text,
)
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Next, SessionState, Transition, next_for
from backrun_tui.coach.session.workout_model import unfinished_set
from backrun_tui.service import SessionService
from backrun_tui.tui.screens.base import SavedStateChanged, css
from backrun_tui.tui.screens.counter_hint import counter_hint
from backrun_tui.tui.screens.dialogs import ConfirmScreen
from backrun_tui.tui.screens.feedback import FeedbackScreen
from backrun_tui.tui.screens.rest_timer import RestTimerScreen
from backrun_tui.tui.widgets.big_digits import BigDigits
from backrun_tui.tui.widgets.counter_buttons import CounterButtons
from backrun_tui.tui.widgets.key_legend import footer
from backrun_tui.tui.widgets.tempo_beat import TempoBeat

SIDE_NAMES = {"L": "left side", "R": "right side"}


class RepCounterScreen(Screen[None]):
    """Runs today's workout through the service; dismisses when the session has ended."""

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

    def __init__(self, service: SessionService, *, plain: bool = False) -> None:
        super().__init__()
        self.service = service
        self.catalog = service.catalog
        self.plain = plain
        self.hold_timer: Timer | None = None
        self.save_status = "?"  # what the "Not saved yet" line shows; "?" until first shown
        self.moving_on = False  # between sets (rest, rating): the counter's keys wait
        self.tempo_mode = service.state.settings.tempo  # backrun counts the reps at a tempo

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
        with Vertical(id="counter"):
            with Horizontal(id="where"):
                yield Label("", id="exercise-name")
                yield Label("", id="set-info")
            with Horizontal(id="target-line"):
                yield Label("", id="target")
                yield Label("", id="last-time")
            yield BigDigits("0", plain=self.plain, id="count")  # tap it for a rep
            yield Label("", id="sides")
            yield TempoBeat(id="beat")
            yield Label("", id="hint")
            yield CounterButtons(id="buttons")
            with VerticalScroll(id="cues-box", can_focus=False):  # ↑ ↓ scroll it
                yield Static("", id="cues")
            yield Label("", id="decision")
            yield Label("", id="save-status")
            yield ProgressBar(total=100, show_eta=False, id="session-progress")
        yield from footer()

    def on_mount(self) -> None:
        # Paused until a hold starts, so its first second is a whole one.
        self.hold_timer = self.set_interval(1.0, self.tick_hold, pause=True)
        self.set_reactive(RepCounterScreen.state, self.service.state)
        self.show_exercise()
        if next_for(self.state) == "rate":  # resumed just before the rating question
            self.go_on("rate")

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
        workout, state = self.workout, self.state
        if workout.finished:
            return
        exercise, item = self.exercise, workout.current
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
        self.arm_tempo()
        self.query_one("#cues", Static).update("\n".join(f"• {c}" for c in exercise.cues))
        self.query_one(ProgressBar).update(progress=workout.progress() * 100)
        self.show_count()
        self.refresh_bindings()

    def show_count(self) -> None:
        exercise, state = self.exercise, self.state
        value = state.hold_left if exercise.is_hold else self.workout.count
        self.query_one(BigDigits).value = str(value)
        live = f"{(exercise.hold_seconds or 0) - state.hold_left} s" if exercise.is_hold else None
        sides = side_counts(exercise, self.workout, live or str(self.workout.count))
        sides_label = self.query_one("#sides", Label)
        sides_label.update(sides)
        sides_label.display = bool(sides)
        self.query_one("#hint", Label).update(self.hint())
        self.show_saved_state()

    def hint(self) -> str:
        beat = self.query_one(TempoBeat)
        exercise, state = self.exercise, self.state
        return counter_hint(
            exercise,
            holding=state.hold_running,
            tempo_running=beat.running,
            tempo_armed=beat.armed,
            touch=self.app.is_web,
            left_side=self.workout.side == "L",
            hold_started=exercise.is_hold and 0 < state.hold_left < (exercise.hold_seconds or 0),
        )

    def arm_tempo(self) -> None:
        """A new set: the tempo (when on, for reps) waits for Space."""
        beat, settings = self.query_one(TempoBeat), self.state.settings
        if self.tempo_mode and not self.exercise.is_hold and not self.workout.awaiting_feedback:
            beat.arm(settings.tempo_up, settings.tempo_down)
        else:
            beat.disarm()

    @on(SavedStateChanged)
    def show_saved_state(self) -> None:
        """A short "Not saved yet" line while a save is failing (checked on every tap, so it
        changes the screen only when the answer changes)."""
        reason = self.service.reason if self.service.pending else ""
        text = f"Not saved yet: {reason}. Still counting; trying again." if reason else ""
        if text != self.save_status:
            self.save_status = text
            status = self.query_one("#save-status", Label)
            status.update(text)
            status.display = bool(text)

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

    def send(self, event: ev.Event, *, news: bool = False) -> Transition:
        """Hand an event to the service and show the new state and what changed (its message
        is a warning, unless `news`: then it only says what was done)."""
        step = self.service.apply(event)
        self.state = step.state
        if step.decisions:  # said once, on the counter's own line (never again as a message)
            line = " · ".join(d.text for d in step.decisions)
            decision = self.query_one("#decision", Label)
            decision.update(line)
            decision.display = True
        if step.message and step.next not in ("ask", "offer"):  # asked in its dialog, once
            self.notify(step.message, severity="information" if news else "warning")
        if step.ring:
            self.app.bell()
        return step

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
        self.arm_tempo()
        self.show_count()
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
        if self.workout.count >= rep_range(self.exercise, self.state.settings)[1]:
            beat.pause()
            self.notify("The top of your range: Enter ends the set, Space counts on.")
        self.show_count()

    def action_done_at_target(self) -> None:
        """f: the set was done without counting; recorded at its target."""
        self.query_one(TempoBeat).pause()
        self.follow(self.send(ev.DoneAtTarget(), news=True))

    def action_hold(self) -> None:
        self.send(ev.HoldToggled())

    def tick_hold(self) -> None:
        """One second of a running hold passes (the timer ticks every second)."""
        if self.state.hold_running:
            self.follow(self.send(ev.HoldTick()))

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
        self.follow(self.send(ev.SetDone()))

    def action_painful(self) -> None:
        self.flag_painful()

    def action_quit_session(self) -> None:
        self.end_session()

    # --- what comes between sets, in order ---

    def follow(self, step: Transition) -> None:
        if step.next in ("rest", "rate", "summary"):
            self.go_on(step.next)

    @work(exclusive=True, group="between-sets")
    async def go_on(self, next_step: Next) -> None:
        """Rest, the question after an exercise, and the end, as the coach says. Until the
        first of them is on screen the counter takes no keys: an `f` or Enter pressed again
        meanwhile recorded the next set too and stacked a second rest under the first, whose
        keys then reached neither (seen under load: the rest stood still, `s` and `+` dead)."""
        self.moving_on = True
        self.refresh_bindings()
        try:
            await self.between_sets(next_step)
        finally:
            self.moving_on = False
            self.refresh_bindings()

    async def between_sets(self, next_step: Next) -> None:
        while True:
            if next_step == "rest":
                await self.app.push_screen_wait(self.rest_timer())
                next_step = "count"
            elif next_step == "rate":
                rate = FeedbackScreen(self.exercise.name, pain_now=self.session.report.pain)
                answer = await self.app.push_screen_wait(rate)
                if answer is None:
                    return
                step = self.send(ev.Rated(*answer))
                if step.next == "ask":  # moving up would pass over rungs: asked first
                    skip_ok: bool = await self.app.push_screen_wait(
                        ConfirmScreen(step.message, "Move up", "Stay on this rung")
                    )
                    step = self.send(ev.Rated(*answer, skip_ok=skip_ok))
                next_step = await self.answer_offer(step)
            elif next_step == "summary":
                self.dismiss(None)
                return
            else:
                return

    def rest_timer(self) -> RestTimerScreen:
        workout, settings = self.workout, self.state.settings
        next_up = f"{self.exercise.name}, set {workout.set_number} of {workout.current.sets}"
        return RestTimerScreen(
            settings.rest_seconds,
            next_up,
            bell=settings.bell,
            progress=workout.progress(),
            plain=self.plain,
        )

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
        step = self.send(ev.FlaggedPainful(answer[1]))
        next_step = await self.answer_offer(step)
        if next_step == "summary":
            self.dismiss(None)

    async def answer_offer(self, step: Transition) -> Next:
        """The easier exercise that took a painful one's place, offered now: what comes next."""
        if step.next != "offer":
            return step.next
        accept: bool = await self.app.push_screen_wait(
            ConfirmScreen(step.message, "Try it now", "Not today")
        )
        return self.send(ev.TryInstead(accept)).next

    @work(exclusive=True, group="between-sets")
    async def end_session(self) -> None:
        self.query_one(TempoBeat).pause()
        unfinished = unfinished_set(self.catalog, self.state)
        if unfinished:
            question = (
                f"You are mid-set with {unfinished}. End the session now? "
                "Everything so far is kept."
            )
            if self.service.unsaved:
                question += f" {self.service.unsaved}"
            if not await self.app.push_screen_wait(
                ConfirmScreen(question, "End session", "Keep going")
            ):
                return
        self.send(ev.EndSession())
        self.dismiss(None)


def _position(state: SessionState) -> tuple[int, int, str | None, bool]:
    workout = state.workout
    return (workout.item_index, workout.set_number, workout.side, workout.awaiting_feedback)
