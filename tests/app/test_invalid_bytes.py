"""Invalid UTF-8 from the terminal (a Latin-1 terminal, a broken paste) is a wrong key, not the
end of backrun: sent through a real pseudo-terminal, the keys after it still count."""

from __future__ import annotations

from pathlib import Path

from backrun_terminal import Backrun
from walk import see_advice

from backrun_tui.coach.plan import Plan
from backrun_tui.store.repository import Store

INVALID = (b"\xe9", b"\xff\xfe", b"\xc3", b"\x80abc")


def test_invalid_bytes_at_the_rep_counter_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.save_plan(Plan(("superman",)))
    store.close()
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
