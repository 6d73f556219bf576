"""BackrunApp: wires the screens together in the order of a session. No rules live here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import events
from textual.app import App

from backrun_tui import __version__
from backrun_tui.coach.plan import UPPER_BACK_EXERCISE, Plan, add_exercise, plan_from_assessment
from backrun_tui.coach.session import Session, new_session_id
from backrun_tui.coach.triage import SymptomReport, TriageResult, triage
from backrun_tui.coach.workout import SessionMode, Workout
from backrun_tui.context import Context
from backrun_tui.screens.advice import AdviceScreen, Choice
from backrun_tui.screens.assessment import AssessmentScreen
from backrun_tui.screens.base import css
from backrun_tui.screens.dialogs import ConfirmScreen
from backrun_tui.screens.exercise_picker import ExercisePickerScreen
from backrun_tui.screens.rep_counter import RepCounterScreen
from backrun_tui.screens.summary import SummaryScreen
from backrun_tui.screens.symptom_check import SymptomCheckScreen
from backrun_tui.screens.too_small import TooSmallScreen, too_small
from backrun_tui.store.errors import StoreError

T = TypeVar("T")


class BackrunApp(App[None]):
    TITLE = "backrun"
    SUB_TITLE = "advice, not a diagnosis"
    CSS_PATH = css("app")

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.sub_title = f"{self.SUB_TITLE} · v{__version__}"

    def on_mount(self) -> None:
        live = self.saved(self.ctx.store.load_live)
        if live is not None and live.workout.items and live.ended_at is None:
            done = len(live.workout.done)
            question = (
                f"You have an unfinished session from {live.started_at:%a %d %b, %H:%M} with "
                f"{done} set{'s' if done != 1 else ''} done. Resume it?"
            )
            self.push_screen(
                ConfirmScreen(question, "Resume", "End it"),
                lambda yes: self.after_resume_question(live, bool(yes)),
            )
        else:
            if live is not None:  # ended or never started: file it and move on
                self.file_session(live, self.ctx.store.load_plan() or Plan(()))
            self.start_check()
        self.check_size(self.size.width, self.size.height)

    # --- the session, step by step ---

    def start_check(self) -> None:
        self.push_screen(SymptomCheckScreen(), self.after_check)

    def after_check(self, report: SymptomReport | None) -> None:
        if report is None:
            return
        result = triage(report)
        now = self.ctx.clock()
        self.saved(self.ctx.store.record_check, report, result.outcome, now)
        self.push_screen(AdviceScreen(result), lambda c: self.after_advice(report, result, c))

    def after_advice(
        self, report: SymptomReport, result: TriageResult, choice: Choice | None
    ) -> None:
        if choice == "recheck":
            self.start_check()
            return
        if choice not in ("train", "stretches"):
            self.exit()
            return
        now = self.ctx.clock()
        mode: SessionMode = (
            "stretches" if choice == "stretches" else "flare_up" if result.flare_up else "full"
        )
        session = Session(
            new_session_id(now), now, report, result.outcome, mode, Workout(items=(), sided=())
        )
        plan = self.ctx.store.load_plan()
        if (plan is None or not plan.exercise_ids) and mode == "full":
            self.push_screen(
                AssessmentScreen(self.ctx.catalog),
                lambda answers: self.after_assessment(session, result, answers),
            )
            return
        self.open_picker(session, result, plan or Plan(()))

    def after_assessment(
        self, session: Session, result: TriageResult, answers: dict[str, bool] | None
    ) -> None:
        plan, decisions = plan_from_assessment(self.ctx.catalog, answers or {}, self.ctx.clock())
        self.open_picker(session.with_decisions(decisions), result, plan)

    def open_picker(self, session: Session, result: TriageResult, plan: Plan) -> None:
        if result.add_upper_back_exercise and session.mode == "full":
            plan, decision = add_exercise(
                self.ctx.catalog,
                plan,
                UPPER_BACK_EXERCISE,
                "addon",
                "for your upper-back pain",
                self.ctx.clock(),
            )
            if decision is not None:
                session = session.with_decisions([decision])
        if session.decisions:
            self.saved(self.ctx.store.save_plan, plan)
            self.saved(self.ctx.store.save_live, session)
        screen = ExercisePickerScreen(self.ctx, session, plan, result.allows_strength)
        self.push_screen(screen, lambda picked: self.after_picker(session, plan, picked))

    def after_picker(
        self, session: Session, plan: Plan, picked: tuple[Session, Plan] | None
    ) -> None:
        if picked is None:
            if session.decisions:
                self.file_session(session, plan)
            else:
                self.saved(self.ctx.store.discard_live)
            self.exit()
            return
        session, plan = picked
        self.saved(self.ctx.store.save_live, session)
        self.push_screen(RepCounterScreen(self.ctx, session, plan), self.after_workout)

    def after_resume_question(self, live: Session, resume: bool) -> None:
        plan = self.ctx.store.load_plan() or Plan(())
        if resume:
            self.push_screen(RepCounterScreen(self.ctx, live, plan), self.after_workout)
        else:
            self.file_session(live, plan)
            self.start_check()

    def after_workout(self, result: tuple[Session, Plan] | None) -> None:
        if result is None:
            return
        session, plan = result
        self.file_session(session, plan)
        self.push_screen(SummaryScreen(self.ctx, session, plan))

    def file_session(self, session: Session, plan: Plan) -> None:
        """Move a session into the history."""
        self.saved(self.ctx.store.finish_session, session, plan, self.ctx.clock())

    # --- safety nets ---

    def saved(self, action: Callable[..., T], *args: object) -> T | None:
        """Run a store call; a failure is told to the user and the app carries on."""
        try:
            return action(*args)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height):
            if showing:
                self.screen.show_size(width, height)  # type: ignore[attr-defined]
            else:
                self.push_screen(TooSmallScreen())
        elif showing:
            self.pop_screen()
