"""What the screens see of a session: its state and the reads they show, never a way to change
it; and the one message by which a screen hands the coach an event (the app applies it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:  # only named here: the app's first frame loads none of the coach
    from backrun_tui.coach.ladder.catalog import Catalog
    from backrun_tui.coach.ladder.session_record import Session
    from backrun_tui.coach.outcomes.psfs import Score
    from backrun_tui.coach.running.runs import Run
    from backrun_tui.coach.session import events as ev
    from backrun_tui.coach.session.session_state import SessionState, Transition
    from backrun_tui.service import SessionService


class CoachEvent(Message):
    """A screen's event for the coach: the app's one handler applies it through the service,
    every screen then shows the new state. `news`: the coach's message only says what was done
    (shown as information, not as a warning). `then`: called with what the event did, for the
    screen that sent it (to say it in its own words, or to look again)."""

    def __init__(
        self,
        event: ev.Event,
        *,
        news: bool = False,
        then: Callable[[Transition], None] | None = None,
    ) -> None:
        super().__init__()
        self.event = event
        self.news = news
        self.then = then


Follower = Callable[["Transition"], None]


class SessionView:
    """A window on the service for the screens: read, never write. Each event's transition is
    published to the screens that follow it, so every screen on the stack shows one state."""

    def __init__(self, service: SessionService) -> None:
        self._service = service
        self._followers: list[tuple[Widget, Follower]] = []
        self.last: Transition | None = None  # what the latest event did

    def follow(self, screen: Widget, follower: Follower) -> None:
        """Call `follower` with every transition from now on, while `screen` is on the stack."""
        self._followers.append((screen, follower))

    def publish(self, step: Transition) -> None:
        """Show every following screen what an event did (a screen gone is let go)."""
        self.last = step
        self._followers = [(s, f) for s, f in self._followers if s.is_attached]
        for _, follower in list(self._followers):
            follower(step)

    @property
    def state(self) -> SessionState:
        return self._service.state

    @property
    def catalog(self) -> Catalog:
        return self._service.catalog

    def now(self) -> datetime:
        return self._service.clock()

    @property
    def unsaved(self) -> str:
        """What is not saved yet, in words ("" when everything is)."""
        return self._service.unsaved

    @property
    def save_problem(self) -> str:
        """Why saving fails, in a few words, while something is unsaved ("" otherwise)."""
        return self._service.reason if self._service.pending else ""

    def sessions(self) -> Iterator[Session]:
        return self._service.sessions()

    def runs(self, *, deleted: bool = False) -> list[Run]:
        return self._service.runs(deleted=deleted)

    def pains_since(self, since: datetime) -> list[tuple[datetime, int]]:
        return self._service.pains_since(since)

    def psfs_scores(self) -> list[Score]:
        return self._service.psfs_scores()

    def running_advice(self, pain: int) -> tuple[str, list[str]]:
        return self._service.running_advice(pain)

    def safety_lines(self, since: datetime) -> list[tuple[datetime, str]]:
        return self._service.safety_lines(since)


def tell_coach(
    node: Widget,
    event: ev.Event,
    *,
    news: bool = False,
    then: Callable[[Transition], None] | None = None,
) -> None:
    """Post an event to the app, whose one handler applies it: straight to the app, so a screen
    that closes right after (a form saved) cannot take it along."""
    node.app.post_message(CoachEvent(event, news=news, then=then))
