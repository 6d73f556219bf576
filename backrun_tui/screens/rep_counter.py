"""The rep counter: one key per rep in big digits, holds counted down, sets, sides and flags."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Label, ProgressBar, Static

from backrun_tui.coach.exercise import Exercise
from backrun_tui.coach.feedback import Feedback, apply_feedback
from backrun_tui.coach.plan import Plan
from backrun_tui.coach.session import Session
from backrun_tui.coach.workout import Workout, last_time_text, rep_range, target_text
from backrun_tui.context import Context
from backrun_tui.screens.base import css
from backrun_tui.screens.dialogs import ConfirmScreen
from backrun_tui.screens.feedback import Answer, FeedbackScreen
from backrun_tui.screens.rest_timer import RestTimerScreen
from backrun_tui.store.errors import StoreError
from backrun_tui.widgets.big_digits import BigDigits

SIDE_NAMES = {"L": "left side", "R": "right side"}


class RepCounterScreen(Screen[tuple[Session, Plan]]):
    """Runs today's workout. Dismisses with the ended session and the plan it left."""

    CSS_PATH = css("rep_counter")
    BINDINGS = [
        Binding("space", "rep", "Rep", id="rep"),
        Binding("space", "hold", "Start/pause", id="hold"),
        Binding("backspace,u", "undo", "Undo", id="undo"),
        Binding("enter", "finish_set", "Set done", id="finish"),
        Binding("p", "painful", "Painful!", id="painful"),
        Binding("q", "quit_session", "End session", id="quit"),
    ]

    hold_running: var[bool] = var(False)

    def __init__(self, ctx: Context, session: Session, plan: Plan) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = session
        self.plan = plan
        self.hold_left = 0
        self._hold_timer: Timer | None = None

    @property
    def workout(self) -> Workout:
        return self.session.workout

    @property
    def exercise(self) -> Exercise:
        return self.ctx.catalog.get(self.workout.current.exercise_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="counter"):
            with Horizontal(id="where"):
                yield Label("", id="exercise-name")
                yield Label("", id="set-info")
            with Horizontal(id="target-line"):
                yield Label("", id="target")
                yield Label("", id="last-time")
            yield BigDigits("0", plain=self.ctx.plain, id="count")
            yield Label("", id="hint")
            yield Static("", id="cues")
            yield Label("", id="decision")
            yield ProgressBar(total=100, show_eta=False, id="session-progress")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._hold_timer = self.set_interval(1.0, self.tick_hold, pause=True)
        if self.workout.finished:  # a resumed session with nothing left to do
            self.call_later(self.end_session)
        else:
            self.show_exercise()
            if self.workout.awaiting_feedback:  # resumed just before the rating question
                self.app.push_screen(FeedbackScreen(self.exercise.name), self.after_feedback)

    # --- display ---

    def show_exercise(self) -> None:
        """Show the current exercise, set and side from the workout state."""
        workout, exercise = self.workout, self.exercise
        item = workout.current
        self.query_one("#exercise-name", Label).update(
            f"{exercise.name}  ({workout.item_index + 1} of {len(workout.items)})"
        )
        side = f" · {SIDE_NAMES[workout.side]}" if workout.side else ""
        alternate = " · alternate sides" if exercise.sided == "alternating" else ""
        self.query_one("#set-info", Label).update(
            f"set {workout.set_number} of {item.sets}{side}{alternate}"
        )
        settings = self.ctx.settings
        self.query_one("#target", Label).update(f"Target: {target_text(exercise, settings)}")
        last = last_time_text(self.ctx.store.last_sets(exercise.id))
        if not last and not exercise.is_hold:
            last = f"new: start at {rep_range(exercise, settings)[0]}"
        self.query_one("#last-time", Label).update(last)
        self.query_one("#cues", Static).update("\n".join(f"• {c}" for c in exercise.cues))
        if exercise.is_hold:
            self.hold_left = exercise.hold_seconds or 0
            self.hold_running = False
        self.show_count()
        self.query_one(ProgressBar).update(progress=workout.progress() * 100)
        self.refresh_bindings()

    def show_count(self) -> None:
        exercise = self.exercise
        value = self.hold_left if exercise.is_hold else self.workout.count
        self.query_one(BigDigits).value = str(value)
        if not exercise.is_hold:
            hint = "Space for each rep · Enter when the set is done"
        elif self.hold_running:
            hint = "Holding... seconds left · Space pauses"
        else:
            hint = f"Space starts the {exercise.hold_seconds} s hold · Enter when done"
        self.query_one("#hint", Label).update(hint)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.workout.finished:
            return action == "quit_session"
        is_hold = self.exercise.is_hold
        if action in ("rep", "undo"):
            return not is_hold
        if action == "hold":
            return is_hold
        return True

    # --- saving ---

    def save(self, session: Session) -> None:
        """Keep the new state and save it; a failed save keeps everything in memory."""
        self.session = session
        try:
            self.ctx.store.save_live(session)
        except StoreError as error:
            self.notify(
                f"{error} Your reps are kept while backrun runs.", severity="error", timeout=8
            )

    # --- reps and holds ---

    def action_rep(self) -> None:
        self.save(self.session.with_workout(self.workout.tap()))
        self.show_count()

    def action_undo(self) -> None:
        self.save(self.session.with_workout(self.workout.undo()))
        self.show_count()

    def action_hold(self) -> None:
        self.hold_running = not self.hold_running
        self.show_count()

    def watch_hold_running(self, running: bool) -> None:
        if self._hold_timer is not None:
            (self._hold_timer.resume if running else self._hold_timer.pause)()

    def tick_hold(self) -> None:
        """One second of a hold passes."""
        if not self.hold_running:
            return
        self.hold_left = max(self.hold_left - 1, 0)
        self.show_count()
        if self.hold_left == 0:
            if self.ctx.settings.bell:
                self.app.bell()
            self.action_finish_set()

    # --- sets and exercises ---

    def action_finish_set(self) -> None:
        exercise = self.exercise
        held = (exercise.hold_seconds or 0) - self.hold_left if exercise.is_hold else 0
        self.hold_running = False
        workout, step = self.workout.finish_set(self.ctx.clock(), seconds=held)
        self.save(self.session.with_workout(workout))
        if step == "next_side":
            self.show_exercise()
        elif step == "rest":
            self.rest(f"{exercise.name}, set {workout.set_number} of {workout.current.sets}")
        else:
            self.app.push_screen(FeedbackScreen(exercise.name), self.after_feedback)

    def rest(self, next_up: str) -> None:
        settings = self.ctx.settings
        screen = RestTimerScreen(
            settings.rest_seconds,
            next_up,
            bell=settings.bell,
            progress=self.workout.progress(),
            plain=self.ctx.plain,
        )
        self.app.push_screen(screen, lambda _: self.show_exercise())

    def after_feedback(self, answer: Answer | None) -> None:
        if answer is None:
            return
        finished = self.exercise
        self.apply(answer)
        if self.workout.finished:
            self.end_session()
        elif not finished.is_stretch:
            self.rest(f"{self.exercise.name}, set 1 of {self.workout.current.sets}")
        else:
            self.show_exercise()

    def apply(self, answer: Answer) -> None:
        """Record the answer about the current exercise, let the coach act, move on."""
        rating, pain = answer
        feedback = Feedback(self.exercise.id, rating, pain, self.ctx.clock())
        plan, decisions = apply_feedback(
            self.ctx.catalog,
            self.plan,
            feedback,
            progressed_today=self.session.progressed_today,
            pain_today=self.session.report.pain,
        )
        if plan != self.plan:
            self.plan = plan
            try:
                self.ctx.store.save_plan(plan)
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=8)
        session = self.session.with_feedback(feedback, decisions)
        self.save(session.with_workout(session.workout.next_exercise()))
        if decisions:
            line = " · ".join(d.text for d in decisions)
            self.query_one("#decision", Label).update(line)
            self.notify(line, title="Plan changed", timeout=6)

    def action_painful(self) -> None:
        self.hold_running = False
        self.app.push_screen(FeedbackScreen(self.exercise.name, pain_only=True), self.after_flag)

    def after_flag(self, answer: Answer | None) -> None:
        if answer is None:
            return
        # keep the reps tapped before it started to hurt; apply() then moves on
        self.session = self.session.with_workout(self.workout.keep_partial(self.ctx.clock()))
        self.apply(answer)
        if self.workout.finished:
            self.end_session()
        else:
            self.show_exercise()

    # --- ending ---

    def action_quit_session(self) -> None:
        if self.workout.mid_set:
            question = (
                f"You are mid-set with {self.workout.count} reps. End the session now? "
                "Every rep so far is kept."
            )
            self.app.push_screen(
                ConfirmScreen(question, "End session", "Keep going"), self.after_quit_question
            )
        else:
            self.end_session()

    def after_quit_question(self, end: bool | None) -> None:
        if end:
            self.save(self.session.with_workout(self.workout.keep_partial(self.ctx.clock())))
            self.end_session()

    def end_session(self) -> None:
        if self._hold_timer is not None:
            self._hold_timer.stop()
        self.dismiss((self.session.ended(self.ctx.clock()), self.plan))
