"""Progress across sessions: double progression, the next-day check and "not improving"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan, promote, swap
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.skips import passed_over
from backrun_tui.coach.safety.triage import pain_zone
from backrun_tui.coach.settings import Settings

SESSIONS_TO_PROMOTE = 2
STREAK_BREAK = timedelta(days=7)  # a longer gap between sessions starts every streak again
NEXT_DAY_WINDOW = timedelta(hours=48)
MEANINGFUL_CHANGE = 2  # points on the 0-10 scale
USUAL_PAIN_CHECKS = 10
NOT_IMPROVING_AFTER = timedelta(weeks=3)
WEEK = timedelta(days=7)

Streaks = dict[str, int]


# --- double progression ------------------------------------------------------------------


def _reached_top(session: Session, exercise_id: str, top: int) -> bool:
    """Every planned set (each side) of the exercise was done, all at the top of the range."""
    workout = session.workout
    item = next(i for i in workout.items if i.exercise_id == exercise_id)
    sided = workout.sided[workout.items.index(item)]
    records = workout.sets_of(exercise_id)
    expected = item.sets * (2 if sided else 1)
    return len(records) >= expected and all(r.reps >= top for r in records)


def _green_for(session: Session, exercise_id: str) -> bool:
    """Pain stayed in the green: at the check and in what the runner said of the exercise."""
    if pain_zone(session.report.pain) != "green":
        return False
    for feedback in session.feedback:
        if feedback.exercise_id != exercise_id:
            continue
        if feedback.rating in ("painful", "too_hard"):
            return False
        if feedback.pain is not None and pain_zone(feedback.pain) != "green":
            return False
    return True


def progress_after_session(
    catalog: Catalog,
    plan: Plan,
    session: Session,
    streaks: Streaks,
    settings: Settings,
    last_session_end: datetime | None = None,
) -> tuple[Plan, Streaks, list[Decision]]:
    """Count the sessions in a row where an exercise reached the top of the range with pain in
    the green; after two, move it up one rung (one such change per session, easiest first).

    A flare-up (red pain at the check) breaks every run; so does a break of more than a week
    since the last session (said in the log); only exercises still in the plan keep a streak,
    so one that leaves and comes back starts again from zero."""
    if session.mode == "flare_up":
        return plan, {}, []
    restart: list[Decision] = []
    # Counted in days, as the runner counts them: Monday evening to the next Monday morning is
    # 7 days, not "more than 7" (a gap of 7 days and a few hours said "7 days" and reset).
    gap = (session.started_at.date() - last_session_end.date()).days if last_session_end else 0
    if gap > STREAK_BREAK.days and any(streaks.values()):
        reason = f"{gap} days since the last session"
        text = f"Sessions in a row at the top of the range count again from zero: {reason}"
        restart = [Decision("restart", None, None, reason, text, session.started_at)]
        streaks = {}
    plan, new_streaks, decisions = _progress(catalog, plan, session, streaks, settings)
    return plan, new_streaks, [*restart, *decisions]


def _progress(
    catalog: Catalog, plan: Plan, session: Session, streaks: Streaks, settings: Settings
) -> tuple[Plan, Streaks, list[Decision]]:
    new_streaks = {i: n for i, n in streaks.items() if i in plan}
    if session.mode != "full":
        return plan, new_streaks, []
    ready: list[str] = []
    done_ids = {r.exercise_id for r in session.workout.done}
    for exercise_id in plan.exercise_ids:
        exercise = catalog.get(exercise_id)
        if exercise_id not in done_ids or exercise.is_hold:
            continue
        good = _reached_top(session, exercise_id, settings.rep_high) and _green_for(
            session, exercise_id
        )
        new_streaks[exercise_id] = new_streaks.get(exercise_id, 0) + 1 if good else 0
        if new_streaks[exercise_id] >= SESSIONS_TO_PROMOTE:
            ready.append(exercise_id)
    if session.progressed_today or not ready:
        return plan, new_streaks, []
    reason = (
        f"every set reached {settings.rep_high} with pain in the green, "
        f"{SESSIONS_TO_PROMOTE} sessions running"
    )
    when = session.ended_at or session.started_at
    held: list[Decision] = []
    for exercise_id in ready:
        skipped = passed_over(catalog, plan, exercise_id)
        if skipped:  # never without asking: "too easy" on it asks
            held.append(_not_past(catalog, exercise_id, skipped, when))
            continue
        new_plan, decision = promote(catalog, plan, exercise_id, reason, when)
        if decision is not None:
            new_streaks.pop(exercise_id, None)
            assert decision.to_id is not None
            new_streaks[decision.to_id] = 0
            return new_plan, new_streaks, [*held, decision]
    return plan, new_streaks, held


def _not_past(
    catalog: Catalog, exercise_id: str, skipped: tuple[str, ...], when: datetime
) -> Decision:
    """Ready to move up, but only past rungs the runner is not doing: it stays, and says how
    to move on."""
    reason = (
        f"ready to move up, but the next free rung would pass over {'; '.join(skipped)}; "
        'rate it "too easy" to be asked about moving up anyway'
    )
    text = f"{catalog.get(exercise_id).name} stays: {reason}"
    return Decision("hold", exercise_id, None, reason, text, when)


# --- the next-day check --------------------------------------------------------------------


def usual_pain(checks: list[tuple[datetime, int]]) -> float | None:
    """The runner's usual pain: the median of the recent symptom checks."""
    recent = [pain for _, pain in checks[-USUAL_PAIN_CHECKS:]]
    return median(recent) if recent else None


@dataclass(frozen=True)
class NextDay:
    """What the next-day check found: whether to lighten today and what was undone."""

    lighter: bool
    plan: Plan
    decisions: tuple[Decision, ...]
    message: str


def next_day_check(
    catalog: Catalog,
    plan: Plan,
    pain_today: int,
    earlier_checks: list[tuple[datetime, int]],
    last_session_end: datetime | None,
    last_decisions: list[Decision],
    now: datetime,
) -> NextDay:
    """Pain 2+ points above usual within 48 h of a session: undo that session's promotion and
    make today lighter."""
    usual = usual_pain(earlier_checks)
    if usual is None or last_session_end is None or now - last_session_end > NEXT_DAY_WINDOW:
        return NextDay(False, plan, (), "")
    if pain_today < usual + MEANINGFUL_CHANGE:
        return NextDay(False, plan, (), "")
    why = f"pain {pain_today}/10 today, {MEANINGFUL_CHANGE}+ above your usual {usual:g}/10"
    promotions = [
        d
        for d in last_decisions
        if d.kind == "promote" and d.to_id in plan and d.from_id and d.from_id not in plan
    ]
    decisions: list[Decision] = []
    if promotions:
        last = promotions[-1]
        assert last.to_id is not None and last.from_id is not None
        plan, decision = swap(
            catalog,
            plan,
            last.to_id,
            last.from_id,
            "rollback",
            f"{why} after the last session",
            now,
        )
        decisions.append(decision)
    message = f"Your back is worse than usual ({why}) after your last session, so today is "
    message += "lighter" + (" and the last step up is undone." if decisions else ".")
    return NextDay(True, plan, tuple(decisions), message)


# --- not improving -------------------------------------------------------------------------


def not_improving(
    checks: list[tuple[datetime, int]], first_session: datetime | None, now: datetime
) -> str:
    """After three weeks of training: advise a doctor when pain has not dropped by 2 points, or
    has risen. Returns the reason, or "" when all is well."""
    if first_session is None or now - first_session < NOT_IMPROVING_AFTER:
        return ""
    start = [p for t, p in checks if first_session - WEEK <= t <= first_session + WEEK]
    latest = [p for t, p in checks if t >= now - WEEK]
    if not start or not latest:
        return ""
    before, after = median(start), median(latest)
    if after > before:
        return f"your usual pain has risen from {before:g}/10 to {after:g}/10"
    if before < MEANINGFUL_CHANGE:
        return ""  # low and steady: no 2-point drop is possible, and none is needed
    if before - after < MEANINGFUL_CHANGE:
        return (
            f"after three weeks of training your usual pain is {after:g}/10 "
            f"(it was {before:g}/10), not yet {MEANINGFUL_CHANGE} points better"
        )
    return ""


def doing_well(
    checks: list[tuple[datetime, int]], first_session: datetime | None, now: datetime
) -> str:
    """After three weeks of training with pain low and steady (under 2/10), say so: it is why
    no doctor visit is advised although the pain did not drop by 2 points."""
    if first_session is None or now - first_session < NOT_IMPROVING_AFTER:
        return ""
    latest = [p for t, p in checks if t >= now - WEEK]
    start = [p for t, p in checks if first_session - WEEK <= t <= first_session + WEEK]
    if not latest or not start:
        return ""
    if median(start) < MEANINGFUL_CHANGE and median(latest) <= median(start):
        return (
            f"Your usual pain has stayed low ({median(latest):g}/10) over three weeks of "
            "training: you are doing well."
        )
    return ""
