"""Spoken cues: what backrun says during a workout, and the computer's own voice that says it."""
