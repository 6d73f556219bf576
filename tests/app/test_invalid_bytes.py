"""Invalid UTF-8 from the terminal (a Latin-1 terminal, a broken paste) is a wrong key, not the
end of backrun: sent through a real pseudo-terminal, the keys after it still count."""

from __future__ import annotations

from pathlib import Path

from backrun_terminal import Backrun
from walk import see_advice, seed_plan, tap_reps_mid_set

INVALID = (b"\xe9", b"\xff\xfe", b"\xc3", b"\x80abc")


def test_invalid_bytes_at_the_rep_counter_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed_plan(data, "superman")
    with Backrun(data) as term:
        term.wait_for("Pain right now")
        for junk in INVALID:
            term.write(junk)  # at the symptom check
        see_advice(term)
        term.press("enter", then="Today")  # the picker
        term.press("enter", then="Space: a rep")  # the rep counter
        for tapped, junk in enumerate(INVALID, start=1):
            term.write(junk)
            term.press("space", then=lambda n=tapped: term.live_count() == n)
        assert term.alive()
        term.press("ctrl+q")
        assert term.wait_exit(10) == 0
    assert b"Traceback" not in term.output
    assert b"UnicodeDecodeError" not in term.output


OUT_OF_RANGE = (b"\x1b[1114112u", b"\x1b[999999999999999999A", b"\x1b[97;1;1114112u")


def test_key_codes_out_of_range_are_ignored_and_type_nothing(tmp_path: Path) -> None:
    """A key sequence whose number is no character (above U+10FFFF, or past a C int) ended
    backrun with a traceback in Textual's parser thread; now it is dropped, and it types none
    of its digits into the pain scale."""
    data = tmp_path / "data"
    seed_plan(data, "superman")
    with Backrun(data) as term:
        term.wait_for("Pain right now")
        term.press("right", "right", then="2/10")
        for junk in OUT_OF_RANGE:
            term.write(junk)
        term.settle(quiet=0.3, limit=2.0)
        assert term.shows("2/10") and term.alive()  # none of the digits reached the scale
        tap_reps_mid_set(term, taps=2)  # and the keys after it count, up to the rep counter
        for tapped, junk in enumerate(OUT_OF_RANGE, start=3):
            term.write(junk)
            term.press("space", then=lambda n=tapped: term.live_count() == n)
        term.press("ctrl+q")
        assert term.wait_exit(10) == 0
    assert b"Traceback" not in term.output
    assert b"ValueError" not in term.output and b"OverflowError" not in term.output
