"""backrun running in a real pseudo-terminal, driven by the bytes a terminal would send."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
F2, ENTER, SPACE = b"\x1bOQ", b"\r", b" "
TAPS = 3


class Terminal:
    """backrun running in a pseudo-terminal of 80x24, with everything it wrote."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env.update(TERM="xterm-256color", PYTHONPATH=str(REPO_ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backrun_tui", "--data-dir", str(data)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=REPO_ROOT,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def resize(self, width: int, height: int) -> None:
        """The window changes size, as when a person drags its corner."""
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGWINCH)

    def read(self, seconds: float) -> bool:
        """Collect output for a while; False once the terminal has nothing more to give."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the other side is closed
                    return False
                if not chunk:
                    return False
                self.output.extend(chunk)
        return True

    def wait_for(self, condition: object, seconds: float = 15.0) -> None:
        """Read until the output shows `condition` (bytes) or it holds (a callable)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if callable(condition) and condition():
                return
            if isinstance(condition, bytes) and condition in self.output:
                return
            if not self.read(0.05):
                break
        tail = bytes(self.output[-400:])
        raise AssertionError(f"gave up waiting for {condition!r}; the terminal shows {tail!r}")

    def send(self, keys: bytes, then: object) -> None:
        os.write(self.master, keys)
        self.wait_for(then)

    def wait_exit(self, seconds: float) -> int:
        """Read until the process ends (so it never blocks on a full terminal)."""
        end = time.monotonic() + seconds
        while self.process.poll() is None and time.monotonic() < end:
            self.read(0.05)
        code = self.process.poll()
        assert code is not None, f"still running {seconds} s later"
        while self.read(0.1):
            pass
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)

    def live_count(self) -> int | None:
        try:
            doc = json.loads((self.data / "live.json").read_bytes())
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        live = doc.get("live", {}).get("1")
        return live["workout"]["count"] if live else None


def see_advice(term: Terminal) -> None:
    """F2 until the advice shows: it first pages through the warning signs not yet seen."""
    for _ in range(8):
        os.write(term.master, F2)
        term.read(0.5)
        if b"Running:" in term.output:
            return
    raise AssertionError("F2 never got past the symptom check")


def pain_then_advice(term: Terminal) -> None:
    """Pain 1 at the symptom check, then the advice."""
    term.send(b"1", then=b"1/10")
    see_advice(term)


def tap_reps_mid_set(term: Terminal) -> None:
    term.wait_for(b"Pain right now")
    pain_then_advice(term)
    term.send(ENTER, then=b"Easier")  # the exercise picker
    term.send(ENTER, then=b"Space: a rep")  # the rep counter
    for tapped in range(1, TAPS + 1):
        term.send(SPACE, then=lambda n=tapped: term.live_count() == n)
    term.read(0.2)
