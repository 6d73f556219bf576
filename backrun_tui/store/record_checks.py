"""Every record of a data file checked as the file opens: types, ranges, dates and exercise ids.

A record that fails is set aside (copied into a file beside the data file, then taken out of
it) and the rest is kept; the plan, whose entries are exercise ids, keeps the ones backrun
knows. Nothing is deleted: the set-aside file holds each record exactly as it was."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.plausible_time import in_the_future
from backrun_tui.store import codec
from backrun_tui.store.atomic_storage import AtomicJSONStorage, write_atomically
from backrun_tui.store.quarantine import aside_name
from backrun_tui.store.schema import BadRecord

SINGLE = 1
TAKEN_OUT = -1  # the doc id of an entry taken out as the file was read (it had none usable)
Decode = Callable[[dict[str, Any]], object]


@dataclass(frozen=True)
class Rejected:
    """One record taken out of a table, and why."""

    table: str
    doc_id: int
    record: Any
    why: str
    unknown: tuple[str, ...] = ()  # exercise ids backrun does not know, when that is why


def _session_ids(session: Session) -> set[str]:
    workout = session.workout
    return (
        {i.exercise_id for i in workout.items}
        | {r.exercise_id for r in workout.done}
        | {f.exercise_id for f in session.feedback}
    )


def _plan_ids(plan: Plan) -> set[str]:
    benched = {b.exercise_id for b in plan.benched}
    return set(plan.exercise_ids) | benched | {b.replaced_by for b in plan.benched if b.replaced_by}


def _ids_of(record: object) -> set[str]:
    if isinstance(record, Session):
        return _session_ids(record)
    if isinstance(record, Plan):
        return _plan_ids(record)
    return set()


# The tables whose records are checked one by one, and how each record is read.
TABLES: dict[str, Decode] = {
    "plan": codec.plan_from_doc,
    "progress": codec.progress_from_doc,
    "recent_checks": codec.check_from_doc,
    "recent_decisions": codec.decision_from_doc,
    "live": codec.session_from_doc,
    "sessions": codec.session_from_doc,
    "checks": codec.check_from_doc,
    "changes": codec.decision_from_doc,
    "runs": codec.run_from_doc,
    "psfs": codec.psfs_from_doc,
    "psfs_scores": codec.score_from_doc,
}


def recorded_times(record: object) -> Iterator[datetime]:
    """Every moment a coach record says something happened at. A session, the bulk of the
    history, is read field by field; other records (few and small) are walked whole."""
    if isinstance(record, Session):
        yield record.started_at
        if record.ended_at is not None:
            yield record.ended_at
        yield from (s.at for s in record.workout.done)
        yield from (f.at for f in record.feedback)
        yield from (d.at for d in record.decisions)
    elif isinstance(record, datetime):
        yield record
    elif isinstance(record, (list, tuple)):
        for part in record:
            yield from recorded_times(part)
    elif dataclasses.is_dataclass(record) and not isinstance(record, type):
        for one in dataclasses.fields(record):
            yield from recorded_times(getattr(record, one.name))


def _in_the_future(record: object, now: datetime) -> str:
    """Why a record cannot be true yet ("" when it can)."""
    for moment in recorded_times(record):
        if moment.tzinfo is not None and in_the_future(moment, now):
            return (
                f"it is dated {moment:%d %b %Y}, in the future (the file, or this computer's "
                "clock, is wrong)"
            )
    return ""


def find_rejected(
    db: TinyDB, known: Container[str] | None, sessions: dict[int, Session] | None = None
) -> list[Rejected]:
    """The records of a data file that backrun cannot use, each with its reason. The sessions
    read on the way, if asked for, are kept in `sessions` by record id (so a history file is
    decoded once, not once to check and again to read)."""
    storage = db.storage
    malformed = storage.malformed if isinstance(storage, AtomicJSONStorage) else []
    rejected = [Rejected(m.table, TAKEN_OUT, m.record, m.why) for m in malformed]
    checked = [name for name in db.tables() if name in TABLES or name == "last_sets"]
    now = datetime.now(UTC)
    for name in checked:
        for doc in db.table(name).all():
            record = dict(doc)
            try:
                read, ids = _read(name, record)
            except BadRecord as error:
                rejected.append(Rejected(name, doc.doc_id, record, str(error)))
                continue
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                why = f"it is not a record backrun wrote ({error})"
                rejected.append(Rejected(name, doc.doc_id, record, why))
                continue
            unknown = tuple(sorted(i for i in ids if known is not None and i not in known))
            future = _in_the_future(read, now)
            if future:
                rejected.append(Rejected(name, doc.doc_id, record, future))
            elif unknown:
                why = f"exercises backrun does not know: {', '.join(unknown)}"
                rejected.append(Rejected(name, doc.doc_id, record, why, unknown))
            elif sessions is not None and name == "sessions" and isinstance(read, Session):
                sessions[doc.doc_id] = read
    return rejected


def _read(table: str, doc: dict[str, Any]) -> tuple[object, set[str]]:
    """Read one record (raising if it does not fit): it, and the exercise ids it names."""
    if table == "last_sets":
        sets = [codec.set_from_doc(row) for rows in doc.values() for row in rows]
        return sets, set(doc) | {s.exercise_id for s in sets}
    read = TABLES[table](doc)
    return read, _ids_of(read)


def set_aside(path: Path | None, db: TinyDB, rejected: list[Rejected]) -> Path | None:
    """Copy the rejected records into a file beside `path`, then take them out of the data
    file; a plan loses only the exercises backrun does not know. Returns the file written."""
    aside: Path | None = None
    if path is not None:
        stamped = aside_name(path, "set-aside")
        aside = stamped.with_name(f"{stamped.name}.json")
        kept = [{"table": r.table, "why": r.why, "record": r.record} for r in rejected]
        write_atomically(aside, json.dumps(kept, indent=2, ensure_ascii=False).encode())
    for one in rejected:
        table = db.table(one.table)
        if one.doc_id == TAKEN_OUT:
            continue
        if one.table == "plan" and one.unknown:
            _keep_known_part_of_plan(db, one)
        else:
            table.remove(doc_ids=[one.doc_id])
    storage = db.storage
    if isinstance(storage, AtomicJSONStorage) and storage.malformed:
        storage.malformed = []
        storage.write(storage.read() or {})  # the file as it was read, without those entries
    return aside


def _keep_known_part_of_plan(db: TinyDB, one: Rejected) -> None:
    unknown = set(one.unknown)
    doc = dict(one.record)
    doc["exercise_ids"] = [i for i in doc.get("exercise_ids", []) if i not in unknown]
    doc["benched"] = [
        b
        for b in doc.get("benched", [])
        if b.get("id") not in unknown and b.get("replaced_by") not in unknown
    ]
    db.table("plan").update(doc, doc_ids=[one.doc_id])


def set_aside_bad_records(
    name: str,
    path: Path | None,
    db: TinyDB,
    known: Container[str] | None,
    sessions: dict[int, Session] | None = None,
) -> str:
    """Check every record of a file as it opens, so a bad one is found at once and not
    mid-session: set the bad ones aside, keep the rest, and return what to tell the user ("" when
    all is well)."""
    rejected = find_rejected(db, known, sessions)
    if not rejected:
        return ""
    aside = set_aside(path, db, rejected)
    first = rejected[0]
    count = "1 record" if len(rejected) == 1 else f"{len(rejected)} records"
    where = f" in {aside.name}" if aside else ""
    return (
        f"{count} in {name} could not be used ({first.table}: {first.why}). "
        f"{'It was' if len(rejected) == 1 else 'They were'} set aside{where}, nothing was "
        "deleted, and the rest of that file is kept."
    )
