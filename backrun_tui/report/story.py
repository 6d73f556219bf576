"""Page one of the physiotherapist's report: the runner's story in a few lines (the period,
how regular the sessions were, pain at the start and now against the 2-point line, flare-ups,
warning signs, where it hurt and the legs, what hurt and rests, today's plan). The Markdown and
the HTML report print the same lines."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from statistics import median

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.workout import EVERYTHING_HURT, count_of, everything_hurt
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.report.export_data import Everything

NOT_NAMED = "Not named (a name for the report can be set in backrun's settings)"
WINDOW = timedelta(days=28)  # "at the start" and "now": four weeks of checks each
RECENT_WEEKS = 8
MEANINGFUL_PAIN = 2  # points on the 0-10 scale (see docs/programme.md)
WHERE_WORDS = {"lower": "lower back", "upper": "upper back", "both": "lower and upper back"}

Check = tuple[datetime, SymptomReport, str]


def story(data: Everything, catalog: Catalog, now: datetime) -> list[tuple[str, str]]:
    """(what, in words) for the top of the report; one line when nothing is recorded yet."""
    runner = ("Runner", data.store.load_settings().runner_name or NOT_NAMED)
    starts = [c[0] for c in data.checks[:1]] + [s.started_at for s in data.sessions[:1]]
    if not starts:
        return [runner, ("Period", "Nothing recorded yet: no symptom check and no session.")]
    start = min(starts)
    checks = data.checks
    lines = [
        runner,
        ("Period", f"{start:%d %b %Y} to {now:%d %b %Y} ({span(now - start)})"),
        ("Sessions", sessions_line(data, start, now)),
        ("Pain", pain_line(checks, now)),
        ("Flare-up days", flare_line(checks)),
        ("Warning signs", warning_line(data, now)),
        ("Where it hurt", where_line(checks)),
        ("Leg symptoms", legs_line(checks, now)),
        ("What hurt", hurt_line(data, catalog)),
        ("Today's plan", plan_line(data, catalog)),
    ]
    return lines


def span(length: timedelta) -> str:
    days = max(0, length.days)
    if days < 60:
        return count_of(days, "day")
    months = round(days / 30.44)
    years, months = divmod(months, 12)
    parts = [count_of(years, "year")] if years else []
    return " ".join(parts + ([count_of(months, "month")] if months else []))


def sessions_line(data: Everything, start: datetime, now: datetime) -> str:
    total = len(data.sessions)
    weeks = max(1.0, (now - start).days / 7)
    since = now - timedelta(weeks=RECENT_WEEKS)
    recent = sum(1 for s in data.sessions if s.started_at >= since)
    return (
        f"{count_of(total, 'session')}: {total / weeks:.1f} a week over the whole period, "
        f"{recent / RECENT_WEEKS:.1f} a week over the last {RECENT_WEEKS} weeks"
    )


def pain_line(checks: list[Check], now: datetime) -> str:
    if not checks:
        return "No symptom check yet."
    first_at = checks[0][0]
    early = [r.pain for at, r, _ in checks if at < first_at + WINDOW]
    late = [r.pain for at, r, _ in checks if at >= now - WINDOW]
    said = f"{median(early):g}/10 at the start (median of the first four weeks' checks)"
    if not late:
        at, report, _ = checks[-1]
        return (
            f"{said}; no check in the last four weeks (the last, {at:%d %b %Y}: {report.pain}/10)"
        )
    change = median(late) - median(early)
    if change <= -MEANINGFUL_PAIN:
        moved = f"{-change:g} points lower, a meaningful improvement (2 points or more)"
    elif change >= MEANINGFUL_PAIN:
        moved = f"{change:g} points higher, meaningfully worse (2 points or more)"
    else:
        moved = "within 2 points of the start: no meaningful change"
    return f"{said}; {median(late):g}/10 now (the last four weeks): {moved}"


def flare_line(checks: list[Check]) -> str:
    days = sorted({at.date() for at, _, outcome in checks if outcome == "flare_up"})
    if not days:
        return "None (a flare-up day is pain 6 or more at the check)."
    last = days[-1]
    return (
        f"{count_of(len(days), 'day')} with pain 6 or more at the check, the last {last:%d %b %Y}"
    )


ENDED_SHORT = {
    "expired": "the urgent 24 hours ran out",
    "mistake": "taken back, ticked by mistake",
    "doctor": "taken back, a doctor checked",
    "standing": "still standing",
}


def warning_line(data: Everything, now: datetime) -> str:
    """Every warning-sign day with what was advised and how it ended, and the doctor advice."""
    from backrun_tui.coach.safety.safety_record import OUTCOME_WORDS, warning_days

    days = warning_days(data.checks, data.logged, now)
    advice = [d.at for d in data.logged if d.kind == "advice"]
    if not days and not advice:
        return (
            "None ticked at any check (every check asks about them first); no doctor visit advised."
        )
    said = [
        f"{day.at:%d %b %Y}: {OUTCOME_WORDS[day.outcome].lower()}, {ENDED_SHORT[day.ended]}"
        for day in days
    ]
    if advice:
        said.append(
            f"a doctor visit advised as pain did not improve, {count_of(len(advice), 'time')} "
            f"(the last {max(advice):%d %b %Y})"
        )
    return "; ".join(said) + " (in full below)."


def where_line(checks: list[Check]) -> str:
    counts = Counter(r.where for _, r, _ in checks)
    if not counts:
        return "No symptom check yet."
    return ", ".join(f"{WHERE_WORDS[w]} at {count_of(n, 'check')}" for w, n in counts.most_common())


def legs_line(checks: list[Check], now: datetime) -> str:
    if not checks:
        return "No symptom check yet."
    legs = [(at, r.legs) for at, r, _ in checks if r.legs != "none"]
    if not legs:
        return f"None at any of the {count_of(len(checks), 'check')}."
    first_at = checks[0][0]
    early = [leg for at, leg in legs if at < first_at + WINDOW]
    late = [leg for at, leg in legs if at >= now - WINDOW]
    one = sum(1 for _, leg in legs if leg == "one")
    both = len(legs) - one
    checked = count_of(len(checks), "check")
    return (
        f"At {len(legs)} of {checked} (one leg {one}, both legs {both}), the last "
        f"{legs[-1][0]:%d %b %Y}; {len(early)} in the first four weeks, {len(late)} in the last "
        "four."
    )


def hurt_line(data: Everything, catalog: Catalog) -> str:
    flagged = Counter(
        f.exercise_id for s in data.sessions for f in s.feedback if f.rating == "painful"
    )
    named = [
        f"{catalog.get(i).name} {count_of(n, 'time')}"
        for i, n in flagged.most_common()
        if i in catalog
    ]
    said = ("Flagged painful: " + ", ".join(named)) if named else "No exercise was flagged painful"
    plan = data.plan
    resting = [
        f"{catalog.get(b.exercise_id).name} (since {b.since:%d %b %Y})"
        for b in (plan.benched if plan else ())
        if b.why == "painful" and b.exercise_id in catalog
    ]
    return said + (f"; resting now: {', '.join(resting)}." if resting else "; none resting now.")


def plan_line(data: Everything, catalog: Catalog) -> str:
    plan = data.plan
    ids = [i for i in (plan.exercise_ids if plan else ()) if i in catalog]
    if not ids and plan is not None and everything_hurt(catalog, plan):
        return EVERYTHING_HURT
    if not ids:
        return "No strength exercises chosen yet; the stretches every session."
    return ", ".join(plan_name(catalog, i) for i in ids) + ", with the stretches first."


def plan_name(catalog: Catalog, exercise_id: str) -> str:
    """An exercise of the plan with its place on the ladder, in words."""
    exercise = catalog.get(exercise_id)
    if exercise.kind == "addon":
        return f"{exercise.name} (the upper-back add-on, beside rung {exercise.rung})"
    return f"{exercise.name} (rung {exercise.rung} of 12)"
