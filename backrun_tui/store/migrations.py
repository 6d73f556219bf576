"""Upgrades data files written by older versions of backrun, one schema step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, Any]


def _v1_to_v2(tables: Tables) -> Tables:
    """Version 2 remembers, for a resting exercise, what replaced it (for the retest)."""
    for doc in tables.get("plan", {}).values():
        for bench in doc.get("benched", []):
            bench.setdefault("replaced_by", None)
    return tables


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}


def migrate(tables: Tables, found: int, target: int) -> Tables:
    """Apply each step from `found` up to `target`."""
    for version in range(found, target):
        tables = MIGRATIONS[version](tables)
    return tables
