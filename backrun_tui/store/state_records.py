"""The records kept whole in state.json and live.json: the plan, recent checks and decisions,
the last sets per exercise, settings, progress, the theme, and the session in progress."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tinydb import Query
from tinydb.table import Document, Table

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import SetRecord
from backrun_tui.coach.outcomes.psfs import Psfs
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.session.session_state import RECENT_CHECKS, RECENT_DECISIONS
from backrun_tui.coach.settings import Settings
from backrun_tui.store import codec
from backrun_tui.store.data_files import DataFiles
from backrun_tui.store.file_checks import SINGLE


class StateRecords:
    """What backrun reads at launch: small, whole records, so launching and a rep tap cost the
    same however long the history."""

    def __init__(self, files: DataFiles) -> None:
        self.files = files
        self._state = files.db("state.json")
        self._live = files.db("live.json")

    # --- plan ---

    def load_plan(self) -> Plan | None:
        doc = self._state.table("plan").get(doc_id=SINGLE)
        return codec.plan_from_doc(dict(doc)) if isinstance(doc, dict) else None

    def save_plan(self, plan: Plan) -> None:
        put_whole(self._state.table("plan"), codec.plan_to_doc(plan))

    # --- the live session ---

    def save_live(self, session: Session) -> None:
        """Save the session in progress durably; called on every rep tap."""
        put_whole(self._live.table("live"), codec.session_to_doc(session))

    def load_live(self) -> Session | None:
        doc = self._live.table("live").get(doc_id=SINGLE)
        return codec.session_from_doc(dict(doc)) if isinstance(doc, dict) else None

    def discard_live(self) -> None:
        self._live.table("live").truncate()

    # --- settings, progress and the theme ---

    def load_settings(self) -> Settings:
        """The settings; a saved value backrun cannot use gets its default, and is said."""
        doc = self._state.table("settings").get(doc_id=SINGLE)
        if not isinstance(doc, dict):
            return Settings()
        settings, problems = codec.settings_and_problems(dict(doc))
        if problems:
            self.files.say_once(
                f"Some saved settings could not be used ({'; '.join(problems)}): each is back "
                "at its default, your other settings are kept. Saving the settings (g) writes "
                "them anew."
            )
        return settings

    def save_settings(self, settings: Settings) -> None:
        put_whole(self._state.table("settings"), codec.settings_to_doc(settings))

    def progress(self) -> Progress:
        doc = self._state.table("progress").get(doc_id=SINGLE)
        return codec.progress_from_doc(dict(doc)) if isinstance(doc, dict) else Progress()

    def save_progress(self, progress: Progress) -> None:
        put_whole(self._state.table("progress"), codec.progress_to_doc(progress))

    def load_psfs(self) -> Psfs:
        """The everyday activities and when they were last asked (none yet: an empty scale)."""
        doc = self._state.table("psfs").get(doc_id=SINGLE)
        return codec.psfs_from_doc(dict(doc)) if isinstance(doc, dict) else Psfs()

    def load_theme(self) -> str | None:
        doc = self._state.table("interface").get(doc_id=SINGLE)
        theme = dict(doc).get("theme") if isinstance(doc, dict) else None
        return theme if isinstance(theme, str) else None

    def save_theme(self, theme: str) -> None:
        put_whole(self._state.table("interface"), {"theme": theme})

    # --- what the last sessions left ---

    def recent_checks(self) -> list[tuple[datetime, int]]:
        """(time, pain) of the recent symptom checks, oldest first."""
        docs = self._state.table("recent_checks").all()
        return sorted((datetime.fromisoformat(d["at"]), int(d["pain"])) for d in docs)

    def last_sets(self, exercise_id: str) -> list[SetRecord]:
        """The sets of the last session that did this exercise."""
        return list(self.all_last_sets().get(exercise_id, ()))

    def all_last_sets(self) -> dict[str, tuple[SetRecord, ...]]:
        """Per exercise, the sets of the last session that did it."""
        doc = self._state.table("last_sets").get(doc_id=SINGLE)
        rows: dict[str, Any] = dict(doc) if isinstance(doc, dict) else {}
        return {i: tuple(codec.set_from_doc(r) for r in sets) for i, sets in rows.items()}

    def recent_decisions(self) -> list[Decision]:
        docs = self._state.table("recent_decisions").all()
        return [codec.decision_from_doc(dict(d)) for d in docs]

    def _remember_check(self, doc: dict[str, Any]) -> None:
        recent = self._state.table("recent_checks")
        recent.upsert(doc, Query().at == doc["at"])
        _keep_newest(recent, RECENT_CHECKS)

    def _remember_sets(self, session: Session) -> None:
        table = self._state.table("last_sets")
        current = table.get(doc_id=SINGLE)
        last: dict[str, Any] = dict(current) if isinstance(current, dict) else {}
        for item in session.workout.items:
            rows = [codec.set_to_doc(r) for r in session.workout.sets_of(item.exercise_id)]
            if rows:
                last[item.exercise_id] = rows
        put_whole(table, last)

    def _remember_decisions(self, decisions: tuple[Decision, ...]) -> None:
        if not decisions:
            return
        table = self._state.table("recent_decisions")
        known = [dict(d) for d in table.all()]  # finishing a session again must not repeat them
        docs = [codec.decision_to_doc(d) for d in decisions]
        table.insert_multiple(doc for doc in docs if doc not in known)
        _keep_newest(table, RECENT_DECISIONS)


def put_whole(table: Table, doc: dict[str, Any]) -> None:
    table.upsert(Document(doc, doc_id=SINGLE))


def _keep_newest(table: Table, limit: int) -> None:
    excess = len(table) - limit
    if excess > 0:
        table.remove(doc_ids=sorted(d.doc_id for d in table.all())[:excess])
