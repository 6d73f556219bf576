"""Turns the coach's records into plain JSON documents and back, through the schema's msgspec
structs: each field is named once, in the struct (with its name on disk where that differs)."""

from __future__ import annotations

import contextlib
from dataclasses import asdict
from datetime import date, datetime
from typing import Any, TypeVar

import msgspec

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import SetRecord, Workout
from backrun_tui.coach.outcomes.psfs import Psfs, Score
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import SymptomReport
from backrun_tui.coach.settings import Settings
from backrun_tui.store import schema

Doc = dict[str, Any]
R = TypeVar("R")


def to_doc(record: object, shape: type[msgspec.Struct]) -> Doc:
    """A coach record as its document: read through `shape`, times written as ISO 8601 (as
    `datetime.isoformat` writes them, the way every file backrun ever wrote has them)."""
    struct = msgspec.convert(record, shape, from_attributes=True)
    doc: Doc = _iso(msgspec.to_builtins(struct, builtin_types=(datetime, date)))
    return doc


def from_doc(doc: Doc, shape: type[msgspec.Struct], record: type[R]) -> R:
    """A document as a coach record, checked against `shape` first, then by the record's own
    rules (BadRecord, saying what does not fit, either way)."""
    return as_record(schema.read(doc, shape), record)


def as_record(struct: msgspec.Struct, record: type[R]) -> R:
    try:
        return msgspec.convert(struct, record, from_attributes=True)
    except msgspec.ValidationError as error:  # e.g. a red flag backrun does not know
        raise schema.BadRecord(schema.plain(str(error))) from None


def _iso(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _iso(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_iso(item) for item in value]
    return value


def plan_to_doc(plan: Plan) -> Doc:
    return to_doc(plan, schema.PlanDoc)


def plan_from_doc(doc: Doc) -> Plan:
    return from_doc(doc, schema.PlanDoc, Plan)


def report_to_doc(report: SymptomReport) -> Doc:
    return to_doc(report, schema.ReportDoc)


def report_from_doc(doc: Doc) -> SymptomReport:
    return from_doc(doc, schema.ReportDoc, SymptomReport)


def check_from_doc(doc: Doc) -> tuple[datetime, SymptomReport, str]:
    """A symptom check as kept in the history: its time, answers and outcome."""
    check = schema.read(doc, schema.CheckDoc)
    if check.at is None or check.outcome is None:
        raise schema.BadRecord("a symptom check without its time or outcome")
    return check.at, as_record(check, SymptomReport), check.outcome


def set_to_doc(record: SetRecord) -> Doc:
    return to_doc(record, schema.SetDoc)


def set_from_doc(doc: Doc) -> SetRecord:
    return from_doc(doc, schema.SetDoc, SetRecord)


def decision_to_doc(decision: Decision) -> Doc:
    return to_doc(decision, schema.DecisionDoc)


def decision_from_doc(doc: Doc) -> Decision:
    return from_doc(doc, schema.DecisionDoc, Decision)


def run_to_doc(run: Run) -> Doc:
    return to_doc(run, schema.RunDoc)


def run_from_doc(doc: Doc) -> Run:
    return from_doc(doc, schema.RunDoc, Run)


def workout_to_doc(workout: Workout) -> Doc:
    return to_doc(workout, schema.WorkoutDoc)


def workout_from_doc(doc: Doc) -> Workout:
    return from_doc(doc, schema.WorkoutDoc, Workout)


def session_to_doc(session: Session) -> Doc:
    return to_doc(session, schema.SessionDoc)


def session_from_doc(doc: Doc) -> Session:
    return from_doc(doc, schema.SessionDoc, Session)


def progress_to_doc(progress: Progress) -> Doc:
    return to_doc(progress, schema.ProgressDoc)


def progress_from_doc(doc: Doc) -> Progress:
    return from_doc(doc, schema.ProgressDoc, Progress)


# --- settings: each value checked on its own, so one bad value loses only itself ---


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


def psfs_to_doc(psfs: Psfs) -> Doc:
    return to_doc(psfs, schema.PsfsDoc)


def psfs_from_doc(doc: Doc) -> Psfs:
    return from_doc(doc, schema.PsfsDoc, Psfs)


def score_to_doc(score: Score) -> Doc:
    return to_doc(score, schema.ScoreDoc)


def score_from_doc(doc: Doc) -> Score:
    return from_doc(doc, schema.ScoreDoc, Score)
