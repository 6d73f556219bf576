"""The physio report printed by headless Chromium on A4: two years of the benchmark's history
(sessions, checks, activity scores and runs) on at most four pages, five years on at most five,
and page one holds the story; then the exercise sheet, on at most two pages of its own for a plan
of six exercises and the stretches, each with a well-formed figure."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from html import escape
from pathlib import Path

import pytest
from generate_history import generate
from screens_open import add_runs

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.report.export import export
from backrun_tui.store.repository import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("no Chromium here (.ci/run installs it)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGE = re.compile(rb"/Type\s*/Page(?!s)")
PRINTED_WIDTH, PRINTED_HEIGHT = 718, 1047  # A4 less 10 mm margins, in CSS pixels
STORY = ("Period", "Sessions", "Pain", "Flare-up days", "Warning signs", "Today's plan")


def report_of(folder: Path, years: float) -> tuple[str, datetime]:
    generate(folder, years, quiet=True, write_each=False)
    add_runs(folder, years)
    store = Store.open(folder)
    try:
        newest = max(at for at, _, _ in store.checks())
        return export(store, load_catalog(), "html", newest), newest
    finally:
        store.close()


SHEET = re.compile(r'<section class="sheet">.*?</section>', re.S)
SIX = ("superman", "beetle", "single-leg-balance-reach", "high-plank-leg-lifts")
SIX += ("single-leg-bridge", "side-plank-lifts")


def printed_pages(html: str) -> int:
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": PRINTED_WIDTH, "height": PRINTED_HEIGHT})
        page.set_content(html)
        pdf = page.pdf(
            format="A4", margin={side: "10mm" for side in ("top", "bottom", "left", "right")}
        )
        browser.close()
    return len(PAGE.findall(pdf))


def test_the_exercise_sheet_prints_on_two_pages_at_most(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    try:
        store.save_plan(Plan(SIX))
        html = export(store, load_catalog(), "html", datetime.now().astimezone())
    finally:
        store.close()
    [sheet] = SHEET.findall(html)
    for exercise in ("Cat Cow", "Supine Twist", "Superman", "Modified Low Side Plank Lifts"):
        assert f"<h3>{exercise}</h3>" in sheet
    assert sheet.count("<svg") == len(SIX) + 3  # each exercise and stretch drawn
    assert "3 sets of 8-12 reps per side" in sheet
    sheet_pages = printed_pages(html) - printed_pages(SHEET.sub("", html))
    assert 1 <= sheet_pages <= 2, f"the exercise sheet prints on {sheet_pages} pages"


@pytest.mark.parametrize(("years", "most_pages"), [(2.0, 4), (5.0, 5)])
def test_the_report_prints_within_its_pages(tmp_path: Path, years: float, most_pages: int) -> None:
    html, _ = report_of(tmp_path / "data", years)
    assert SHEET.search(html)  # the exercise sheet comes after, on pages of its own
    html = SHEET.sub("", html)
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": PRINTED_WIDTH, "height": PRINTED_HEIGHT})
        page.set_content(html)
        page.emulate_media(media="print")
        first_page = page.evaluate(  # what lies above the first page break
            "() => document.querySelector('h2:nth-of-type(2)').getBoundingClientRect().top"
        )
        pdf = page.pdf(
            format="A4", margin={side: "10mm" for side in ("top", "bottom", "left", "right")}
        )
        browser.close()
    pages = len(PAGE.findall(pdf))
    assert 1 <= pages <= most_pages, f"{years:g} years print on {pages} A4 pages"
    summary = html.split("<h2>Summary</h2>", 1)[1].split("<h2>", 1)[0]
    for line in STORY:
        assert f"<td>{escape(line)}</td>" in summary
    assert first_page < PRINTED_HEIGHT  # the summary ends on page one
