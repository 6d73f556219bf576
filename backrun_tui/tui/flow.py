"""The order of a day's screens, read top to bottom: show the screen the coach asks for, wait for
the runner's answer, hand it to the service as an event, and go on with what the coach says
comes next. Runs as one worker; a new one (the palette's "Start a session") replaces it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

from backrun_tui.coach.safety import warning_gate as gate
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Next, Transition, next_for
from backrun_tui.coach.session.session_text import where_it_stopped
from backrun_tui.service import SessionService

# The screens after the symptom check are imported where they are first shown: start-up then
# loads only what the first frame shows (see benchmarks/README.md).

DOCTOR_TITLE = "Time to see a doctor"


def gate_answer(choice: str | None) -> ev.Event:
    if choice in ("mistake", "doctor"):
        return ev.GateAnswered(choice)  # type: ignore[arg-type]
    return ev.GateAnswered("keep")


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
        self.start_on_answer: Callable[[], None] | None = None

    def start(self, first: ev.Event) -> None:
        """Apply the first event and go on from what the coach says."""
        self.go_on_from(self.tell(self.service.apply(first)))

    def go_on_from(self, step: Transition) -> None:
        """Show the step's screen at once, and go on in a worker once it is answered: the
        first frame waits for no worker to start."""
        answer = None if step.next == "quit" else self.ask(step.next)

        def start_worker() -> None:
            self.app.run_worker(self.run(step, answer), group="flow", exclusive=True)

        if answer is None:
            start_worker()
        else:
            self.start_on_answer = start_worker

    async def run(self, step: Transition, answer: Awaitable[ev.Event | None] | None) -> None:
        """The day, top to bottom: wait for the runner's answer, let the coach act on it, show
        what it says comes next."""
        while True:
            if answer is None:  # the coach says quit
                if await self.request_quit():
                    return
                step = self.tell(self.service.apply(ev.StartOver()))
            else:
                event = await answer
                if event is None:
                    step = Transition(self.service.state, next_for(self.service.state))
                else:
                    step = self.tell(self.service.apply(event))
            answer = None if step.next == "quit" else self.ask(step.next)

    def tell(self, step: Transition) -> Transition:
        """Say what the coach had to say (its changes are on the screens that follow: the
        picker's change lines, the summary)."""
        if step.message:
            self.app.notify(step.message, severity="warning")
        return step

    def show(
        self, screen: Screen[T], to_event: Callable[[T], ev.Event | None]
    ) -> Awaitable[ev.Event | None]:
        """Show a screen now; what is returned holds its answer, as an event, once it is given.
        The app checks the terminal size once the screen is on, so a too-small notice stays on
        top."""
        answer: asyncio.Future[ev.Event | None] = asyncio.get_running_loop().create_future()

        def dismissed(value: T | None) -> None:
            if not answer.done():
                answer.set_result(to_event(value))  # type: ignore[arg-type]
            start, self.start_on_answer = self.start_on_answer, None
            if start is not None:
                start()

        self.app.push_screen(screen, dismissed)
        self.on_screen_shown()
        return answer

    def ask(self, next_step: Next) -> Awaitable[ev.Event | None]:
        """Show the screen for a step; the answer comes back as an event for the coach."""
        state = self.service.state
        if next_step == "resume":
            from backrun_tui.tui.screens.dialogs import ConfirmScreen

            assert state.live is not None
            live = state.live
            stopped = where_it_stopped(self.service.catalog, live.workout)
            question = (
                f"You have an unfinished session from {live.started_at:%a %d %b %Y, %H:%M}. It "
                f"stopped at {stopped}. Resume it?"
            )
            confirm = ConfirmScreen(question, "Resume", "End it")
            return self.show(confirm, lambda yes: ev.ResumeAnswered(bool(yes)))
        if next_step == "news":
            from backrun_tui.coach.session.since_last import since_last_time
            from backrun_tui.tui.screens.since_last import SinceLastScreen

            news = since_last_time(self.service.catalog, state)
            assert news is not None
            return self.show(SinceLastScreen(news), lambda _: ev.NewsRead())
        if next_step == "doctor":
            from backrun_tui.tui.screens.dialogs import NoticeScreen

            text = (
                f"Please book a visit with a doctor or physiotherapist: {state.doctor_reason}. "
                "Training can go on gently meanwhile. backrun gives advice, not a diagnosis."
            )
            notice = NoticeScreen(DOCTOR_TITLE, text)
            return self.show(notice, lambda understood: ev.DoctorNoticeRead(bool(understood)))
        if next_step == "check":
            from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen

            # Changing answers (or a new check) starts from the answers given, never a blank
            # form: a warning sign ticked earlier stays ticked unless the runner unticks it.
            check = SymptomCheckScreen(complete=self.first_frame_painted(), answers=state.answers)
            return self.show(check, ev.CheckAnswered)
        if next_step == "gate":
            from backrun_tui.tui.screens.dialogs import WarningSignsScreen

            holding = gate.standing(state.progress, self.service.clock())
            assert holding is not None
            question = gate.take_back_question(holding, state.just_ticked)
            return self.show(WarningSignsScreen(question, state.just_ticked), gate_answer)
        if next_step == "advice":
            from backrun_tui.coach.ladder.workout import everything_hurt
            from backrun_tui.tui.screens.advice import AdviceScreen

            assert state.today is not None
            next_day = state.today.next_day
            notes = [next_day.message] if next_day and next_day.lighter else []
            notes += state.today.notes
            advice = AdviceScreen(
                state.today.result,
                notes,
                first_run=state.first_run,
                service=self.service,  # running advice from the runner's runs, on a run day
                pain=state.today.report.pain,
                lighter=bool(next_day and next_day.lighter),
                all_resting=everything_hurt(self.service.catalog, state.plan),
            )
            return self.show(advice, ev.AdviceChosen)
        if next_step == "assessment":
            from backrun_tui.tui.screens.assessment import AssessmentScreen

            assessment = AssessmentScreen(self.service.catalog, state.plan.benched_ids)
            return self.show(assessment, lambda answers: ev.AssessmentDone(tuple(answers.items())))
        if next_step == "picker":
            from backrun_tui.tui.screens.exercise_picker import ExercisePickerScreen

            picker = ExercisePickerScreen(self.service)
            return self.show(picker, lambda go: ev.StartWorkout() if go else ev.QuitPicker())
        if next_step in ("count", "rest", "rate"):
            from backrun_tui.tui.screens.rep_counter import RepCounterScreen

            # The counter runs the workout through the service to its end: no event here.
            return self.show(RepCounterScreen(self.service, plain=self.plain), lambda _: None)
        from backrun_tui.tui.screens.summary import SummaryScreen

        return self.show(SummaryScreen(self.service), lambda _: ev.StartOver())
