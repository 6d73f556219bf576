"""Everything the runner owns, written as CSV, JSON, or a report for a physiotherapist (Markdown,
or one self-contained HTML file: `report_html`)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any, Literal

from backrun_tui import __version__
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.retest import COOL_DOWN
from backrun_tui.coach.ladder.workout import EVERYTHING_HURT, everything_hurt
from backrun_tui.coach.running.run_pain import pattern_text
from backrun_tui.coach.running.runs import RUN_COLUMNS, run_row
from backrun_tui.report.change_log import CHANGES_NOTE, IN_FULL, recent_changes
from backrun_tui.report.export_data import (
    ACTIVITIES_NOTE,
    ACTIVITIES_TITLE,
    EARLIER_FLAGS,
    NO_ACTIVITIES,
    NO_WARNING_SIGNS,
    Everything,
)
from backrun_tui.report.story import story
from backrun_tui.report.trends import (
    PAIN_KEY,
    RUNS_LISTED,
    TRAINED_KEY,
    WEEKS,
    pain_period,
    pain_slots,
    running_weeks,
    trained_by_month,
    trained_words,
)
from backrun_tui.store import codec
from backrun_tui.store.repository import Store

Format = Literal["csv", "json", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("csv", "json", "markdown", "html")
CSV_COLUMNS = (
    "session_id",
    "date",
    "exercise_id",
    "exercise",
    "set",
    "side",
    "reps",
    "seconds",
    "pain_at_check",
    "outcome",
    "mode",
)


def export(store: Store, catalog: Catalog, fmt: Format, now: datetime) -> str:
    data = Everything.read(store)
    if fmt == "csv":
        return to_csv(data, catalog)
    if fmt == "json":
        return to_json(data, now)
    if fmt == "html":
        from backrun_tui.report.report_html import to_html

        return to_html(data, catalog, now)
    return to_markdown(data, catalog, now)


def to_csv(data: Everything, catalog: Catalog) -> str:
    """One row per set done."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for session in data.sessions:
        for record in session.workout.done:
            name = catalog.get(record.exercise_id).name if record.exercise_id in catalog else ""
            writer.writerow(
                [
                    session.id,
                    record.at.isoformat(),
                    record.exercise_id,
                    name,
                    record.set_number,
                    record.side or "",
                    record.reps,
                    record.seconds,
                    session.report.pain,
                    session.outcome,
                    session.mode,
                ]
            )
    return out.getvalue()


def to_json(data: Everything, now: datetime) -> str:
    store = data.store
    live = store.load_live()
    document: dict[str, Any] = {
        "app": "backrun",
        "version": __version__,
        "exported_at": now.isoformat(),
        "plan": codec.plan_to_doc(data.plan) if data.plan else None,
        "settings": codec.settings_to_doc(store.load_settings()),
        "progress": codec.progress_to_doc(store.progress()),
        "checks": [
            {**codec.report_to_doc(report), "outcome": outcome, "at": at.isoformat()}
            for at, report, outcome in data.checks
        ],
        "sessions": [codec.session_to_doc(s) for s in data.sessions],
        "changes_outside_sessions": [codec.decision_to_doc(d) for d in data.logged],
        "unfinished_session": codec.session_to_doc(live) if live else None,
        "runs": [codec.run_to_doc(r) for r in reversed(store.runs(deleted=True))],
        "everyday_activities": codec.psfs_to_doc(data.psfs),
        "activity_scores": [codec.score_to_doc(s) for s in data.scores],
    }
    if store.runs_problem:
        document["runs_not_read"] = store.runs_problem
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def pain_lines(data: Everything, today: date) -> list[str]:
    """Pain over the whole period in text: each year's monthly medians on a line, then a table
    of the last six months' weeks."""
    slots = pain_slots(((at, report.pain) for at, report, _ in data.checks), today)
    if not slots:
        return ["No symptom checks yet."]
    lines = [pain_period(slots), "", PAIN_KEY.replace("a grey column", "a dash"), ""]
    years: dict[int, list[str]] = {}
    for slot in (s for s in slots if s.by == "month"):
        pain = "-" if slot.pain is None else f"{slot.pain:g}"
        years.setdefault(slot.start.year, []).append(f"{slot.start:%b} {pain}")
    lines += [f"- {year}, by month: {', '.join(months)}" for year, months in years.items()]
    weeks = [s for s in slots if s.by == "week"]
    if weeks:
        lines += [""] * bool(years) + ["| week of | pain | checks |", "|---|---|---|"]
        lines += [
            f"| {s.start.day} {s.start:%b %Y} | "
            f"{'-' if s.pain is None else f'{s.pain:g}/10'} | {s.checks} |"
            for s in weeks
        ]
    return lines


def trained_lines(data: Everything, catalog: Catalog, today: date) -> list[str]:
    columns, _, rows = trained_by_month(data.sessions, catalog, today)
    if not rows:
        return ["No strength sessions yet."]
    lines = [TRAINED_KEY.split(". The darker")[0] + ".", ""]
    lines += ["| rung and exercise | trained |", "|---|---|"]
    lines += [f"| {row.label} | {trained_words(columns, row)} |" for row in reversed(rows)]
    return lines


def to_markdown(data: Everything, catalog: Catalog, now: datetime) -> str:
    """A report to hand to a physiotherapist."""
    lines = [
        "# backrun report",
        "",
        f"Exported {now:%d %b %Y}. backrun is a self-guided exercise coach for runners with back "
        "pain; it gives advice, not a diagnosis. Pain is self-rated from 0 (none) to 10 (worst).",
    ]
    lines += ["", "## Summary", ""]
    lines += [f"- **{what}**: {words}" for what, words in story(data, catalog, now)]
    lines += ["", f"## {ACTIVITIES_TITLE}", ""]
    activities = data.activity_rows()
    if activities:
        lines += [
            ACTIVITIES_NOTE,
            "",
            "| activity | first | latest | change |",
            "|---|---|---|---|",
        ]
        lines += ["| " + " | ".join(row) + " |" for row in activities]
    else:
        lines.append(NO_ACTIVITIES)
    lines += ["", "## Warning signs and doctor advice", ""]
    safety = data.safety(now)
    if safety:
        lines += [f"- {at:%d %b %Y %H:%M}: {line}" for at, line in safety]
    else:
        lines.append(NO_WARNING_SIGNS)
    lines += ["", "## Current plan", ""]
    plan = data.plan
    if plan and plan.exercise_ids:
        for exercise_id in plan.exercise_ids:
            exercise = catalog.get(exercise_id)
            lines.append(f"- rung {exercise.rung_label}: {exercise.name}")
    elif plan and everything_hurt(catalog, plan):
        lines.append(EVERYTHING_HURT)
    else:
        lines.append("No strength exercises chosen yet.")
    lines.append("- stretches: " + ", ".join(e.name for e in catalog.stretches()))
    lines += ["", "## Flagged painful (the last eight weeks) and resting", ""]
    flags = data.painful_flags()
    flagged = [f for f in flags if f.at >= now - IN_FULL]
    if len(flagged) < len(flags):
        lines += [EARLIER_FLAGS, ""]
    if flagged:
        for feedback in flagged:
            pain = f", pain {feedback.pain}/10" if feedback.pain is not None else ""
            lines.append(
                f"- {feedback.at:%d %b %Y}: {catalog.get(feedback.exercise_id).name} "
                f"flagged painful{pain}"
            )
    else:
        lines.append("No exercise was flagged painful in the last eight weeks.")
    for bench in plan.benched if plan else ():
        state = "resting" if bench.why == "painful" else "not yet possible at the assessment"
        lines.append(
            f"- {state}: {catalog.get(bench.exercise_id).name} since "
            f"{bench.since:%d %b %Y}, retest offered from "
            f"{bench.since + COOL_DOWN:%d %b %Y}"
        )
    lines += ["", "## Pain over the whole period (the median of the symptom checks)", ""]
    lines += pain_lines(data, now.date())
    lines += ["", "## Exercises trained", ""]
    lines += trained_lines(data, catalog, now.date())
    lines += ["", f"## Running against pain (the last {WEEKS} weeks)", ""]
    runs = data.store.runs()
    if runs:
        recent = running_weeks(runs, now.date())
        if recent:
            lines += ["| week of | minutes | km |", "|---|---|---|"]
            lines += ["| " + " | ".join(row) + " |" for row in recent]
            lines.append("")
        pains = [(at, report.pain) for at, report, _ in data.checks]
        lines += [
            pattern_text(runs, pains, now),
            "",
            f"## Recent runs (the {RUNS_LISTED} newest)",
            "",
        ]
        lines += ["| " + " | ".join(RUN_COLUMNS) + " |", "|" + "---|" * len(RUN_COLUMNS)]
        lines += ["| " + " | ".join(run_row(r)) + " |" for r in runs[:RUNS_LISTED]]
    else:
        lines.append(data.no_runs_text())
    lines += ["", "## Changes to the plan, with reasons", ""]
    if data.decisions:
        lines += [CHANGES_NOTE, ""]
        lines += [f"- {month}: {line}" for month, line in data.month_lines(catalog, now)]
        lines += [f"- {d.at:%d %b %Y %H:%M}: {d.text}" for d in recent_changes(data.decisions, now)]
    else:
        lines.append("No changes yet.")
    lines += ["", f"Sessions recorded: {len(data.sessions)}.", ""]
    return "\n".join(lines)
