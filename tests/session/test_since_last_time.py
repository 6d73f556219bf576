"""The "since last time" card through the service: shown at the launch after a session that
changed the plan, until it is read; with each change, its reason, and what rests until when."""

from __future__ import annotations

from datetime import timedelta

from service_driver import START, Launcher, to_picker, whole_workout

from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session.since_last import since_last_time
from backrun_tui.store.repository import Store


def painful_superman(exercise_id: str) -> ev.Rated:
    if exercise_id == "superman":
        return ev.Rated("painful", 4)
    return ev.Rated("just_right")


def test_the_card_follows_a_painful_flag_until_it_is_read(store: Store, launch: Launcher) -> None:
    first = launch()
    to_picker(first)
    whole_workout(first, rate=painful_superman)

    service = launch(START + timedelta(days=1))
    assert service.apply(ev.Launch()).next == "news"
    news = since_last_time(service.catalog, service.state)
    assert news is not None
    assert news.last_session.date() == START.date()
    assert any("Superman" in line and "painful" in line for line in news.changes)
    resting = "Superman rests after it hurt (Mon 23 Nov): offered again from Mon 7 Dec."
    assert news.resting == (resting,)
    assert service.apply(ev.NewsRead()).next == "check"
    assert store.progress().news_seen is not None  # read: saved

    again = launch(START + timedelta(days=1, hours=2))
    assert again.apply(ev.Launch()).next == "check"  # not shown twice


def test_no_card_after_a_session_that_changed_nothing(store: Store, launch: Launcher) -> None:
    service = launch()
    assert service.apply(ev.Launch()).next == "check"  # a first run: no last session
    to_picker(service)
    whole_workout(service, reps=9)  # the assessment's picks begin the plan: no change to it
    second = launch(START + timedelta(days=1))
    assert second.apply(ev.Launch()).next == "check"


def test_reading_a_card_that_is_not_shown_changes_nothing(store: Store, launch: Launcher) -> None:
    service = launch()
    assert service.apply(ev.NewsRead()).next == "check"  # out of place: nothing happens
    assert store.progress().news_seen is None
