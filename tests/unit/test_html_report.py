"""The HTML physio report: one self-contained, well-formed file with its three charts, the plan,
what rests, every change and why, and running against pain with the runner's pattern."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

from history_seed import seed_history

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.report.export import export
from backrun_tui.store.repository import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
VOID = {"meta", "br", "img", "input", "link", "hr"}
SVG_LEAVES = {"line", "rect", "circle", "polyline"}


class Tags(HTMLParser):
    """Every opened tag must close in order; what the page would fetch is collected."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.fetched: list[str] = []
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self.fetched += [v or "" for k, v in attrs if k in ("src", "href")]
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()


def parsed(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    assert tags.open == []
    return tags


def test_the_report_is_one_well_formed_file_with_its_charts(
    tmp_path: Path, catalog: Catalog
) -> None:
    store = Store.open(tmp_path / "data")
    seed_history(store, catalog)
    runs = [
        Run(f"r{n}", NOW - timedelta(days=2 + 3 * n), (40 + n % 3 * 30) * 60, 8000.0, "fit")
        for n in range(20)
    ]
    store.save_runs(runs)
    html = export(store, catalog, "html", NOW)
    tags = parsed(html)
    assert tags.fetched == []  # opens offline: nothing to fetch
    assert tags.counts.get("script", 0) == 0
    sheet = html.split('<section class="sheet">', 1)[1]
    figures = sheet.count("<svg")  # the exercise sheet: one for each exercise of the plan
    assert figures == sheet.count("<h3>") >= 4
    assert tags.counts["svg"] == 3 + figures  # pain, the exercises trained, running against pain
    for title in ("Median pain per month", "Exercises trained", "Running minutes per week"):
        assert f'aria-label="{title}' in html
    assert "5 checks: a week a bar from the week of 12 Oct 2026 to the week of 23 Nov" in html
    assert "From Oct 2026 to Nov 2026, a column a month." in html
    assert "Running against pain (the last 26 weeks, from 1 Jun 2026)" in html
    assert "@media print" in html and "break-inside: avoid" in html
    assert "Single Leg Balance &amp; Reach: rests after it hurt since 02 Nov 2026" in html
    assert "High Plank Leg Lifts -&gt; Single Leg Bridge: too easy" in html  # escaped
    assert "<td>Single Leg Bridge</td>" in html  # in the plan
    assert ": not enough data yet." in html
    assert "<td>Sat 21 Nov 2026 09:00</td>" in html  # the newest run, in the list
    assert "not a diagnosis" in html


def test_a_fresh_data_folder_gives_a_report_that_says_so(tmp_path: Path, catalog: Catalog) -> None:
    store = Store.open(tmp_path / "data")
    html = export(store, catalog, "html", NOW)
    parsed(html)
    assert "No symptom checks yet." in html and "No runs imported or logged yet." in html
    assert "No strength exercises chosen yet." in html and "<svg" not in html


def test_the_pain_chart_marks_each_weeks_pain_under_a_bar(tmp_path: Path, catalog: Catalog) -> None:
    store = Store.open(tmp_path / "data")
    store.record_check(SymptomReport(7, "lower", "none"), "flare_up", NOW - timedelta(days=7))
    store.save_runs([Run("a", NOW - timedelta(days=7), 3600, 10000.0, "gpx")])
    html = export(store, catalog, "html", NOW)
    assert "week of 16 Nov 2026: 7/10 (median of 1)" in html  # the bar's own label
    assert "16 Nov 2026: 60 min" in html
    assert 'class="bar-label">10</text>' in html  # the week's km above its bar
    assert html.count('class="dot"') == 1  # the one week with a check
