"""Invalid UTF-8 from the terminal (a Latin-1 terminal, a broken paste) is a wrong key, not the
end of backrun: sent through a real pseudo-terminal, the keys after it still count."""

from __future__ import annotations

import os
from pathlib import Path

from pty_terminal import SPACE, Terminal, pain_then_advice

from backrun_tui.coach.plan import Plan
from backrun_tui.store.repository import Store

INVALID = (b"\xe9", b"\xff\xfe", b"\xc3", b"\x80abc")


def test_invalid_bytes_at_the_rep_counter_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.save_plan(Plan(("superman",)))
    store.close()
    term = Terminal(data)
    try:
        term.wait_for(b"Pain right now")
        for junk in INVALID:
            os.write(term.master, junk)  # at the symptom check
        pain_then_advice(term)
        term.send(b"\r", then=b"Easier")  # the picker
        term.send(b"\r", then=b"Space: a rep")  # the rep counter
        for tapped, junk in enumerate(INVALID, start=1):
            os.write(term.master, junk)
            term.send(SPACE, then=lambda n=tapped: term.live_count() == n)
        assert term.process.poll() is None  # still running
        os.write(term.master, b"\x11")  # Ctrl+Q
        term.wait_for(b"Quit")
        os.write(term.master, b"y")
        assert term.wait_exit(10) == 0
    finally:
        term.close()
    assert b"Traceback" not in term.output
    assert b"UnicodeDecodeError" not in term.output
