"""A data folder read up for today: nothing between the launch and the advice but the check."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from backrun_tui.coach.outcomes.psfs import skipped as psfs_skipped
from backrun_tui.store.repository import Store


def read_up(folder: Path) -> None:
    """The "since last time" card read (shown when the last session, yesterday, changed the
    plan, which depends on the day a history is written) and the everyday activities asked
    today (they are asked at first and every two weeks)."""
    now = datetime.now().astimezone()
    store = Store.open(folder)
    try:
        store.save_progress(replace(store.progress(), news_seen=now))
        store.save_psfs(psfs_skipped(store.load_psfs(), now), ())
    finally:
        store.close()
