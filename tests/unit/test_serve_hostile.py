"""`backrun serve` against hostile browsers: a flood of input in one frame, a websocket request
without its upgrade, Ctrl+C while the app is busy. The server always answers, stops within
seconds and leaves nothing behind."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from serve_helpers import Served, serving

from backrun_tui.serve.guard import (
    END_GRACE,
    MAX_INPUT_AT_ONCE,
    QUIT_GRACE,
    InputBudget,
    size_from,
    stop_app,
)
from backrun_tui.store.lock import SERVE_KEY_NAME, DataDirLock

FLOOD = 1_000_000  # characters of keystrokes in one websocket frame


async def open_app(
    served: Served, session: aiohttp.ClientSession
) -> aiohttp.ClientWebSocketResponse:
    """The websocket a browser opens, once the app has drawn its first screen."""
    socket = await session.ws_connect(f"{served.root}/{served.token}/ws?width=80&height=24")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        message = await socket.receive(timeout=20)
        if message.type == aiohttp.WSMsgType.BINARY and b"Pain right now" in message.data:
            return socket
    raise AssertionError("the served app drew nothing in 20 s")


def left_behind(served: Served) -> list[str]:
    """What the stopped server left: processes of its group, its key file, a held lock."""
    found = []
    if not group_gone(served.process.pid):
        found.append("a process of the server's group is still running")
    if (served.data_dir / SERVE_KEY_NAME).exists():
        found.append(SERVE_KEY_NAME)
    DataDirLock(served.data_dir).acquire().release()  # raises if still held
    return found


def group_gone(group: int, seconds: float = 3.0) -> bool:
    """Whether the process group is gone within `seconds`: a child killed as the server ends is
    still counted until the system has reaped it, a moment later."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def stop_with_ctrl_c(served: Served) -> float:
    started = time.monotonic()
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(10) == 0
    return time.monotonic() - started


@pytest.mark.skipif(os.name == "nt", reason="process groups and SIGINT are POSIX")
def test_a_flood_in_one_frame_is_cut_and_ctrl_c_still_stops_everything(tmp_path: Path) -> None:
    async def flood(served: Served) -> None:
        async with aiohttp.ClientSession() as session:
            socket = await open_app(served, session)
            await socket.send_json(["stdin", "j" * FLOOD])
            await asyncio.sleep(1.0)
            await socket.send_json(["ping", "after"])
            while True:  # the server still reads this browser's messages
                message = await socket.receive(timeout=10)
                if message.type == aiohttp.WSMsgType.TEXT and "after" in message.data:
                    break
            await socket.close()  # the browser goes away: the page opens again, no "elsewhere"
            deadline = time.monotonic() + 5
            while (await session.get(served.link)).status != 200:
                assert time.monotonic() < deadline, "the page still says open elsewhere"
                await asyncio.sleep(0.1)
            took = stop_with_ctrl_c(served)
            print(f"Ctrl+C stopped everything in {took:.2f} s")
            assert took < 5, f"Ctrl+C took {took:.1f} s"

    with serving(tmp_path) as served:
        asyncio.run(flood(served))
        assert left_behind(served) == []
        said = served.everything_printed()
        print(said)
        assert "characters of input from the browser" in said
        assert said.count(served.token) == 1  # the link itself, once


def test_one_message_and_one_second_of_input_are_bounded() -> None:
    now = [0.0]
    budget = InputBudget(clock=lambda: now[0])
    assert budget.take("j" * 10_000) == "j" * MAX_INPUT_AT_ONCE  # one message
    for _ in range(3):
        budget.take("j" * MAX_INPUT_AT_ONCE)
    assert budget.take("j") == ""  # the second's budget is spent
    now[0] += 0.5
    assert len(budget.take("j" * MAX_INPUT_AT_ONCE)) == MAX_INPUT_AT_ONCE  # half a second on
    assert budget.take("abc") == "abc"  # typing goes on as the bucket fills
    now[0] += 10
    assert budget.take("hello") == "hello"


def test_sizes_a_browser_asks_for_are_kept_sane() -> None:
    assert size_from("120", 80) == 120
    assert size_from("9" * 50, 80) == 1000
    assert size_from(-5, 24) == 10
    assert size_from(None, 24) == 24 and size_from("wide", 80) == 80


@pytest.mark.skipif(os.name == "nt", reason="SIGTERM can be ignored only on POSIX")
async def test_an_app_that_neither_quits_nor_ends_is_killed_in_time() -> None:
    stubborn = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)",
    )

    class Hung:
        _process = stubborn

        async def stop(self) -> None:
            await asyncio.sleep(60)  # never answers the quit message

    started = time.monotonic()
    await stop_app(Hung())  # type: ignore[arg-type]
    assert stubborn.returncode is not None
    assert time.monotonic() - started < QUIT_GRACE + 2 * END_GRACE + 1
