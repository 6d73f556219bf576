"""A program in a real pseudo-terminal, its screen kept as a grid of cells: the one harness of
the journeys, the pseudo-terminal tests and the benchmarks.

pexpect starts the program on a new pty of the asked size; everything it writes goes into a
pyte screen (through a ByteStream), so a test reads rows of text as a person sees them, and
into `output`, the raw bytes, for what only the bytes show (the modes restored on exit).
Waits are for words on the screen, with a deadline; never for a fixed time."""

from __future__ import annotations

import contextlib
import os
import re
import select
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pexpect
import pyte

REPO_ROOT = Path(__file__).resolve().parents[1]
# The bytes a terminal sends for each key a journey presses.
KEYS = {
    "enter": b"\r", "tab": b"\t", "shift+tab": b"\x1b[Z", "escape": b"\x1b", "space": b" ",
    "backspace": b"\x7f", "up": b"\x1b[A", "down": b"\x1b[B", "right": b"\x1b[C",
    "left": b"\x1b[D", "home": b"\x1b[H", "end": b"\x1b[F", "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~", "f1": b"\x1bOP", "f2": b"\x1bOQ", "delete": b"\x1b[3~",
}  # fmt: skip
KEY_GAP = 0.03  # seconds between the keys of one press(): a fast typist's pace
BOX = re.compile(r"[│┃║╭╮╰╯─━═┌┐└┘▏▕▎▊▌▐█▇▆▅▄▃▂▁▔]")
Wanted = str | bytes | Callable[[], bool]  # words on the screen, raw output, or a test


def key_bytes(key: str) -> bytes:
    """'enter', 'f2', 'ctrl+p' or plain text: what the terminal sends."""
    if key in KEYS:
        return KEYS[key]
    if key.startswith("ctrl+") and len(key) == 6:
        return bytes([ord(key[-1].lower()) - 96])
    return key.encode()


def child_env(pycache: Path | None = None) -> dict[str, str]:
    """A colour terminal, no Textual debugging; with `pycache`, bytecode is cached there (as
    in any installed copy) even when PYTHONDONTWRITEBYTECODE is set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
    for name in ("NO_COLOR", "BACKRUN_HOME", "COLUMNS", "LINES"):  # the size is the pty's
        env.pop(name, None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _give_up_controlling_terminal() -> None:  # pragma: no cover (runs in the child)
    """In the child before exec: drop the controlling terminal (the SIGHUP that dropping it
    sends to the child itself is ignored meanwhile)."""
    import fcntl
    import signal
    import termios

    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    fcntl.ioctl(0, termios.TIOCNOTTY)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


class Terminal:
    """`argv` on the slave side of a new pty of `columns` x `rows`; `started` is the time just
    before launch."""

    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str] | None = None,
        columns: int = 100,
        rows: int = 30,
        controlling: bool = True,
    ) -> None:
        """controlling=False: the pty is not the program's controlling terminal (as under some
        supervisors), so closing it sends no SIGHUP."""
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        self.closed = False
        self.last_key = 0.0  # when press() last sent a key
        self.started = time.perf_counter()
        self.child = pexpect.spawn(
            argv[0],
            list(argv[1:]),
            env=env or child_env(),
            dimensions=(rows, columns),
            cwd=str(REPO_ROOT),
            preexec_fn=None if controlling else _give_up_controlling_terminal,
        )
        self.fd = self.child.child_fd

    @property
    def pid(self) -> int:
        return int(self.child.pid)

    # --- what it shows -------------------------------------------------------------------

    def rows(self) -> list[str]:
        """The screen as it is now, one string per row (trailing spaces kept)."""
        return list(self.screen.display)

    def text(self) -> str:
        return "\n".join(row.rstrip() for row in self.rows())

    def flat(self) -> str:
        """The screen's words in reading order, borders dropped and spaces collapsed: a
        sentence wrapped over two rows reads as one."""
        return " ".join(" ".join(BOX.sub(" ", row).split()) for row in self.rows()).strip()

    def shows(self, words: str) -> bool:
        return " ".join(words.split()) in self.flat()

    def has_rows(self, lines: Sequence[str]) -> bool:
        """Every one of `lines` is within some row, as drawn (for big digits)."""
        rows = self.rows()
        return all(any(line in row for row in rows) for line in lines)

    def footer(self) -> str:
        """The bottom row, where the footer's keys are."""
        return self.rows()[-1].strip()

    # --- reading and waiting -------------------------------------------------------------

    def read(self, timeout: float) -> float | None:
        """Take what has arrived within `timeout` s; returns the time it was read, or None."""
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
        at = time.perf_counter()  # before the screen model's own work, for the benchmarks
        if not chunk:
            self.closed = True
            return None
        self.output += chunk
        # pyte cannot take some sequences with too many numbers (as the terminal echoes random
        # input back while no program has it in raw mode); it resets its parser, and the rest
        # of this chunk is lost to the screen model, not to `output`.
        with contextlib.suppress(TypeError, ValueError, IndexError):
            self.stream.feed(chunk)
        return at

    def wait_for(self, *wanted: Wanted, timeout: float = 20.0) -> float:
        """Read until every one of `wanted` is on screen (text), in the raw output (bytes) or
        holds (a callable); returns the time the last needed byte was read."""
        deadline = time.perf_counter() + timeout
        at = time.perf_counter()
        while True:
            if all(self._holds(w) for w in wanted):
                return at
            if time.perf_counter() > deadline:
                break
            got = self.read(0.05)
            if got is not None:
                at = got
            elif self.closed:
                break
        missing = [w for w in wanted if not self._holds(w)]
        alive = "running" if self.alive() else f"ended ({self.exit_code()})"
        raise TimeoutError(f"never saw {missing!r}; backrun {alive}, showing:\n{self.text()}")

    def wait_gone(self, words: str, timeout: float = 10.0) -> None:
        self.wait_for(lambda: not self.shows(words), timeout=timeout)

    def _holds(self, wanted: Wanted) -> bool:
        if isinstance(wanted, bytes):
            return wanted in self.output
        return wanted() if callable(wanted) else self.shows(wanted)

    def read_for(self, seconds: float) -> bool:
        """Take everything that comes for `seconds`; False once the terminal is closed."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0 and not self.closed:
            self.read(min(left, 0.05))
        return not self.closed

    def settle(self, quiet: float = 0.25, limit: float = 3.0) -> None:
        """Read until the program has been silent for `quiet` s."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self.read(quiet) is not None:
            pass

    # --- input ---------------------------------------------------------------------------

    def write(self, data: bytes) -> float:
        """Send bytes; returns the time they were written."""
        os.write(self.fd, data)
        return time.perf_counter()

    def press(
        self, *keys: str, then: Wanted | Sequence[Wanted] = (), timeout: float = 20.0
    ) -> None:
        """Press each key in turn (a name such as 'enter' or 'ctrl+s', or text to type), then
        wait for `then`. Keys come KEY_GAP apart, as from a quick typist (a burst within a
        millisecond is a paste, and the random-input walk sends those); a lone Escape is given
        time to be read as Escape, not Alt+key."""
        for key in keys:
            self.read_for(self.last_key + KEY_GAP - time.perf_counter())
            self.write(key_bytes(key))
            self.last_key = time.perf_counter()
            if key == "escape":
                self.settle(quiet=0.15, limit=0.5)
        wanted = [then] if isinstance(then, (str, bytes)) or callable(then) else list(then)
        if wanted:
            self.wait_for(*wanted, timeout=timeout)
            # ... and, as a person reads what came up before typing on, until the screen is
            # still: keys sent while a new screen is still being put up go to the one before.
            self.settle(quiet=0.08, limit=0.5)

    def press_until(self, key: str, wanted: Wanted, tries: int = 5, each: float = 3.0) -> None:
        """Press `key` until `wanted` holds: for a key that may come while the screen it is
        meant for is still being put up (a person would press again)."""
        for _ in range(tries):
            self.press(key)
            try:
                self.wait_for(wanted, timeout=each)
                return
            except TimeoutError:
                continue
        self.wait_for(wanted, timeout=0)

    def resize(self, columns: int, rows: int) -> None:
        """The window changes size, as when a person drags its corner."""
        self.screen.resize(rows, columns)
        if self.child.isalive():
            self.child.setwinsize(rows, columns)

    # --- the process ---------------------------------------------------------------------

    def alive(self) -> bool:
        return bool(self.child.isalive())

    def wait_exit(self, timeout: float = 10.0) -> int:
        """Read until the process ends (so it never blocks on a full terminal); its exit code,
        or minus the signal that ended it."""
        deadline = time.perf_counter() + timeout
        while self.child.isalive() and time.perf_counter() < deadline:
            self.read(0.02)
        if self.child.isalive():
            raise TimeoutError(f"still running {timeout} s later; the screen shows:\n{self.text()}")
        while self.read(0.05) is not None:
            pass
        return self.exit_code()

    def exit_code(self) -> int:
        """How the ended process ended: its exit status, or minus the signal that killed it."""
        if self.child.signalstatus is not None:
            return -int(self.child.signalstatus)
        return int(self.child.exitstatus or 0)

    def quit(self, keys: bytes = b"\x11", timeout: float = 10.0) -> float:
        """Send Ctrl+Q and wait for the process to end; returns the seconds it took."""
        sent = self.write(keys)
        deadline = sent + timeout
        while self.child.isalive():
            if time.perf_counter() > deadline:
                raise TimeoutError("the program did not quit")
            self.read(0.001)
        return time.perf_counter() - sent

    def signal(self, number: int) -> None:
        os.kill(self.pid, number)

    def hang_up(self) -> None:
        """The terminal goes away: its master side is closed."""
        self.child.ptyproc.fileobj.close()
        self.closed = True

    def memory_mib(self) -> tuple[float, float]:
        """(resident now, resident at its peak) in MiB, from /proc."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss, peak = (int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))
        return rss, peak

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close(force=True)
