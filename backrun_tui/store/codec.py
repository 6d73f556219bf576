"""Turns the coach's records into plain JSON documents and back."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any, Literal, cast

from backrun_tui.coach.decisions import Decision, DecisionKind
from backrun_tui.coach.feedback import Feedback, Rating
from backrun_tui.coach.plan import Bench, Plan
from backrun_tui.coach.progress_record import Progress, Warning
from backrun_tui.coach.session import Session
from backrun_tui.coach.settings import Settings
from backrun_tui.coach.triage import Outcome, SymptomReport
from backrun_tui.coach.workout import SessionMode, SetRecord, Side, Workout, WorkoutItem

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
    benched = tuple(
        Bench(b["id"], date.fromisoformat(b["since"]), b.get("replaced_by"), _why(b.get("why")))
        for b in doc["benched"]
    )
    return Plan(tuple(doc["exercise_ids"]), benched)


def _why(value: object) -> Literal["painful", "not_yet"]:
    if value is None or value == "painful":
        return "painful"
    if value == "not_yet":
        return "not_yet"
    raise ValueError(f"unknown reason for a resting exercise: {value!r}")


def report_to_doc(report: SymptomReport) -> Doc:
    return {
        "pain": report.pain,
        "where": report.where,
        "legs": report.legs,
        "flags": sorted(report.flags),
    }


def report_from_doc(doc: Doc) -> SymptomReport:
    return SymptomReport(doc["pain"], doc["where"], doc["legs"], frozenset(doc["flags"]))


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
    return SetRecord(
        doc["exercise_id"],
        doc["set"],
        cast(Side | None, doc["side"]),
        doc["reps"],
        doc["seconds"],
        datetime.fromisoformat(doc["at"]),
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
    return Decision(
        cast(DecisionKind, doc["kind"]),
        doc["from_id"],
        doc["to_id"],
        doc["reason"],
        doc["text"],
        datetime.fromisoformat(doc["at"]),
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
    return Workout(
        items=tuple(WorkoutItem(i, n) for i, n in doc["items"]),
        sided=tuple(doc["sided"]),
        item_index=doc["item_index"],
        set_number=doc["set_number"],
        side=cast(Side | None, doc["side"]),
        count=doc["count"],
        done=tuple(set_from_doc(r) for r in doc["done"]),
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
    ended = doc["ended_at"]
    return Session(
        id=doc["id"],
        started_at=datetime.fromisoformat(doc["started_at"]),
        report=report_from_doc(doc["report"]),
        outcome=cast(Outcome, doc["outcome"]),
        mode=cast(SessionMode, doc["mode"]),
        workout=workout_from_doc(doc["workout"]),
        feedback=tuple(
            Feedback(
                f["exercise_id"],
                cast(Rating, f["rating"]),
                f["pain"],
                datetime.fromisoformat(f["at"]),
            )
            for f in doc["feedback"]
        ),
        decisions=tuple(decision_from_doc(d) for d in doc["decisions"]),
        ended_at=datetime.fromisoformat(ended) if ended else None,
    )


def settings_to_doc(settings: Settings) -> Doc:
    return asdict(settings)


def settings_from_doc(doc: Doc) -> Settings:
    """Settings as saved; anything unknown or out of range falls back to the defaults."""
    known = {k: v for k, v in doc.items() if k in Settings.__dataclass_fields__}
    try:
        return Settings(**known)
    except (TypeError, ValueError):
        return Settings()


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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
    }


def _warning_to_doc(warning: Warning | None) -> Doc | None:
    if warning is None:
        return None
    return {
        "outcome": warning.outcome,
        "at": warning.at.isoformat(),
        "report": report_to_doc(warning.report),
    }


def _warning_from_doc(doc: Doc | None) -> Warning | None:
    if doc is None:
        return None
    outcome = doc["outcome"]
    if outcome not in ("urgent", "doctor_soon"):
        raise ValueError(f"unknown warning outcome {outcome!r}")
    return Warning(outcome, datetime.fromisoformat(doc["at"]), report_from_doc(doc["report"]))


def progress_from_doc(doc: Doc) -> Progress:
    return Progress(
        streaks={str(k): int(v) for k, v in doc.get("streaks", {}).items()},
        first_session=_when(doc.get("first_session")),
        last_session_start=_when(doc.get("last_session_start")),
        last_session_end=_when(doc.get("last_session_end")),
        doctor_acknowledged=_when(doc.get("doctor_acknowledged")),
        warning=_warning_from_doc(doc.get("warning")),
    )
