"""Moving a damaged or foreign data file aside, under a timestamped name, never deleting it."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path


def aside_name(path: Path, label: str, now: datetime | None = None) -> Path:
    """A free name beside `path`, e.g. state.json.damaged-20261123-193000."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    return candidate


def move_aside(path: Path, label: str = "damaged") -> Path:
    """Rename the file out of the way (it is kept, never written over) and return its new path."""
    target = aside_name(path, label)
    path.rename(target)
    return target


def copy_aside(path: Path, label: str) -> Path:
    """Keep a copy of the file beside it (used before a migration rewrites it)."""
    target = aside_name(path, label)
    shutil.copy2(path, target)
    return target
