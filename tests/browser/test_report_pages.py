"""The physio report printed by headless Chromium on A4: two years of the benchmark's history
(sessions, checks, activity scores and runs) on at most four pages, five years on at most five,
and page one holds the story."""

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


@pytest.mark.parametrize(("years", "most_pages"), [(2.0, 4), (5.0, 5)])
def test_the_report_prints_within_its_pages(tmp_path: Path, years: float, most_pages: int) -> None:
    html, _ = report_of(tmp_path / "data", years)
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
