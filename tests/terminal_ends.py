"""How a walk of random input ends: quitting as a person would, and what counts as a crash."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from terminal_screen import Terminal

CTRL_Q = b"\x11"


ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]")


class Hung(Exception):
    """backrun answered neither keys nor SIGTERM."""


def stop(term: Terminal) -> None:
    """Quit as a person would (Esc out of any dialog, Ctrl+Q, yes); if a screen still holds on,
    ask it to stop with SIGTERM, which saves and exits cleanly too."""
    term.resize(100, 30)
    term.read_for(0.3)
    for keys in (b"\x1b", b"\x1b", b"\x1b", CTRL_Q, b"y"):
        if not term.alive():
            return
        term.write(keys)
        term.read_for(0.3)
    if exited(term, within=60):
        return
    term.signal(signal.SIGTERM)
    if exited(term, within=30):
        return
    state = Path(f"/proc/{term.pid}/stat").read_text().split()[2]
    if os.environ.get("PYTHONFAULTHANDLER"):
        term.signal(signal.SIGABRT)  # every thread's stack, on the terminal
        term.read_for(2)
    term.close()
    raise Hung(
        f"[process state {state}] "
        + ANSI.sub(b"", bytes(term.output[-3000:])).decode(errors="replace")
    )


def exited(term: Terminal, within: float) -> bool:
    """Read the terminal (so its output never blocks) until the process ends, or time is up."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        if not term.alive():
            return True
        term.read(0.05)
    return not term.alive()


def crashed(term: Terminal) -> str:
    output = ANSI.sub(b"", bytes(term.output))
    for sign in (b"Traceback", b"Error:"):
        if sign in output:
            at = output.index(sign)
            return output[at : at + 6000].decode(errors="replace")
    if term.alive():
        return ""
    code = term.exit_code()
    if code not in (0, 128 + signal.SIGTERM):
        return f"exited with status {code}"
    return ""
