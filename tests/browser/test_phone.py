"""A phone on the mat: `backrun serve` in Chromium at a phone's size, upright (390x844) and
sideways (844x390), walked from the symptom check to the summary by taps alone, with type a
person can read and nothing cut. Screenshots of each step are kept in the test's folder."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_screen import BROWSER_ARGS, CHROMIUM, BrowserScreen
from serve_helpers import Served, serving

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("no Chromium here (.ci/run installs it)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

UPRIGHT, SIDEWAYS = (390, 844), (844, 390)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path, plan=False) as started:
        yield started


@pytest.mark.parametrize("size", [UPRIGHT, SIDEWAYS], ids=["upright", "sideways"])
def test_a_whole_session_by_taps_on_a_phone(
    served: Served, tmp_path: Path, size: tuple[int, int]
) -> None:
    width, height = size
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        screen = BrowserScreen(page, shots=tmp_path)
        page.goto(served.link)
        screen.wait_for("Pain right now")
        columns, rows = screen.sizes[-1]
        type_size = int(page.locator("#terminal").get_attribute("data-font-size") or 0)
        if height > width:  # held upright: readable type, the app laid out for it
            assert type_size >= 14 and 42 <= columns <= 54 and rows >= 40, (type_size, columns)
        else:  # sideways: today's layout, 80 columns or more
            assert columns >= 80 and rows >= 24, (columns, rows)

        column, row = screen.where("[0]")
        screen.tap_cell(column + 6, row)  # the 2 on the pain scale
        screen.wait_for("2/10")
        for _ in range(4):  # each tap shows warning signs not yet seen, then the advice
            screen.tap("See advice", last=True)
            if screen.shows("Good to train", seconds=2):
                break
        screen.step("advice", "Good to train")
        screen.tap("Start", last=True)
        screen.step("assessment", "Rung 1 of 12")
        for rung in range(2, 6):
            screen.tap("Yes, I can", last=True)
            if rung < 5:
                screen.wait_for(f"Rung {rung} of 12")
        screen.step("activities", "Your everyday activities")
        screen.tap("Skip for now", last=True)
        screen.step("picker", "Cat Cow", "Superman")
        screen.tap("Start", last=True)

        screen.step("counter", "Cat Cow  (1 of 7)")
        for tap in range(1, 9):
            screen.tap_big_count()
            served.wait_live_count(tap)
        screen.tap("Set done", last=True)
        screen.step("rating", "How was Cat Cow?")
        screen.tap("Just right", last=True)

        screen.step("hold", "Lying Figure 4 Stretch")
        screen.tap_big_count()  # starts the hold
        screen.step("holding", "Holding")
        screen.wait_for("L 2 s")
        screen.tap("Set done", last=True)  # enough on this side
        screen.wait_for("set 1 of 1 · right side")
        screen.tap("At target", last=True)
        screen.wait_for("How was Lying Figure 4 Stretch?")
        screen.tap("Just right", last=True)
        screen.wait_for("Supine Twist  (3 of 7)")
        screen.tap("At target", last=True)
        screen.wait_for("set 1 of 1 · right side")
        screen.tap("At target", last=True)
        screen.wait_for("How was Supine Twist?")
        screen.tap("Just right", last=True)

        screen.wait_for("Superman  (4 of 7)")
        for tap in range(1, 9):
            screen.tap_big_count()
            served.wait_live_count(tap)
        screen.tap("Set done", last=True)
        screen.step("rest", "Rest", "Next: Superman")
        screen.tap("Skip rest", last=True)
        screen.wait_gone("Next: Superman")
        screen.wait_for("set 2 of 3")
        screen.tap("End session", last=True)
        screen.step("summary", "What you did", "Superman")
        assert "• Cat Cow: 8" in screen.text() and "• Superman: 8" in screen.text()
        assert re.search(r"Lying Figure 4 Stretch: L [1-9]\d* s", screen.text())  # held a while
        browser.close()
