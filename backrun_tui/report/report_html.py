"""The physio report as one self-contained HTML file: inline SVG charts (pain trend, ladder
progress, running against pain), the plan, what rests, every change and why, and the runs. It
needs no network, and prints cleanly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from backrun_tui import __version__
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.history_stats import last_mondays
from backrun_tui.coach.ladder.retest import COOL_DOWN
from backrun_tui.coach.ladder.workout import EVERYTHING_HURT, everything_hurt
from backrun_tui.coach.running.run_pain import pattern_text, weekly_pain
from backrun_tui.coach.running.run_stats import weekly_running
from backrun_tui.coach.running.runs import RUN_COLUMNS, run_row
from backrun_tui.report.change_log import CHANGES_NOTE, IN_FULL, recent_changes
from backrun_tui.report.exercise_sheet import SHEET_STYLE, exercise_sheet
from backrun_tui.report.export_data import (
    ACTIVITIES_NOTE,
    ACTIVITIES_TITLE,
    EARLIER_FLAGS,
    NO_ACTIVITIES,
    NO_WARNING_SIGNS,
    Everything,
)
from backrun_tui.report.story import story
from backrun_tui.report.svg_chart import bar_chart, nice_top
from backrun_tui.report.trend_charts import ladder_chart, pain_chart
from backrun_tui.report.trends import (
    PAIN_KEY,
    RUNS_LISTED,
    TRAINED_KEY,
    WEEKS,
    pain_period,
    pain_slots,
    trained_by_month,
    trained_period,
)

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1f24; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #c8ccd2; }
.meta, .note { color: #4a5360; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #e2e5e9; }
td:first-child { white-space: nowrap; }
th { background: #f1f3f5; }
table.months { font-size: 0.8rem; }
table.months td { padding: 0.1rem 0.4rem; }
svg.chart { width: 100%; height: auto; max-width: 40rem; display: block; margin: 0.5rem 0; }
.grid { stroke: #d5d9de; stroke-width: 1; }
.axis { font: 11px system-ui, sans-serif; fill: #4a5360; }
.line-axis { fill: #b4361b; }
.bar { fill: #3b6ea8; }
.none { fill: #e9ebee; }
.divide { stroke: #4a5360; stroke-dasharray: 3 3; }
.cell { fill: #3b6ea8; }
.cell.hurt { stroke: #b4361b; stroke-width: 2; }
.bar-label { font: 9px system-ui, sans-serif; fill: #1b1f24; }
.line { fill: none; stroke: #b4361b; stroke-width: 2; }
.dot { fill: #b4361b; }
.key span { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 1em; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; line-height: 1.28; }
  h2 { break-after: avoid; margin-top: 1.2rem; }
  th, td { padding: 0.15rem 0.4rem; }
  svg.chart { max-width: 30rem; }
  svg.chart.wide { max-width: 38rem; }
  svg.chart, .keep, tr { break-inside: avoid; }
  .bar, .none, .cell, .dot, .key span { print-color-adjust: exact;
    -webkit-print-color-adjust: exact; }
}
"""


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _keep(parts: list[str]) -> str:
    """A heading with its chart: printed on one page."""
    return '<div class="keep">' + "".join(parts) + "</div>"


def _list(items: list[str], empty: str) -> str:
    if not items:
        return f'<p class="note">{escape(empty)}</p>'
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def to_html(data: Everything, catalog: Catalog, now: datetime) -> str:
    today = now.date()
    mondays = last_mondays(today, WEEKS)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>backrun report, {now:%d %b %Y}</title>",
        f"<style>{STYLE}{SHEET_STYLE}</style></head><body>",
        "<h1>backrun report</h1>",
        f'<p class="meta">Exported {now:%d %b %Y %H:%M} by backrun {escape(__version__)}. '
        "backrun is a self-guided exercise coach for runners with back pain; it gives advice, "
        "not a diagnosis. Pain is self-rated from 0 (none) to 10 (worst).</p>",
    ]
    parts.append("<h2>Summary</h2>")
    parts.append(_table(("", ""), story(data, catalog, now)))
    parts.append(f"<h2>{ACTIVITIES_TITLE}</h2>")
    activities = data.activity_rows()
    if activities:
        parts.append(f'<p class="meta">{ACTIVITIES_NOTE}</p>')
        parts.append(_table(("activity", "first", "latest", "change"), activities))
    else:
        parts.append(_list([], NO_ACTIVITIES))
    safety = [(f"{at:%d %b %Y %H:%M}", line) for at, line in data.safety(now)]
    parts.append("<h2>Warning signs and doctor advice</h2>")
    parts.append(_table(("when", "what"), safety) if safety else _list([], NO_WARNING_SIGNS))
    parts += _plan(data, catalog, now)  # short, and the story's end: on page one where it fits
    parts += _pain_and_ladder(data, catalog, today)
    parts += _running(data, mondays, now)
    parts += _changes(data, catalog, now)
    parts.append(f'<p class="meta">Sessions recorded: {len(data.sessions)}.</p>')
    parts += exercise_sheet(data, catalog)  # a page of its own, to hand out
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _changes(data: Everything, catalog: Catalog, now: datetime) -> list[str]:
    """The last eight weeks' changes in full, the months before one line each."""
    parts = ["<h2>Changes to the plan, and why</h2>"]
    if not data.decisions:
        return [*parts, _list([], "No changes yet.")]
    recent = recent_changes(data.decisions, now)
    months = data.month_lines(catalog, now)
    parts.append(f'<p class="meta">{CHANGES_NOTE}</p>')
    if months:
        parts.append("<h3>Earlier, a month a line</h3>")
        parts.append(
            _table(("month", "changes"), months).replace("<table>", '<table class="months">', 1)
        )
    parts.append("<h3>The last eight weeks</h3>")
    rows = [(f"{d.at:%d %b %Y}", d.text) for d in recent]  # in order: the day is enough
    parts.append(_table(("when", "change"), rows) if rows else _list([], "None."))
    return parts


def _pain_and_ladder(data: Everything, catalog: Catalog, today: date) -> list[str]:
    """Pain and the exercises trained, each over the whole period."""
    slots = pain_slots(((at, report.pain) for at, report, _ in data.checks), today)
    pain = ["<h2>Pain over the whole period (the median of the symptom checks)</h2>"]
    if slots:
        pain.append(f'<p class="meta">{escape(pain_period(slots))}</p>')
        pain.append(pain_chart(slots))
        pain.append(f'<p class="note">{PAIN_KEY}</p>')
    else:
        pain.append('<p class="note">No symptom checks yet.</p>')
    columns, totals, rows = trained_by_month(data.sessions, catalog, today)
    ladder = ["<h2>Exercises trained, month by month</h2>"]
    if rows:
        ladder.append(f'<p class="meta">{escape(trained_period(columns))}</p>')
        ladder.append(ladder_chart(columns, totals, rows))
        ladder.append(f'<p class="note">{TRAINED_KEY}</p>')
    else:
        ladder.append('<p class="note">No strength sessions yet.</p>')
    return [_keep(pain), _keep(ladder)]


def _running(data: Everything, mondays: list[date], now: datetime) -> list[str]:
    runs = data.store.runs()
    title = (
        f"<h2>Running against pain (the last {WEEKS} weeks, from {mondays[0].day} "
        f"{mondays[0]:%b %Y})</h2>"
    )
    if not runs:
        return [_keep([title, f'<p class="note">{escape(data.no_runs_text())}</p>'])]
    weeks = weekly_running(runs, now.date(), WEEKS)
    pains = [(at, report.pain) for at, report, _ in data.checks]
    pain_line = weekly_pain(pains, mondays)
    key = (
        '<p class="key"><span style="background:#3b6ea8"></span>running minutes per week '
        "(km above each bar)"
        '<span style="background:#b4361b"></span>average pain at that week\'s checks</p>'
    )
    chart = bar_chart(
        "Running minutes per week (km above each bar), with the week's average pain",
        [(monday, float(minutes)) for monday, minutes, _ in weeks],
        nice_top(max(m for _, m, _ in weeks), 30),
        unit="min",
        line=pain_line,
        line_unit="pain",
        labels=[f"{k:.0f}" if k else "" for _, _, k in weeks],
    )
    parts = [_keep([title, key, chart])]
    parts.append(f'<p class="note">{escape(pattern_text(runs, pains, now))}</p>')
    parts.append(f"<h2>Recent runs (the {RUNS_LISTED} newest)</h2>")
    parts.append(_table(RUN_COLUMNS, [run_row(r) for r in runs[:RUNS_LISTED]]))
    return parts


def _plan(data: Everything, catalog: Catalog, now: datetime) -> list[str]:
    plan = data.plan
    planned = [
        (catalog.get(i).rung_label, catalog.get(i).name)
        for i in (plan.exercise_ids if plan else ())
    ]
    parts = ["<h2>Current plan</h2>"]
    resting_all = plan is not None and everything_hurt(catalog, plan)
    empty = EVERYTHING_HURT if resting_all else "No strength exercises chosen yet."
    parts.append(_table(("rung", "exercise"), planned) if planned else _list([], empty))
    stretches = ", ".join(e.name for e in catalog.stretches())
    parts.append(f'<p class="note">Stretches every session: {escape(stretches)}.</p>')
    resting = [
        f"{catalog.get(b.exercise_id).name}: "
        f"{'rests after it hurt' if b.why == 'painful' else 'not yet possible at the assessment'}"
        f" since {b.since:%d %b %Y}; a retest is offered from {b.since + COOL_DOWN:%d %b %Y}"
        for b in (plan.benched if plan else ())
    ]
    parts.append("<h2>Resting exercises</h2>")
    parts.append(_list(resting, "None is resting."))
    flags = data.painful_flags()
    recent = [f for f in flags if f.at >= now - IN_FULL]
    flagged = [
        f"{f.at:%d %b %Y}: {catalog.get(f.exercise_id).name} flagged painful"
        + (f", pain {f.pain}/10" if f.pain is not None else "")
        for f in recent
    ]
    parts.append("<h2>Flagged painful in the last eight weeks</h2>")
    if len(recent) < len(flags):
        parts.append(f'<p class="meta">{EARLIER_FLAGS}</p>')
    parts.append(_list(flagged, "None in the last eight weeks."))
    return parts
