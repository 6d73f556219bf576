"""The line under the rep counter's count: what the keys do now, or in a browser (where there
may be no keyboard) what to tap."""

from __future__ import annotations

from backrun_tui.coach.ladder.exercise import Exercise


def counter_hint(
    exercise: Exercise,
    *,
    holding: bool,
    tempo_running: bool,
    tempo_armed: bool,
    touch: bool,
    left_side: bool = False,
    hold_started: bool = False,
) -> str:
    """left_side: the left side of a one-sided set, so Enter goes on to the right side, not to
    the next set. hold_started: a hold paused part way, so Space goes on with it."""
    keys = _key_hint(exercise, holding, tempo_running, tempo_armed, left_side, hold_started)
    if touch:
        for key, button in TAPS:
            keys = keys.replace(key, button)
    return keys


# A key in the hint, and what to tap instead (the buttons a browser shows).
TAPS = (
    ("Enter: set done", "Set done ends the set"),
    ("Enter when done", "then Set done"),
    ("Enter:", "Set done:"),
    ("f: ", "At target: "),
    ("t counts by taps", "Tempo: count by taps"),
    ("Space", "Tap the count"),
)


def _key_hint(
    exercise: Exercise,
    holding: bool,
    tempo_running: bool,
    tempo_armed: bool,
    left_side: bool,
    hold_started: bool,
) -> str:
    done = "Enter: on to the right side" if left_side else "Enter: set done"
    if exercise.is_hold:
        if holding:
            return "Holding... seconds left · Space pauses"
        if hold_started:
            return f"Paused · Space goes on with the hold · {done}"
        when_done = "Enter: on to the right side" if left_side else "Enter when done"
        return f"Space starts the {exercise.hold_seconds} s hold · {when_done}"
    if tempo_running:
        return f"backrun counts for you · Space pauses · {done}"
    if tempo_armed:
        return f"Space starts the tempo · {done} · t counts by taps"
    if exercise.sided == "alternating":
        return f"Space: one left-and-right pair · {done} · f: not counted"
    return f"Space: a rep · {done} · f: done, not counted"
