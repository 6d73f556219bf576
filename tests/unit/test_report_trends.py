"""The report's whole-period series: pain a month a bar up to the last six months and a week a
bar over them (no check kept apart from pain 0), and each exercise trained, month by month."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from history_seed import PAINFUL, seed_history

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.report.export_data import Everything
from backrun_tui.report.trend_charts import ladder_chart, pain_chart
from backrun_tui.report.trends import pain_slots, trained_by_month, trained_words
from backrun_tui.store.repository import Store

TODAY = date(2026, 11, 23)  # a Monday


def at(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_months_before_the_last_six_months_then_weeks() -> None:
    checks = [(at(date(2025, 1, 5)), 6), (at(date(2025, 1, 20)), 4), (at(date(2025, 3, 2)), 3)]
    checks += [(at(TODAY - timedelta(days=14)), 0), (at(TODAY), 2), (at(TODAY, 18), 3)]
    slots = pain_slots(checks, TODAY)
    months = [s for s in slots if s.by == "month"]
    weeks = [s for s in slots if s.by == "week"]
    assert months[0].start == date(2025, 1, 1) and months[0].pain == 5  # median of 6 and 4
    assert months[1].pain is None and months[1].checks == 0  # February: no check
    assert months[2].pain == 3
    assert len(weeks) == 26 and weeks[0].start == date(2026, 6, 1)
    assert months[-1].end == weeks[0].start  # May's slot stops where the weeks begin
    assert weeks[-1].start == TODAY and weeks[-1].pain == 2.5
    assert weeks[-3].pain == 0 and weeks[-2].pain is None  # pain 0 is not "no check"
    assert weeks[-2].words() == "week of 16 Nov 2026: no check"
    assert weeks[-3].words() == "week of 9 Nov 2026: 0/10 (median of 1)"
    assert sum(s.checks for s in slots) == len(checks)


def test_a_short_history_is_weeks_from_its_first_check() -> None:
    slots = pain_slots([(at(TODAY - timedelta(days=20)), 4)], TODAY)
    assert [s.by for s in slots] == ["week"] * 4  # from the week of 2 Nov
    assert slots[0].pain == 4 and slots[-1].pain is None
    assert pain_slots([], TODAY) == []


def test_the_pain_chart_draws_no_check_apart_from_pain_zero() -> None:
    checks = [(at(date(2025, 6, 2)), 5), (at(TODAY - timedelta(days=14)), 0), (at(TODAY), 4)]
    svg = pain_chart(pain_slots(checks, TODAY))
    assert "a bar a month" in svg and "a bar a week" in svg
    assert 'class="none"><title>week of 16 Nov 2026: no check</title>' in svg
    zero = svg.split("week of 9 Nov 2026: 0/10")[0].rsplit("<rect", 1)[1]
    assert 'height="2.0" class="bar"' in zero  # a line on the floor, not a grey column
    assert "Jun 2025" in svg and "23 Nov 2026" in svg  # dated at both ends


def test_each_exercise_trained_by_month_in_ladder_order(tmp_path: object, catalog: Catalog) -> None:
    store = Store.in_memory()
    seed_history(store, catalog)
    data = Everything.read(store)
    columns, totals, rows = trained_by_month(data.sessions, catalog, TODAY)
    assert columns == [date(2026, 10, 1), date(2026, 11, 1)]
    assert totals == [1, 4]
    names = [row.exercise.name for row in rows]
    assert names[:2] == ["Superman", "Beetle (Dead Bug)"]  # rung 1 first
    assert "Single Leg Bridge" in names  # moved up to on 9 Nov
    hurt = next(row for row in rows if row.exercise.id == PAINFUL)
    assert hurt.painful == {1} and hurt.sessions == [1, 1]
    assert trained_words(columns, hurt) == (
        "Oct 2026 to Nov 2026, 2 sessions; flagged painful in Nov 2026"
    )
    svg = ladder_chart(columns, totals, rows)
    assert "1 Superman" in svg and "5 Single Leg Bridge" in svg
    assert svg.count('class="cell hurt"') == 1
    assert "Single Leg Balance &amp; Reach, Nov 2026: 1 of 4 sessions, flagged painful" in svg
