"""Checking a data file on open: that it is a backrun file of a version this backrun reads
(its records are checked one by one in record_checks.py)."""

from __future__ import annotations

from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

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
        # A new file, or one whose stamping was cut short (older versions wrote an empty meta
        # table first): nothing in it yet, so it is stamped in one write.
        if any(len(db.table(name)) > 0 for name in db.tables()):
            raise CorruptFileError(path, "it does not look like a backrun data file")
        meta.insert(Document({"app": APP_TAG, "schema": SCHEMA_VERSION}, doc_id=SINGLE))
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
