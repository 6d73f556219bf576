"""Which lines of the symptom check have been on screen: spans merge, gaps are found."""

from __future__ import annotations

from backrun_tui.tui.screens.seen_lines import SeenLines


def test_nothing_seen_yet_means_the_first_line_is_unseen() -> None:
    assert SeenLines().first_unseen(10, 20) == 10


def test_a_view_covering_the_lines_sees_them_all() -> None:
    seen = SeenLines()
    seen.see(0, 25)
    assert seen.first_unseen(10, 20) is None
    assert seen.first_unseen(10, 30) == 25


def test_jumping_to_the_end_leaves_the_middle_unseen() -> None:
    seen = SeenLines()
    seen.see(0, 20)
    seen.see(40, 60)
    assert seen.first_unseen(10, 55) == 20
    seen.see(18, 42)
    assert seen.spans == [(0, 60)]
    assert seen.first_unseen(10, 55) is None


def test_an_empty_view_sees_nothing() -> None:
    seen = SeenLines()
    seen.see(5, 5)
    assert seen.spans == []
