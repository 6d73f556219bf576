"""Turns the coach's records into plain JSON documents and back."""

from __future__ import annotations

import contextlib
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.feedback import Feedback
from backrun_tui.coach.ladder.plan import Bench, Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import SetRecord, Workout, WorkoutItem
from backrun_tui.coach.running.runs import Run, RunChange
from backrun_tui.coach.safety.progress_record import Progress, Warning
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.settings import Settings
from backrun_tui.store import schema

Doc = dict[str, Any]


def plan_to_doc(plan: Plan) -> Doc:
    return {
        "exercise_ids": list(plan.exercise_ids),
        "benched": [
            {
                "id": b.exercise_id,
                "since": b.since.isoformat(),
                "replaced_by": b.replaced_by,
                "why": b.why,
            }
            for b in plan.benched
        ],
    }


def plan_from_doc(doc: Doc) -> Plan:
    plan = schema.read(doc, schema.PlanDoc)
    benched = tuple(Bench(b.id, b.since, b.replaced_by, b.why or "painful") for b in plan.benched)
    return Plan(tuple(plan.exercise_ids), benched)


def report_to_doc(report: SymptomReport) -> Doc:
    return {
        "pain": report.pain,
        "where": report.where,
        "legs": report.legs,
        "flags": sorted(report.flags),
    }


def report_from_doc(doc: Doc) -> SymptomReport:
    return _report(schema.read(doc, schema.ReportDoc))


def _report(report: schema.ReportDoc) -> SymptomReport:
    return SymptomReport(report.pain, report.where, report.legs, frozenset(report.flags))


def check_from_doc(doc: Doc) -> tuple[datetime, SymptomReport, str]:
    """A symptom check as kept in the history: its time, answers and outcome."""
    check = schema.read(doc, schema.CheckDoc)
    if check.at is None or check.outcome is None:
        raise schema.BadRecord("a symptom check without its time or outcome")
    return check.at, _report(check), check.outcome


def set_to_doc(record: SetRecord) -> Doc:
    return {
        "exercise_id": record.exercise_id,
        "set": record.set_number,
        "side": record.side,
        "reps": record.reps,
        "seconds": record.seconds,
        "at": record.at.isoformat(),
    }


def set_from_doc(doc: Doc) -> SetRecord:
    return _set(schema.read(doc, schema.SetDoc))


def _set(record: schema.SetDoc) -> SetRecord:
    return SetRecord(
        record.exercise_id, record.set, record.side, record.reps, record.seconds, record.at
    )


def decision_to_doc(decision: Decision) -> Doc:
    return {
        "kind": decision.kind,
        "from_id": decision.from_id,
        "to_id": decision.to_id,
        "reason": decision.reason,
        "text": decision.text,
        "at": decision.at.isoformat(),
    }


def decision_from_doc(doc: Doc) -> Decision:
    return _decision(schema.read(doc, schema.DecisionDoc))


def _decision(d: schema.DecisionDoc) -> Decision:
    return Decision(d.kind, d.from_id, d.to_id, d.reason, d.text, d.at)


def run_to_doc(run: Run) -> Doc:
    return {
        "fingerprint": run.fingerprint,
        "started_at": run.started_at.isoformat(),
        "moving_seconds": run.moving_seconds,
        "distance_m": run.distance_m,
        "source": run.source,
        "ascent_m": run.ascent_m,
        "avg_hr": run.avg_hr,
        "effort": run.effort,
        "back_after": run.back_after,
        "deleted_at": None if run.deleted_at is None else run.deleted_at.isoformat(),
        "changes": [
            {"at": c.at.isoformat(), "kind": c.kind, "before": c.before} for c in run.changes
        ],
        "aliases": list(run.aliases),
        "origin": run.origin,
    }


def run_from_doc(doc: Doc) -> Run:
    r = schema.read(doc, schema.RunDoc)
    return Run(
        r.fingerprint,
        r.started_at,
        r.moving_seconds,
        r.distance_m,
        r.source,
        r.ascent_m,
        r.avg_hr,
        r.effort,
        r.back_after,
        r.deleted_at,
        tuple(RunChange(c.at, c.kind, c.before) for c in r.changes),
        tuple(r.aliases),
        r.origin,
    )


def workout_to_doc(workout: Workout) -> Doc:
    return {
        "items": [[i.exercise_id, i.sets] for i in workout.items],
        "sided": list(workout.sided),
        "item_index": workout.item_index,
        "set_number": workout.set_number,
        "side": workout.side,
        "count": workout.count,
        "done": [set_to_doc(r) for r in workout.done],
    }


def workout_from_doc(doc: Doc) -> Workout:
    return _workout(schema.read(doc, schema.WorkoutDoc))


def _workout(w: schema.WorkoutDoc) -> Workout:
    if len(w.sided) != len(w.items) or w.item_index > len(w.items):
        raise schema.BadRecord("the session's exercises do not match its place in them")
    return Workout(
        items=tuple(WorkoutItem(i, n) for i, n in w.items),
        sided=tuple(w.sided),
        item_index=w.item_index,
        set_number=w.set_number,
        side=w.side,
        count=w.count,
        done=tuple(_set(r) for r in w.done),
    )


def session_to_doc(session: Session) -> Doc:
    return {
        "id": session.id,
        "started_at": session.started_at.isoformat(),
        "ended_at": session.ended_at.isoformat() if session.ended_at else None,
        "report": report_to_doc(session.report),
        "outcome": session.outcome,
        "mode": session.mode,
        "workout": workout_to_doc(session.workout),
        "feedback": [
            {
                "exercise_id": f.exercise_id,
                "rating": f.rating,
                "pain": f.pain,
                "at": f.at.isoformat(),
            }
            for f in session.feedback
        ],
        "decisions": [decision_to_doc(d) for d in session.decisions],
    }


def session_from_doc(doc: Doc) -> Session:
    s = schema.read(doc, schema.SessionDoc)
    return Session(
        id=s.id,
        started_at=s.started_at,
        report=_report(s.report),
        outcome=s.outcome,
        mode=s.mode,
        workout=_workout(s.workout),
        feedback=tuple(Feedback(f.exercise_id, f.rating, f.pain, f.at) for f in s.feedback),
        decisions=tuple(_decision(d) for d in s.decisions),
        ended_at=s.ended_at,
    )


def settings_to_doc(settings: Settings) -> Doc:
    doc = asdict(settings)
    doc["race_date"] = None if settings.race_date is None else settings.race_date.isoformat()
    return doc


def settings_from_doc(doc: Doc) -> Settings:
    return settings_and_problems(doc)[0]


def settings_and_problems(doc: Doc) -> tuple[Settings, list[str]]:
    """Settings as saved. A value backrun cannot use (a wrong type, out of range) falls back to
    its default on its own, the others kept, and is named in the problems."""
    known = {k: v for k, v in doc.items() if k in Settings.__dataclass_fields__}
    race = known.get("race_date")
    if isinstance(race, str):
        with contextlib.suppress(ValueError):  # else left as text: not usable, named below
            known["race_date"] = date.fromisoformat(race)
    problems = []
    for field in list(known):
        if not _usable_alone(field, known[field]):
            problems.append(f"{field.replace('_', ' ')} {doc.get(field)!r}")
            del known[field]
    try:
        return Settings(**known), problems
    except ValueError:  # each fits, but not together (fewest reps above most)
        problems.append(f"rep range {doc.get('rep_low')!r}-{doc.get('rep_high')!r}")
        known.pop("rep_low", None)
        known.pop("rep_high", None)
        return Settings(**known), problems


def _usable_alone(field: str, value: object) -> bool:
    default = getattr(Settings(), field)
    if default is not None and type(value) is not type(default):
        return False  # True is no number of sets, nor "yes" a bell setting
    try:
        Settings(**{field: value})  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return True


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def progress_to_doc(progress: Progress) -> Doc:
    return {
        "streaks": dict(progress.streaks),
        "first_session": _iso(progress.first_session),
        "last_session_start": _iso(progress.last_session_start),
        "last_session_end": _iso(progress.last_session_end),
        "doctor_acknowledged": _iso(progress.doctor_acknowledged),
        "warning": _warning_to_doc(progress.warning),
        "news_seen": _iso(progress.news_seen),
    }


def _warning_to_doc(warning: Warning | None) -> Doc | None:
    if warning is None:
        return None
    return {
        "outcome": warning.outcome,
        "at": warning.at.isoformat(),
        "report": report_to_doc(warning.report),
    }


def progress_from_doc(doc: Doc) -> Progress:
    p = schema.read(doc, schema.ProgressDoc)
    warning = p.warning
    return Progress(
        streaks=dict(p.streaks),
        first_session=p.first_session,
        last_session_start=p.last_session_start,
        last_session_end=p.last_session_end,
        doctor_acknowledged=p.doctor_acknowledged,
        warning=Warning(warning.outcome, warning.at, _report(warning.report)) if warning else None,
        news_seen=p.news_seen,
    )
