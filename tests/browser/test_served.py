"""`backrun serve` in a real browser: headless Chromium (Debian's, driven by Playwright) goes
through the symptom check into the rep counter and taps the big count three times; the live
session file holds 3 reps. Without the link's token every request gets 403; a second tab is
told backrun is open elsewhere; Ctrl+C stops the server, reps kept, lock released."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_screen import BROWSER_ARGS, CHROMIUM
from png_pixels import Pixel, box_of
from serve_helpers import Served, serving, status

from backrun_tui.store.lock import AlreadyRunningError, DataDirLock

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("no Chromium here (.ci/run installs it)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

VIEW = {"width": 900, "height": 700}


def is_green(pixel: Pixel) -> bool:
    """The big digits' colour (the theme's "success" green), not the blue or grey around."""
    red, green, blue = pixel
    return green > 150 and red < 120 and blue < 150


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path) as started:
        yield started


def test_a_session_in_the_browser_counts_taps_on_the_big_count(
    served: Served, tmp_path: Path
) -> None:
    root, token = served.root, served.token
    for url in (f"{root}/", f"{root}/ws", f"{root}/static/js/textual.js", f"{root}/x{token}/"):
        assert status(url) == 403, url  # nothing without the token
    assert status(f"{served.link}static/js/textual.js") == 200

    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport=VIEW)
        page.goto(served.link)
        page.wait_for_selector("body.-first-byte", timeout=20_000)
        page.wait_for_timeout(1000)
        page.click(".xterm-screen")  # the keyboard goes to the terminal
        # Pain 1, the warning signs, the everyday activities skipped, the advice, Cat Cow.
        for key in ("1", "F2", "F2", "F2", "Escape", "Enter", "Enter"):
            page.keyboard.press(key)
            page.wait_for_timeout(600)
        assert served.live_count() == 0  # the session has started, at the counter
        count = box_of(page.screenshot(), is_green)  # the big count, where a person sees it
        assert count is not None, "no big count on the page"
        x, y = count
        for tap in range(1, 4):
            page.mouse.click(x, y)
            for _ in range(30):
                if served.live_count() == tap:
                    break
                page.wait_for_timeout(100)
        page.screenshot(path=str(tmp_path / "served.png"))
        assert served.live_count() == 3

        second = browser.new_page(viewport=VIEW)
        second.goto(served.link)
        assert "already open elsewhere" in second.content()
        browser.close()

    with pytest.raises(AlreadyRunningError):  # the server holds the folder
        DataDirLock(served.data_dir).acquire()
    served.process.send_signal(signal.SIGINT)  # Ctrl+C
    assert served.process.wait(20) == 0
    assert served.live_count() == 3  # kept, as on quit
    DataDirLock(served.data_dir).acquire().release()  # and the folder is free again
