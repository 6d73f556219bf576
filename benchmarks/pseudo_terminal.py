"""A program run in a 100x30 pseudo-terminal, its output read and timed as it arrives."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

COLUMNS, ROWS = 100, 30
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()].|[=>NOP78c])")


def screen_text(output: bytes) -> str:
    """The printable text in terminal output, escape sequences removed."""
    return ESCAPES.sub(b"", output).decode(errors="replace")


def child_env(pycache: Path | None = None) -> dict[str, str]:
    """A colour terminal, no Textual debugging; with `pycache`, bytecode is cached there (as
    in any installed copy) even when PYTHONDONTWRITEBYTECODE is set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
    env.pop("NO_COLOR", None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


class Terminal:
    """Starts `argv` on the slave side of a new pty; `started` is the time just before launch."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.output = bytearray()
        self.closed = False
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env or child_env(),
            start_new_session=True,
        )
        os.close(slave)
        self.fd = master

    @property
    def pid(self) -> int:
        return self.process.pid

    def write(self, data: bytes) -> float:
        """Send keys; returns the time they were written."""
        os.write(self.fd, data)
        return time.perf_counter()

    def read(self, timeout: float) -> float | None:
        """Read what has arrived within `timeout` s; returns the time it was read, or None."""
        if self.closed:
            time.sleep(timeout)
            return None
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the program has closed the terminal
            chunk = b""
        if not chunk:
            self.closed = True
            return None
        self.output += chunk
        return time.perf_counter()

    def wait_for(self, texts: Sequence[str], since: int = 0, timeout: float = 20.0) -> float:
        """Read until every one of `texts` has appeared after byte `since` of the output;
        returns the time the last needed byte was read."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            at = self.read(0.05)
            if at is not None:
                shown = screen_text(bytes(self.output[since:]))
                if all(t in shown for t in texts):
                    return at
            elif self.process.poll() is not None:
                break
        tail = screen_text(bytes(self.output[-3000:]))
        raise TimeoutError(f"never saw {list(texts)!r}; the screen ended with:\n{tail}")

    def settle(self, quiet: float = 0.25, limit: float = 3.0) -> None:
        """Read until the program has been silent for `quiet` s."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self.read(quiet) is not None:
            pass

    def memory_mib(self) -> tuple[float, float]:
        """(resident now, resident at its peak) in MiB, from /proc."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss, peak = (int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))
        return rss, peak

    def quit(self, keys: bytes = b"\x11", timeout: float = 10.0) -> float:
        """Send Ctrl+Q and wait for the process to end; returns the seconds it took."""
        sent = self.write(keys)
        deadline = sent + timeout
        while self.process.poll() is None:
            if time.perf_counter() > deadline:
                raise TimeoutError("the program did not quit")
            self.read(0.001)
        return time.perf_counter() - sent

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.fd)
