"""Runs logged, corrected and deleted through the service: saved at once, mid-session too,
and never called saved on a failing disk (shown as the runner left them, and saved later)."""

from __future__ import annotations

from datetime import datetime

from failing_disk import FailingDisk
from service_driver import START, Launcher, to_picker

from backrun_tui.coach.running.run_log import RunEntry, parse_entry
from backrun_tui.coach.session import events as ev
from backrun_tui.store.repository import Store

FORM = {"day": "2026-11-22", "start": "07:30", "minutes": "45", "km": "8.2", "effort": "5"}


def entry(**change: str) -> RunEntry:
    return parse_entry({**FORM, **change}, START)


def on_disk(store: Store) -> list[tuple[str, int, datetime | None]]:
    assert store.data_dir is not None
    again = Store.open_read_only(store.data_dir)
    return [(r.source, r.minutes, r.deleted_at) for r in again.runs(deleted=True)]


def test_a_run_logged_mid_session_leaves_the_session_as_it_was(
    store: Store, launch: Launcher
) -> None:
    service = launch()
    to_picker(service)
    stage = service.state.stage
    step = service.apply(ev.RunLogged(entry()))
    assert step.message.startswith("Run logged: Sun 22 Nov 2026 07:30, 45 min, 8.2 km")
    assert service.state.stage == stage and service.unsaved == ""
    assert on_disk(store) == [("manual", 45, None)]
    [run] = service.runs()
    service.apply(ev.RunEdited(run, entry(minutes="50")))
    service.apply(ev.RunDeleted(service.runs()[0]))
    assert service.runs() == [] and on_disk(store)[0][:2] == ("manual", 50)
    [gone] = service.runs(deleted=True)
    assert [c.kind for c in gone.changes] == ["edited", "deleted"]


def test_a_run_logged_on_a_failing_disk_is_shown_not_called_saved_and_saved_later(
    store: Store, launch: Launcher, failing_disk: FailingDisk
) -> None:
    service = launch()
    failing_disk.failing = True
    service.apply(ev.RunLogged(entry()))
    assert service.unsaved.startswith("Not saved yet: your run of Sun 22 Nov.")
    assert failing_disk.reason in service.unsaved
    assert [r.minutes for r in service.runs()] == [45]  # shown as the runner left it
    assert on_disk(store) == []
    failing_disk.failing = False
    assert service.flush() and service.unsaved == ""
    assert on_disk(store) == [("manual", 45, None)]
