"""The line under the rep counter's count: what the keys do now, or in a browser (where there
may be no keyboard) what to tap."""

from __future__ import annotations

from backrun_tui.coach.exercise import Exercise


def counter_hint(
    exercise: Exercise, *, holding: bool, tempo_running: bool, tempo_armed: bool, touch: bool
) -> str:
    keys = _key_hint(exercise, holding, tempo_running, tempo_armed)
    return keys.replace("Space", "Tap the count") if touch else keys


def _key_hint(exercise: Exercise, holding: bool, tempo_running: bool, tempo_armed: bool) -> str:
    if exercise.is_hold:
        if holding:
            return "Holding... seconds left · Space pauses"
        return f"Space starts the {exercise.hold_seconds} s hold · Enter when done"
    if tempo_running:
        return "backrun counts for you · Space pauses · Enter ends the set"
    if tempo_armed:
        return "Space starts the tempo · Enter ends the set · t counts by taps"
    if exercise.sided == "alternating":
        return "Space: one left-and-right pair · Enter: set done · f: not counted"
    return "Space: a rep · Enter: set done · f: done, not counted"
