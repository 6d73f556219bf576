"""The order of a session's screens, from the symptom check to the summary.

Each step pushes a screen and continues in the callback that receives its result; the coach
decides, the store saves, and this module only passes results along."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from backrun_tui.coach.plan import UPPER_BACK_EXERCISE, Plan, add_exercise, plan_from_assessment
from backrun_tui.coach.plan_changes import apply_outdoor_setting
from backrun_tui.coach.progression import (
    NOT_IMPROVING_AFTER,
    NextDay,
    next_day_check,
    not_improving,
    progress_after_session,
)
from backrun_tui.coach.session import Session, new_session_id
from backrun_tui.coach.triage import SymptomReport, TriageResult, triage
from backrun_tui.coach.workout import SessionMode, Workout
from backrun_tui.screens.symptom_check import SymptomCheckScreen

if TYPE_CHECKING:
    from backrun_tui.app import BackrunApp
    from backrun_tui.screens.advice import Choice

# The screens after the symptom check are imported where they are first pushed: start-up then
# loads only what the first frame shows (see benchmarks/README.md).

DOCTOR_TITLE = "Time to see a doctor"


@dataclass(frozen=True)
class Today:
    """What the symptom check decided for today."""

    report: SymptomReport
    result: TriageResult
    next_day: NextDay | None


class SessionFlow:
    def __init__(self, app: BackrunApp) -> None:
        self.app = app
        self.ctx = app.ctx
        self.store = app.ctx.store

    # --- launch ---

    def launch(self) -> None:
        """Offer to resume an interrupted session, else start a new one."""
        live = self.app.saved(self.store.load_live)
        if live is not None and live.workout.items and live.ended_at is None:
            done = len(live.workout.done)
            question = (
                f"You have an unfinished session from {live.started_at:%a %d %b, %H:%M} with "
                f"{done} set{'s' if done != 1 else ''} done. Resume it?"
            )
            from backrun_tui.screens.dialogs import ConfirmScreen  # loaded only when needed

            self.app.push_screen(
                ConfirmScreen(question, "Resume", "End it"),
                lambda yes: self.after_resume_question(live, bool(yes)),
            )
            return
        if live is not None:  # ended, or stopped before the first set
            self.file_session(live, self.store.load_plan() or Plan(()))
        self.doctor_advice_then_check()

    def after_resume_question(self, live: Session, resume: bool) -> None:
        from backrun_tui.screens.rep_counter import RepCounterScreen

        plan = self.store.load_plan() or Plan(())
        if resume:
            self.app.push_screen(RepCounterScreen(self.ctx, live, plan), self.after_workout)
        else:
            self.file_session(live, plan)
            self.doctor_advice_then_check()

    def doctor_advice_then_check(self) -> None:
        """Three weeks without improvement: advise a doctor on every launch until read."""
        now = self.ctx.clock()
        progress = self.store.progress()
        reason = not_improving(self.store.recent_checks(), progress.first_session, now)
        seen = progress.doctor_acknowledged
        if not reason or (seen is not None and now - seen < NOT_IMPROVING_AFTER):
            self.start_check()
            return
        from backrun_tui.screens.dialogs import NoticeScreen  # loaded only when needed

        text = (
            f"Please book a visit with a doctor or physiotherapist: {reason}. Training can go "
            "on gently meanwhile. backrun gives advice, not a diagnosis."
        )
        self.app.push_screen(NoticeScreen(DOCTOR_TITLE, text), self.after_doctor_advice)

    def after_doctor_advice(self, understood: bool | None) -> None:
        if understood:
            progress = self.store.progress()
            acknowledged = replace(progress, doctor_acknowledged=self.ctx.clock())
            self.app.saved(self.store.save_progress, acknowledged)
        self.start_check()

    # --- the symptom check and advice ---

    def start_check(self) -> None:
        screen = SymptomCheckScreen(complete=self.app.first_frame_painted)
        self.app.push_screen(screen, self.after_check)

    def after_check(self, report: SymptomReport | None) -> None:
        from backrun_tui.screens.advice import AdviceScreen

        if report is None:
            return
        now = self.ctx.clock()
        earlier = self.store.recent_checks()
        result = triage(report)
        self.app.saved(self.store.record_check, report, result.outcome, now)
        next_day = None
        if result.outcome == "go":
            progress = self.store.progress()
            since = progress.last_session_start
            last_decisions = [
                d for d in self.store.recent_decisions() if since is None or d.at >= since
            ]
            plan = self.store.load_plan() or Plan(())
            next_day = next_day_check(
                self.ctx.catalog,
                plan,
                report.pain,
                earlier,
                progress.last_session_end,
                last_decisions,
                now,
            )
        today = Today(report, result, next_day)
        notes = [next_day.message] if next_day and next_day.lighter else []
        self.app.push_screen(AdviceScreen(result, notes), lambda c: self.after_advice(today, c))

    def after_advice(self, today: Today, choice: Choice | None) -> None:
        from backrun_tui.screens.assessment import AssessmentScreen

        if choice == "recheck":
            self.start_check()
            return
        if choice not in ("train", "stretches"):
            self.app.exit()
            return
        now = self.ctx.clock()
        lighter = today.next_day is not None and today.next_day.lighter
        mode: SessionMode = (
            "stretches"
            if choice == "stretches"
            else "flare_up"
            if today.result.flare_up
            else "light"
            if lighter
            else "full"
        )
        session = Session(
            new_session_id(now),
            now,
            today.report,
            today.result.outcome,
            mode,
            Workout(items=(), sided=()),
        )
        plan = self.store.load_plan()
        if today.next_day is not None and today.next_day.decisions:
            plan = today.next_day.plan
            session = session.with_decisions(list(today.next_day.decisions))
        if (plan is None or not plan.exercise_ids) and mode == "full":
            self.app.push_screen(
                AssessmentScreen(self.ctx.catalog),
                lambda answers: self.after_assessment(session, today.result, answers),
            )
            return
        self.open_picker(session, today.result, plan or Plan(()))

    def after_assessment(
        self, session: Session, result: TriageResult, answers: dict[str, bool] | None
    ) -> None:
        plan, decisions = plan_from_assessment(self.ctx.catalog, answers or {}, self.ctx.clock())
        self.open_picker(session.with_decisions(decisions), result, plan)

    # --- picking and training ---

    def open_picker(self, session: Session, result: TriageResult, plan: Plan) -> None:
        from backrun_tui.screens.exercise_picker import ExercisePickerScreen

        now = self.ctx.clock()
        if result.add_upper_back_exercise and session.mode in ("full", "light"):
            plan, added = add_exercise(
                self.ctx.catalog,
                plan,
                UPPER_BACK_EXERCISE,
                "addon",
                "for your upper-back pain",
                now,
            )
            if added is not None:
                session = session.with_decisions([added])
        plan, outdoor = apply_outdoor_setting(
            self.ctx.catalog, plan, self.ctx.settings.outdoor, now
        )
        session = session.with_decisions(outdoor)
        if session.decisions:
            self.app.saved(self.store.save_plan, plan)
            self.app.saved(self.store.save_live, session)
        screen = ExercisePickerScreen(self.ctx, session, plan, result.allows_strength)
        self.app.push_screen(screen, self.after_picker)

    def after_picker(self, picked: tuple[Session, Plan] | None) -> None:
        from backrun_tui.screens.rep_counter import RepCounterScreen

        if picked is None:
            live = self.store.load_live()
            if live is not None:
                self.file_session(live, self.store.load_plan() or Plan(()))
            self.app.exit()
            return
        session, plan = picked
        self.app.saved(self.store.save_live, session)
        self.app.push_screen(RepCounterScreen(self.ctx, session, plan), self.after_workout)

    def after_workout(self, result: tuple[Session, Plan] | None) -> None:
        from backrun_tui.screens.summary import SummaryScreen

        if result is None:
            return
        session, plan = result
        plan, streaks, decisions = progress_after_session(
            self.ctx.catalog, plan, session, self.store.progress().streaks, self.ctx.settings
        )
        session = session.with_decisions(decisions)
        self.file_session(session, plan, streaks)
        self.app.push_screen(SummaryScreen(self.ctx, session, plan))

    def file_session(
        self, session: Session, plan: Plan, streaks: dict[str, int] | None = None
    ) -> None:
        """Move a session into the history; one with nothing done or changed is dropped."""
        if not session.workout.done and not session.decisions:
            self.app.saved(self.store.discard_live)
            return
        self.app.saved(self.store.finish_session, session, plan, self.ctx.clock(), streaks)

    def save_before_exit(self) -> None:
        """Save the session in progress once more (each tap already saved it)."""
        from backrun_tui.screens.rep_counter import RepCounterScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, RepCounterScreen):
                self.store.save_live(screen.session)
