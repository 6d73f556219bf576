"""The order of a day's screens, read top to bottom: a table from what the coach says comes next
to the screen that shows it. Every event, from a screen's answer or sent by a screen while it is
on (the counter's taps), is applied in one place, `SessionFlow.apply`, and every screen then
shows the new state. Runs as one worker; a new one (the palette's "Start a session") replaces it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.screen import ModalScreen, Screen

from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.session_state import Next, SessionState, Transition, next_for
from backrun_tui.service import SessionService
from backrun_tui.tui.first_check import FirstCheck
from backrun_tui.tui.flow_screens import SCREENS, ToEvent
from backrun_tui.tui.session_view import SessionView

ASKED_IN_A_DIALOG: tuple[Next, ...] = ("ask", "offer")  # the coach's message is the question
WORKOUT_STEPS: tuple[Next, ...] = ("count", "rest", "rate", "ask", "offer")  # over the counter


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
        self.view = SessionView(service)
        self.plain = plain
        self.first_frame_painted = first_frame_painted
        self.request_quit = request_quit
        self.on_screen_shown = on_screen_shown
        self.start_on_answer: Callable[[], None] | None = None
        self.counter: Screen[Any] | None = None  # on the stack while the workout runs
        self.counting: asyncio.Future[Transition] | None = None
        self.last_event: ev.Event | None = None
        # Told of every change the coach makes (the spoken cues listen here).
        self.on_applied: Callable[[SessionState, SessionState], None] | None = None
        self.first_check: FirstCheck | None = None  # on screen before the data was open

    # --- the one place events are applied ---

    def apply(self, event: ev.Event, *, news: bool = False, say: bool = True) -> Transition:
        """Let the coach act on an event (the service saves what it asks), show every screen the
        new state, and say the coach's message (unless a dialog asks it next, or `say` is False:
        the screen that sent the event says it in its own words)."""
        self.last_event = event
        before = self.service.state
        step = self.service.apply(event)
        self.view.publish(step)
        if self.on_applied is not None:
            self.on_applied(before, step.state)
        if say and step.message and step.next not in ASKED_IN_A_DIALOG:
            self.app.notify(step.message, severity="information" if news else "warning")
        if step.ring:
            self.app.bell()
        counting = self.counting
        if counting is not None and not counting.done() and step.next != "count":
            counting.set_result(step)  # the counter's event ended its part: the flow goes on
        return step

    # --- the day ---

    def start(self, first: ev.Event) -> None:
        """Apply the first event and go on from what the coach says."""
        self.go_on_from(self.apply(first))

    def go_on_from(self, step: Transition) -> None:
        """Show the step's screen at once, and go on in a worker once it is answered: the
        first frame waits for no worker to start."""
        answer = None if step.next == "quit" else self.ask(step)

        def start_worker() -> None:
            self.app.run_worker(self.run(answer), group="flow", exclusive=True)

        if answer is None or step.next == "count":
            start_worker()
        else:
            self.start_on_answer = start_worker

    async def run(self, answer: Awaitable[Transition] | None) -> None:
        """The day, top to bottom: wait for what the runner does, let the coach act on it, show
        what it says comes next."""
        while True:
            if answer is None:  # the coach says quit
                if await self.request_quit():
                    return
                step = self.apply(ev.StartOver())
            else:
                step = await answer
            answer = None if step.next == "quit" else self.ask(step)

    def ask(self, step: Transition) -> Awaitable[Transition]:
        """Show the screen for what comes next; what it returns holds the transition the
        runner's answer led to, once it is given."""
        if step.next in WORKOUT_STEPS:
            self.show_counter()  # below the rest and the questions: shown again after them
            if step.next == "count":
                self.counting = asyncio.get_running_loop().create_future()
                return self.counting
        elif step.next == "summary":
            self.close_counter()
        screen, to_event = SCREENS[step.next](self, step)
        return self.show(screen, to_event)

    def show(self, screen: Screen[Any], to_event: ToEvent) -> Awaitable[Transition]:
        """Show a screen now; its answer, made an event, is applied once given. The app checks
        the terminal size once the screen is on, so a too-small notice stays on top."""
        answer: asyncio.Future[Transition] = asyncio.get_running_loop().create_future()

        def dismissed(value: Any) -> None:
            if not answer.done():
                answer.set_result(self.answered(to_event(value)))
            start, self.start_on_answer = self.start_on_answer, None
            if start is not None:
                start()

        first = self.first_check
        if first is not None and first.screen is screen:
            self.first_check = None
            first.take_over(dismissed)
        else:
            if not isinstance(screen, ModalScreen):  # a dialog or a card goes over it
                self.take_away_first_check()
            self.app.push_screen(screen, dismissed)
        self.on_screen_shown()
        return answer

    def take_away_first_check(self) -> None:
        """The check put up at launch goes when the day starts elsewhere (an interrupted
        session resumed, urgent warning signs' advice, a check with answers of its own)."""
        first, self.first_check = self.first_check, None
        if first is not None:
            first.take_away()

    def answered(self, event: ev.Event | None) -> Transition:
        """An answer applied; none (a rest taken, a screen read) goes on from the state as it is,
        and the screens are told so."""
        if event is not None:  # the activities' scores, kept, are news (not a warning)
            return self.apply(event, news=isinstance(event, (ev.PsfsAnswered, ev.PsfsSkipped)))
        state = self.service.state
        step = Transition(state, next_for(state))
        self.view.publish(step)
        return step

    def show_counter(self) -> None:
        """The counter, on screen while the workout runs: until an event of its own leads
        elsewhere (a rest, the rating, the end) the runner counts on it."""
        if self.counter is None or not self.counter.is_attached:
            from backrun_tui.tui.screens.rep_counter import RepCounterScreen

            self.take_away_first_check()

            self.counter = RepCounterScreen(self.view, plain=self.plain)
            self.app.push_screen(self.counter)
            self.on_screen_shown()

    def close_counter(self) -> None:
        counter, self.counter = self.counter, None
        if counter is not None and counter.is_attached and counter in self.app.screen_stack:
            counter.dismiss()
