"""Opening a history year checks every record, and the first read uses what the check decoded:
each session is decoded once. A write to that year lets it go, so nothing stale is read."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from history_seed import SESSION_DAYS, one_session, seed_history
from store_helpers import finish_in_store

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.store import codec, record_checks
from backrun_tui.store.repository import Store


def test_each_session_is_decoded_once_when_a_year_is_opened_and_read(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded = seed_history(Store.open(tmp_path), catalog)
    decoded: list[str] = []
    real = codec.session_from_doc

    def counting(doc: codec.Doc) -> object:
        decoded.append(str(doc.get("id")))
        return real(doc)

    monkeypatch.setattr(codec, "session_from_doc", counting)
    monkeypatch.setitem(record_checks.TABLES, "sessions", counting)
    store = Store.open(tmp_path)
    sessions = list(store.sessions())
    assert [s.id for s in sessions] == [s.id for s in reversed(seeded.sessions)]
    assert sorted(decoded) == sorted(s.id for s in seeded.sessions)  # once each
    list(store.sessions())  # a second read decodes again (nothing is held for ever)
    assert len(decoded) == 2 * len(seeded.sessions)


def test_a_session_filed_after_opening_is_read_with_the_rest(
    tmp_path: Path, catalog: Catalog
) -> None:
    seeded = seed_history(Store.open(tmp_path), catalog)
    store = Store.open(tmp_path)
    store.progress()  # opened, and its year not yet read
    started = SESSION_DAYS[-1] + timedelta(days=1)
    session, plan = one_session(catalog, seeded.plan, 4, started)
    finish_in_store(store, session, plan, started + timedelta(minutes=30))
    ids = [s.id for s in store.sessions()]
    assert ids[0] == session.id and len(ids) == len(seeded.sessions) + 1


def test_a_session_filed_again_after_opening_is_read_as_it_is_now(
    tmp_path: Path, catalog: Catalog
) -> None:
    seeded = seed_history(Store.open(tmp_path), catalog)
    store = Store.open(tmp_path)
    last = seeded.sessions[-1]
    again = replace(last, report=replace(last.report, pain=9))
    store.finish_session(again, seeded.plan, store.progress())  # the same session, kept anew
    newest = next(store.sessions())
    assert newest.id == last.id and newest.report.pain == 9
