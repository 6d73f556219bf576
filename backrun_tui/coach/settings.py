"""The runner's training settings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    sets: int = 3
    rest_seconds: int = 60
    bell: bool = True
    outdoor: bool = False
