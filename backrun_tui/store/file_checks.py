"""Checking a data file on open: that it is a backrun file of a version this backrun reads,
and that every record in it decodes, so a damaged one is found at once, not mid-session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

from backrun_tui.store import codec
from backrun_tui.store.errors import CorruptFileError, NewerSchemaError

SCHEMA_VERSION = 2
APP_TAG = "backrun"
SINGLE = 1  # doc id of one-document tables


def check_meta(db: TinyDB, path: Path) -> int:
    """Stamp a new file with the schema version and return the version the file has; refuse
    files that are not ours or too new."""
    meta = db.table("meta")
    doc = meta.get(doc_id=SINGLE)
    if doc is None:
        if len(db.tables()) > 0:
            raise CorruptFileError(path, "it does not look like a backrun data file")
        meta.upsert(Document({"app": APP_TAG, "schema": SCHEMA_VERSION}, doc_id=SINGLE))
        return SCHEMA_VERSION
    if not isinstance(doc, dict) or doc.get("app") != APP_TAG:
        raise CorruptFileError(path, "it does not look like a backrun data file")
    schema = doc.get("schema")
    if not isinstance(schema, int):
        raise CorruptFileError(path, "its data version is missing")
    if schema > SCHEMA_VERSION:
        raise NewerSchemaError(path, schema, SCHEMA_VERSION)
    if schema < 1:
        raise CorruptFileError(path, "its data version is not one backrun ever wrote")
    return schema


def decoding(path: Path, validate: Callable[[TinyDB], object], db: TinyDB) -> None:
    """Read every record once, so a damaged one is found now rather than mid-session."""
    try:
        validate(db)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise CorruptFileError(path, f"a record in it is damaged ({error!r})") from error


def validate_state(db: TinyDB) -> None:
    for name, decode in (
        ("plan", codec.plan_from_doc),
        ("settings", codec.settings_from_doc),
        ("progress", codec.progress_from_doc),
    ):
        doc = db.table(name).get(doc_id=SINGLE)
        if doc is not None:
            decode(dict(doc))
    for check in db.table("recent_checks").all():
        codec.report_from_doc(dict(check))
        datetime.fromisoformat(check["at"])
    for decision in db.table("recent_decisions").all():
        codec.decision_from_doc(dict(decision))
    last = db.table("last_sets").get(doc_id=SINGLE)
    if isinstance(last, dict):
        for rows in last.values():
            [codec.set_from_doc(r) for r in rows]


def validate_live(db: TinyDB) -> None:
    doc = db.table("live").get(doc_id=SINGLE)
    if doc is not None:
        codec.session_from_doc(dict(doc))
