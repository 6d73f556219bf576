"""The repository the screens use: plan, symptom checks, the live session and the history.

Files in the data folder, each a TinyDB file with a `meta` table holding the schema version:
  state.json         the plan, recent symptom checks, last sets per exercise, recent decisions
  live.json          the session in progress, rewritten on every rep tap (kept small)
  history/YYYY.json  finished sessions and symptom checks of one year
A rep tap rewrites live.json only, so its cost does not grow with the history.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document, Table

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.plan import Plan
from backrun_tui.coach.progress_record import Progress
from backrun_tui.coach.runs import Run
from backrun_tui.coach.session import Session
from backrun_tui.coach.session_state import RECENT_CHECKS, RECENT_DECISIONS
from backrun_tui.coach.settings import Settings
from backrun_tui.coach.triage import Outcome, SymptomReport
from backrun_tui.coach.workout import SetRecord
from backrun_tui.store import codec
from backrun_tui.store.atomic_storage import (
    AtomicJSONStorage,
    ReadOnlyJSONStorage,
    make_private_dir,
    remove_stray_temporaries,
)
from backrun_tui.store.errors import (
    CorruptFileError,
    LinkOutsideError,
    StoreError,
    UnreadableFileError,
)
from backrun_tui.store.file_checks import APP_TAG, SCHEMA_VERSION, SINGLE, check_meta
from backrun_tui.store.migrations import migrate
from backrun_tui.store.quarantine import copy_aside, move_aside
from backrun_tui.store.record_checks import set_aside_bad_records

Opener = Callable[[str], TinyDB]


class Store:
    """The runner's data. Build it with `Store.open(folder)` or `Store.in_memory()`."""

    def __init__(
        self,
        opener: Opener,
        data_dir: Path | None = None,
        known_ids: Container[str] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """known_ids: the exercise ids of the catalog; a record naming any other is set aside
        (None: ids are not checked). read_only: the files are read and never changed (no lock
        needed); a bad record or file is skipped and said, and left for backrun to set aside
        when it next opens the folder itself."""
        self._open_db = opener
        self.data_dir = data_dir
        self.known_ids = known_ids
        self.read_only = read_only
        self._dbs: dict[str, TinyDB] = {}
        self.notes: list[str] = []  # what the user must hear about the files, e.g. moved aside
        # Sessions decoded while a history file was checked on opening, kept for its first read
        # (so opening a year decodes each record once); by file name, then record id.
        self._checked_sessions: dict[str, dict[int, Session]] = {}
        self.runs_problem = ""  # why the runs file could not be read, once it was tried
        self._noted: set[str] = set()
        self._state = self._db("state.json")
        self._live = self._db("live.json")

    @classmethod
    def open(cls, data_dir: Path, known_ids: Container[str] | None = None) -> Store:
        """The data folder, for reading and writing: its lock must be held."""
        make_private_dir(data_dir)
        remove_stray_temporaries(data_dir)

        def opener(name: str) -> TinyDB:
            return TinyDB(data_dir / name, data_dir, storage=AtomicJSONStorage)

        return cls(opener, data_dir, known_ids)

    @classmethod
    def open_read_only(cls, data_dir: Path, known_ids: Container[str] | None = None) -> Store:
        """The data as it is on disk, for reading while backrun may be open elsewhere."""

        def opener(name: str) -> TinyDB:
            return TinyDB(data_dir / name, data_dir, storage=ReadOnlyJSONStorage)

        return cls(opener, data_dir, known_ids, read_only=True)

    @classmethod
    def in_memory(cls, known_ids: Container[str] | None = None) -> Store:
        return cls(lambda name: TinyDB(storage=MemoryStorage), known_ids=known_ids)

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    # --- plan ---

    def load_plan(self) -> Plan | None:
        doc = self._state.table("plan").get(doc_id=SINGLE)
        return codec.plan_from_doc(dict(doc)) if isinstance(doc, dict) else None

    def save_plan(self, plan: Plan) -> None:
        _put(self._state.table("plan"), codec.plan_to_doc(plan))

    # --- symptom checks ---

    def record_check(self, report: SymptomReport, outcome: Outcome, at: datetime) -> None:
        """Keep a symptom check. Safe to repeat: a check already kept (same time) is replaced."""
        doc = {**codec.report_to_doc(report), "outcome": outcome, "at": at.isoformat()}
        self._year(at).table("checks").upsert(doc, Query().at == doc["at"])
        recent = self._state.table("recent_checks")
        recent.upsert(doc, Query().at == doc["at"])
        excess = len(recent) - RECENT_CHECKS
        if excess > 0:
            oldest = sorted(d.doc_id for d in recent.all())[:excess]
            recent.remove(doc_ids=oldest)

    def recent_checks(self) -> list[tuple[datetime, int]]:
        """(time, pain) of the recent symptom checks, oldest first."""
        docs = self._state.table("recent_checks").all()
        return sorted((datetime.fromisoformat(d["at"]), int(d["pain"])) for d in docs)

    # --- the live session ---

    def save_live(self, session: Session) -> None:
        """Save the session in progress durably; called on every rep tap."""
        _put(self._live.table("live"), codec.session_to_doc(session))

    def load_live(self) -> Session | None:
        doc = self._live.table("live").get(doc_id=SINGLE)
        return codec.session_from_doc(dict(doc)) if isinstance(doc, dict) else None

    def discard_live(self) -> None:
        self._live.table("live").truncate()

    # --- settings and progress ---

    def load_settings(self) -> Settings:
        """The settings; a saved value backrun cannot use gets its default, and is said."""
        doc = self._state.table("settings").get(doc_id=SINGLE)
        if not isinstance(doc, dict):
            return Settings()
        settings, problems = codec.settings_and_problems(dict(doc))
        note = (
            f"Some saved settings could not be used ({'; '.join(problems)}): each is back at "
            "its default, your other settings are kept. Saving the settings (g) writes them anew."
        )
        if problems and note not in self.notes:
            self.notes.append(note)
        return settings

    def save_settings(self, settings: Settings) -> None:
        _put(self._state.table("settings"), codec.settings_to_doc(settings))

    def progress(self) -> Progress:
        doc = self._state.table("progress").get(doc_id=SINGLE)
        return codec.progress_from_doc(dict(doc)) if isinstance(doc, dict) else Progress()

    def save_progress(self, progress: Progress) -> None:
        _put(self._state.table("progress"), codec.progress_to_doc(progress))

    def finish_session(self, session: Session, plan: Plan, progress: Progress) -> None:
        """Move an ended session into the history with the plan and progress it leaves behind.
        Safe to repeat: a crash half-way leaves the ended session in live.json, and finishing
        it again is exact (the history row is replaced, not added twice)."""
        self.save_live(session)
        doc = codec.session_to_doc(session)
        sessions = self._year(session.started_at).table("sessions")
        sessions.upsert(doc, Query().id == session.id)  # one write, and exact when repeated
        self._remember_sets(session)
        self._remember_decisions(session.decisions)
        self.save_progress(progress)
        self.save_plan(plan)
        self.discard_live()

    def log_decisions(self, decisions: tuple[Decision, ...]) -> None:
        """Keep changes at once, made before (or without) any session: corrections. They go in
        the log of recent decisions and, for good, in the history of their year. Safe to
        repeat."""
        for decision in decisions:
            doc = codec.decision_to_doc(decision)
            same = (Query().at == doc["at"]) & (Query().text == doc["text"])
            self._year(decision.at).table("changes").upsert(doc, same)
        self._remember_decisions(decisions)

    # --- runs ---

    def save_runs(self, runs: list[Run], replaced: list[tuple[str, Run]] | None = None) -> None:
        """Keep runs: the new ones in one write (a whole import at once), a run already kept
        (same fingerprint) replaced, so saving again is safe. `replaced`: (fingerprint as
        kept, the record now standing for that run)."""
        table = self._db("runs.json").table("runs")
        kept = {str(doc["fingerprint"]): doc.doc_id for doc in table.all()}
        new = [codec.run_to_doc(r) for r in runs if r.fingerprint not in kept]
        if new:
            table.insert_multiple(new)
        changed = [(r.fingerprint, r) for r in runs if r.fingerprint in kept]
        for stored, run in changed + (replaced or []):
            if stored in kept:
                table.update(codec.run_to_doc(run), doc_ids=[kept[stored]])

    def save_run(self, run: Run) -> None:
        """Keep one run logged, edited, deleted or restored by hand (one write)."""
        self._db("runs.json").table("runs").upsert(
            codec.run_to_doc(run), Query().fingerprint == run.fingerprint
        )

    def runs(self, *, deleted: bool = False) -> list[Run]:
        """Every run, newest first; with deleted=True, those the runner deleted too."""
        docs = self._run_docs()
        runs = (codec.run_from_doc(dict(d)) for d in docs)
        kept = (r for r in runs if deleted or r.deleted_at is None)
        return sorted(kept, key=lambda r: r.started_at, reverse=True)

    def run_fingerprints(self) -> set[str]:
        """The digests of every file imported: each kept run's, and its aliases (other files
        that were the same run)."""
        found = set()
        for doc in self._run_docs():
            found.add(str(doc["fingerprint"]))
            found.update(str(alias) for alias in doc.get("aliases") or ())
        return found

    def _run_docs(self) -> list[Document]:
        """The runs file's records; one backrun may not read is left as it is and read as
        none, with a note saying what to fix (saving a run still fails and says so)."""
        try:
            return self._db("runs.json").table("runs").all()
        except (UnreadableFileError, LinkOutsideError) as error:
            self._note_once(str(error))
            self.runs_problem = str(error)
            return []

    # --- history ---

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

    def sessions(self) -> Iterator[Session]:
        """Finished sessions, newest first (reads the history year by year)."""
        for db in self._history():
            checked = self._checked_sessions.pop(self._name_of(db), {})
            docs = sorted(db.table("sessions").all(), key=lambda d: d["started_at"])
            for doc in reversed(docs):
                yield checked.get(doc.doc_id) or codec.session_from_doc(dict(doc))

    def logged_changes(self, since: datetime | None = None) -> Iterator[Decision]:
        """Changes kept outside any session (corrections), newest first; with `since`, the
        history years before it are not read."""
        for db in self._history(since.year if since else 0):
            docs = sorted(db.table("changes").all(), key=lambda d: d["at"])
            for doc in reversed(docs):
                yield codec.decision_from_doc(dict(doc))

    def checks(
        self, since: datetime | None = None
    ) -> Iterator[tuple[datetime, SymptomReport, str]]:
        """Every symptom check (time, answers, outcome), oldest first; with `since`, the history
        years before it are not read."""
        for db in reversed(list(self._history(since.year if since else 0))):
            docs = sorted(db.table("checks").all(), key=lambda d: d["at"])
            for doc in docs:
                yield codec.check_from_doc(dict(doc))

    def pains_since(self, since: datetime) -> list[tuple[datetime, int]]:
        """(time, pain) of every symptom check since `since`, oldest first; only the history
        years it needs are read."""
        pains = []
        for db in self._history(since.year):
            for doc in db.table("checks").all():
                at = datetime.fromisoformat(str(doc["at"]))
                if at >= since:
                    pains.append((at, int(doc["pain"])))
        return sorted(pains)

    # --- interface preferences ---

    def load_theme(self) -> str | None:
        doc = self._state.table("interface").get(doc_id=SINGLE)
        theme = dict(doc).get("theme") if isinstance(doc, dict) else None
        return theme if isinstance(theme, str) else None

    def save_theme(self, theme: str) -> None:
        _put(self._state.table("interface"), {"theme": theme})

    # --- internals ---

    def _remember_sets(self, session: Session) -> None:
        table = self._state.table("last_sets")
        current = table.get(doc_id=SINGLE)
        last: dict[str, Any] = dict(current) if isinstance(current, dict) else {}
        for item in session.workout.items:
            rows = [codec.set_to_doc(r) for r in session.workout.sets_of(item.exercise_id)]
            if rows:
                last[item.exercise_id] = rows
        _put(table, last)

    def _remember_decisions(self, decisions: tuple[Decision, ...]) -> None:
        if not decisions:
            return
        table = self._state.table("recent_decisions")
        known = [dict(d) for d in table.all()]  # finishing a session again must not repeat them
        docs = [codec.decision_to_doc(d) for d in decisions]
        table.insert_multiple(doc for doc in docs if doc not in known)
        excess = len(table) - RECENT_DECISIONS
        if excess > 0:
            table.remove(doc_ids=sorted(d.doc_id for d in table.all())[:excess])

    def _year(self, when: datetime) -> TinyDB:
        """A year's history file, to write: what was decoded of it on opening is let go."""
        name = f"history/{when.year:04d}.json"
        db = self._db(name)  # opening it checks it, and keeps what it decoded: stale now
        self._checked_sessions.pop(name, None)
        return db

    def _name_of(self, db: TinyDB) -> str:
        return next((name for name, open_db in self._dbs.items() if open_db is db), "")

    def _history(self, since_year: int = 0) -> Iterator[TinyDB]:
        """The history files, newest year first (none before `since_year`); one backrun may
        not read is left as it is and skipped, with a note saying what to fix."""
        for name in self._history_files():
            if int(name.removeprefix("history/")[:4]) < since_year:
                return
            try:
                yield self._db(name)
            except (UnreadableFileError, LinkOutsideError) as error:
                self._note_once(str(error))

    def _note_once(self, note: str) -> None:
        """A problem that stays until the user fixes it is said once per run, not per read."""
        if note not in self._noted:
            self._noted.add(note)
            self.notes.append(note)

    def _history_files(self) -> list[str]:
        names = set(n for n in self._dbs if n.startswith("history/"))
        if self.data_dir is not None:
            folder = self.data_dir / "history"
            if folder.is_dir():
                names.update(f"history/{p.name}" for p in folder.glob("[0-9][0-9][0-9][0-9].json"))
        return sorted(names, reverse=True)

    def _db(self, name: str) -> TinyDB:
        db = self._dbs.get(name)
        if db is not None:
            return db
        path = self.data_dir / name if self.data_dir else Path(name)
        try:
            db = self._open_checked(name, path)
        except CorruptFileError as error:
            if self.data_dir is None or not path.exists():
                raise
            if self.read_only:
                self.notes.append(f"{error} It was skipped here and left as it is.")
                db = TinyDB(storage=MemoryStorage)
                self._dbs[name] = db
                return db
            moved = move_aside(path)
            self.notes.append(
                f"{error} It was moved aside to {moved.name} (nothing was deleted), and that "
                "part of your data starts fresh."
            )
            db = self._open_checked(name, path)
        self._dbs[name] = db
        return db

    def _open_checked(self, name: str, path: Path) -> TinyDB:
        db = self._open_db(name)
        try:
            found = check_meta(db, path)
            if found < SCHEMA_VERSION:
                self._migrate(db, path, found)
            aside = path if self.data_dir and not self.read_only else None
            sessions: dict[int, Session] = {}
            note = set_aside_bad_records(name, aside, db, self.known_ids, sessions)
            if sessions:
                self._checked_sessions[name] = sessions
            if note and self.read_only:
                note = note.replace(" set aside, nothing", " skipped here, nothing")
            if note:
                self.notes.append(note)
        except StoreError:
            db.close()
            raise
        return db

    def _migrate(self, db: TinyDB, path: Path, found: int) -> None:
        """Upgrade an older file in place, keeping a copy of the original beside it."""
        keep_copy = path.exists() and not self.read_only
        backup = copy_aside(path, f"v{found}-backup") if keep_copy else None
        tables = migrate(db.storage.read() or {}, found, SCHEMA_VERSION)
        tables["meta"] = {str(SINGLE): {"app": APP_TAG, "schema": SCHEMA_VERSION}}
        db.storage.write(tables)
        if backup is not None:
            self.notes.append(
                f"Your data in {path.name} was upgraded to this version of backrun; the "
                f"original is kept as {backup.name}."
            )


def _put(table: Table, doc: dict[str, Any]) -> None:
    table.upsert(Document(doc, doc_id=SINGLE))
