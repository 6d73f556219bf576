"""What every screen needs: the catalog, the store, the settings and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from backrun_tui.coach.catalog import Catalog
from backrun_tui.coach.settings import Settings
from backrun_tui.store.repository import Store

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Context:
    catalog: Catalog
    store: Store
    clock: Clock = system_clock
    settings: Settings = field(default_factory=Settings)
    plain: bool = False  # counts and timers as ordinary text
