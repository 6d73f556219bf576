"""Everything the runner owns, written as CSV, JSON, or a report for a physiotherapist (Markdown,
or one self-contained HTML file: `report_html`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import datetime
from statistics import median
from typing import Any, Literal

from backrun_tui import __version__
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.retest import COOL_DOWN
from backrun_tui.coach.ladder.workout import EVERYTHING_HURT, everything_hurt
from backrun_tui.coach.running.runs import RUN_COLUMNS, run_row
from backrun_tui.coach.safety.triage import SymptomReport
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
from backrun_tui.store import codec
from backrun_tui.store.repository import Store

Format = Literal["csv", "json", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("csv", "json", "markdown", "html")
RUNS_IN_REPORT = 20
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


def weekly_pain(checks: Iterable[tuple[datetime, SymptomReport, str]]) -> list[tuple[str, float]]:
    """(ISO week, median pain) for each week with a check, oldest first."""
    weeks: dict[str, list[int]] = {}
    for at, report, _ in checks:
        year, week, _day = at.isocalendar()
        weeks.setdefault(f"{year}-W{week:02d}", []).append(report.pain)
    return [(week, median(pains)) for week, pains in sorted(weeks.items())]


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
    lines += ["", "## Pain trend (median of the week's symptom checks)", ""]
    trend = weekly_pain(data.checks)
    if trend:
        lines += ["| week | pain |", "|---|---|"]
        lines += [f"| {week} | {pain:g}/10 |" for week, pain in trend[-26:]]
    else:
        lines.append("No symptom checks yet.")
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
    lines += ["", "## Changes to the plan, with reasons", ""]
    if data.decisions:
        lines += [CHANGES_NOTE, ""]
        lines += [f"- {month}: {line}" for month, line in data.month_lines(catalog, now)]
        lines += [f"- {d.at:%d %b %Y %H:%M}: {d.text}" for d in recent_changes(data.decisions, now)]
    else:
        lines.append("No changes yet.")
    lines += ["", "## Recent runs", ""]
    runs = data.store.runs()[:RUNS_IN_REPORT]
    if runs:
        lines += ["| " + " | ".join(RUN_COLUMNS) + " |", "|" + "---|" * len(RUN_COLUMNS)]
        lines += ["| " + " | ".join(run_row(r)) + " |" for r in runs]
    else:
        lines.append(data.no_runs_text())
    lines += ["", f"Sessions recorded: {len(data.sessions)}.", ""]
    return "\n".join(lines)
