"""`backrun serve` started for a test: the real command in its own process, on a free port,
with the link it printed."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app_helpers import PLAN

from backrun_tui.store.repository import Store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


class Served:
    def __init__(
        self, process: subprocess.Popen[str], link: str, data_dir: Path, first_lines: list[str]
    ) -> None:
        self.process, self.link, self.data_dir = process, link, data_dir
        self.first_lines = first_lines  # what it printed up to and with the link

    def everything_printed(self) -> str:
        """All the server's output, once it has stopped."""
        rest = self.process.stdout.read() if self.process.stdout else ""
        return "".join(self.first_lines) + rest

    @property
    def root(self) -> str:
        """http://127.0.0.1:PORT"""
        return self.link.rsplit("/", 2)[0]

    @property
    def token(self) -> str:
        return self.link.rstrip("/").rsplit("/", 1)[1]

    def live_count(self) -> int:
        live = Store.open_read_only(self.data_dir).load_live()
        return -1 if live is None else live.workout.count

    def wait_live_count(self, count: int, seconds: float = 10) -> None:
        """Until the session on disk holds `count` reps."""
        deadline = time.monotonic() + seconds
        while self.live_count() != count:
            assert time.monotonic() < deadline, f"{self.live_count()} reps saved, not {count}"
            time.sleep(0.05)


@contextmanager
def serving(tmp_path: Path, *, plan: bool = True) -> Iterator[Served]:
    """A folder with a plan (or a new one: the first run's assessment), served; killed at the
    end if the test left it running."""
    data_dir = tmp_path / "data"
    store = Store.open(data_dir)
    if plan:
        store.save_plan(PLAN)
    store.close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "backrun_tui", "serve", "--data-dir", str(data_dir)]
        + ["--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: what it leaves behind can be found
    )
    assert process.stdout is not None
    link, first_lines = "", []
    for line in process.stdout:
        first_lines.append(line)
        if found := re.search(r"http://127\.0\.0\.1:\d+/\S+/", line):
            link = found.group(0)
            break
    assert link, "backrun serve printed no link"
    for _ in range(50):  # until it listens
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    try:
        yield Served(process, link, data_dir, first_lines)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        if hasattr(os, "killpg"):  # an app it left behind, if any
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
