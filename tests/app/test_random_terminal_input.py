"""A bounded run of tests/random_input.py: random keys, escape sequences, invalid bytes, pastes,
mouse events and Ctrl combinations through a real pseudo-terminal, starting on each main screen
(resizes are in the Pilot walks of test_random_keys.py). No traceback, no unexpected exit, and
every data file reads cleanly afterwards. The long run (10,000 inputs a screen) is
`python tests/random_input.py`."""

from __future__ import annotations

from pathlib import Path

import pytest
from random_input import SCREENS, walk

INPUTS = 80


@pytest.mark.parametrize("screen", list(SCREENS))
def test_random_terminal_input_never_crashes_and_the_data_reads(
    tmp_path: Path, screen: str
) -> None:
    report = walk(screen, INPUTS, seed=2026, folder=tmp_path, resizes=False)
    assert report.exceptions == []
    assert report.inputs == INPUTS
    assert report.files_checked >= 2  # state.json and live.json at least
