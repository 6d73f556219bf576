"""The order of a day's screens, read top to bottom: show the screen the coach asks for, wait for
the runner's answer, hand it to the service as an event, and go on with what the coach says
comes next. Runs as one worker; a new one (the palette's "Start a session") replaces it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

from backrun_tui.coach import events as ev
from backrun_tui.coach.session_state import Next, Transition, next_for
from backrun_tui.service import SessionService

# The screens after the symptom check are imported where they are first shown: start-up then
# loads only what the first frame shows (see benchmarks/README.md).

DOCTOR_TITLE = "Time to see a doctor"
T = TypeVar("T")


class SessionFlow:
    """Walks one day from launch to the summary."""

    def __init__(
        self,
        app: App[Any],
        service: SessionService,
        *,
        plain: bool,
        first_frame_painted: Callable[[], bool],
        request_quit: Callable[[], Awaitable[bool]],
        on_screen_shown: Callable[[], None],
    ) -> None:
        self.app = app
        self.service = service
        self.plain = plain
        self.first_frame_painted = first_frame_painted
        self.request_quit = request_quit
        self.on_screen_shown = on_screen_shown

    async def run(self, first: ev.Event) -> None:
        step = self.tell(self.service.apply(first))
        while True:
            if step.next == "quit":
                if await self.request_quit():
                    return
                step = self.tell(self.service.apply(ev.StartOver()))
                continue
            event = await self.ask(step.next)
            if event is None:
                step = Transition(self.service.state, next_for(self.service.state))
            else:
                step = self.tell(self.service.apply(event))

    def tell(self, step: Transition) -> Transition:
        """Say what the coach had to say (its changes are on the screens that follow: the
        picker's change lines, the summary)."""
        if step.message:
            self.app.notify(step.message, severity="warning")
        return step

    async def show(self, screen: Screen[T]) -> T:
        """Show a screen and wait for its answer (the app checks the terminal size once it is
        on, so a too-small notice stays on top)."""
        answer = self.app.push_screen(screen, wait_for_dismiss=True)
        self.on_screen_shown()  # the screen is on the stack now
        return await answer

    async def ask(self, next_step: Next) -> ev.Event | None:
        """Show the screen for a step and turn the runner's answer into an event."""
        state = self.service.state
        if next_step == "resume":
            from backrun_tui.screens.dialogs import ConfirmScreen

            assert state.live is not None
            live = state.live
            done = len(live.workout.done)
            question = (
                f"You have an unfinished session from {live.started_at:%a %d %b, %H:%M} with "
                f"{done} set{'s' if done != 1 else ''} done. Resume it?"
            )
            resume = await self.show(ConfirmScreen(question, "Resume", "End it"))
            return ev.ResumeAnswered(bool(resume))
        if next_step == "doctor":
            from backrun_tui.screens.dialogs import NoticeScreen

            text = (
                f"Please book a visit with a doctor or physiotherapist: {state.doctor_reason}. "
                "Training can go on gently meanwhile. backrun gives advice, not a diagnosis."
            )
            understood = await self.show(NoticeScreen(DOCTOR_TITLE, text))
            return ev.DoctorNoticeRead(bool(understood))
        if next_step == "check":
            from backrun_tui.screens.symptom_check import SymptomCheckScreen

            screen = SymptomCheckScreen(complete=self.first_frame_painted())
            return ev.CheckAnswered(await self.show(screen))
        if next_step == "advice":
            from backrun_tui.screens.advice import AdviceScreen

            assert state.today is not None
            next_day = state.today.next_day
            notes = [next_day.message] if next_day and next_day.lighter else []
            choice = await self.show(AdviceScreen(state.today.result, notes))
            return ev.AdviceChosen(choice)
        if next_step == "assessment":
            from backrun_tui.screens.assessment import AssessmentScreen

            answers = await self.show(AssessmentScreen(self.service.catalog))
            return ev.AssessmentDone(tuple(answers.items()))
        if next_step == "picker":
            from backrun_tui.screens.exercise_picker import ExercisePickerScreen

            start = await self.show(ExercisePickerScreen(self.service))
            return ev.StartWorkout() if start else ev.QuitPicker()
        if next_step in ("count", "rest", "rate"):
            from backrun_tui.screens.rep_counter import RepCounterScreen

            await self.show(RepCounterScreen(self.service, plain=self.plain))
            return None  # the counter ran the workout through the service to its end
        from backrun_tui.screens.summary import SummaryScreen

        await self.show(SummaryScreen(self.service))
        return ev.StartOver()
