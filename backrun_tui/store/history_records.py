"""The history, one file a year: finished sessions, every symptom check, and changes kept
outside any session. Reads go year by year, newest first, and stop at the year they need."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from tinydb import Query

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.outcomes.psfs import Psfs, Score
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import Outcome, SymptomReport
from backrun_tui.store import codec
from backrun_tui.store.state_records import StateRecords, put_whole


class HistoryRecords(StateRecords):
    """The history files, and what finishing a session leaves in state.json beside them."""

    def record_check(self, report: SymptomReport, outcome: Outcome, at: datetime) -> None:
        """Keep a symptom check. Safe to repeat: a check already kept (same time) is replaced."""
        doc = {**codec.report_to_doc(report), "outcome": outcome, "at": at.isoformat()}
        self.files.year(at).table("checks").upsert(doc, Query().at == doc["at"])
        self._remember_check(doc)

    def finish_session(self, session: Session, plan: Plan, progress: Progress) -> None:
        """Move an ended session into the history with the plan and progress it leaves behind.
        Safe to repeat: a crash half-way leaves the ended session in live.json, and finishing
        it again is exact (the history row is replaced, not added twice)."""
        self.save_live(session)
        doc = codec.session_to_doc(session)
        sessions = self.files.year(session.started_at).table("sessions")
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
            self.files.year(decision.at).table("changes").upsert(doc, same)
        self._remember_decisions(decisions)

    def save_psfs(self, psfs: Psfs, scores: tuple[Score, ...]) -> None:
        """Keep the scores just given in the history of their year, then the activities and when
        they were asked. Safe to repeat: a score already kept (same activity and time) is
        replaced, not added twice."""
        for score in scores:
            doc = codec.score_to_doc(score)
            same = (Query().activity == doc["activity"]) & (Query().at == doc["at"])
            self.files.year(score.at).table("psfs_scores").upsert(doc, same)
        put_whole(self._state.table("psfs"), codec.psfs_to_doc(psfs))

    def psfs_scores(self) -> Iterator[Score]:
        """Every activity score ever given, oldest first."""
        for _, db in reversed(list(self.files.history())):
            docs = sorted(db.table("psfs_scores").all(), key=lambda d: d["at"])
            for doc in docs:
                yield codec.score_from_doc(dict(doc))

    def sessions(self) -> Iterator[Session]:
        """Finished sessions, newest first (reads the history year by year)."""
        for name, db in self.files.history():
            decoded = self.files.decoded_sessions(name)
            docs = sorted(db.table("sessions").all(), key=lambda d: d["started_at"])
            for doc in reversed(docs):
                yield decoded.get(doc.doc_id) or codec.session_from_doc(dict(doc))

    def logged_changes(self, since: datetime | None = None) -> Iterator[Decision]:
        """Changes kept outside any session (corrections), newest first; with `since`, the
        history years before it are not read."""
        for _, db in self.files.history(since.year if since else 0):
            docs = sorted(db.table("changes").all(), key=lambda d: d["at"])
            for doc in reversed(docs):
                yield codec.decision_from_doc(dict(doc))

    def checks(
        self, since: datetime | None = None
    ) -> Iterator[tuple[datetime, SymptomReport, str]]:
        """Every symptom check (time, answers, outcome), oldest first; with `since`, the history
        years before it are not read."""
        for _, db in reversed(list(self.files.history(since.year if since else 0))):
            docs = sorted(db.table("checks").all(), key=lambda d: d["at"])
            for doc in docs:
                yield codec.check_from_doc(dict(doc))

    def pains_since(self, since: datetime) -> list[tuple[datetime, int]]:
        """(time, pain) of every symptom check since `since`, oldest first; only the history
        years it needs are read."""
        pains = []
        for _, db in self.files.history(since.year):
            for doc in db.table("checks").all():
                at = datetime.fromisoformat(str(doc["at"]))
                if at >= since:
                    pains.append((at, int(doc["pain"])))
        return sorted(pains)
