"""The session service: the one writer while backrun runs.

Screens send it events; it asks the coach's session model (`coach.session_model`) what they
do, keeps the new state, and saves what the model asks through the store. A save that fails is
reported one way (`unsaved` and the `on_problem` callback), kept, and tried again on the next
event and before exit; nothing is called saved until it is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import NamedTuple, Protocol

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import SetRecord
from backrun_tui.coach.outcomes.psfs import Psfs, Score
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.safety.progress_record import Progress
from backrun_tui.coach.safety.triage import Outcome, SymptomReport
from backrun_tui.coach.session import session_model
from backrun_tui.coach.session.events import Event, Launch
from backrun_tui.coach.session.session_state import SessionState, Transition
from backrun_tui.coach.session.writes import (
    DiscardLive,
    FileSession,
    LogDecisions,
    RecordCheck,
    SaveLive,
    SavePlan,
    SaveProgress,
    SavePsfs,
    SaveRun,
    SaveSettings,
    Write,
    describe,
)
from backrun_tui.coach.settings import Settings


class Records(Protocol):
    """What the service needs of the store (`store.repository.Store` is one). A method that
    cannot save raises one of the service's `errors`, whose str() says why in plain words."""

    def listen(self, listener: Callable[[str], None]) -> None: ...
    def load_live(self) -> Session | None: ...
    def load_plan(self) -> Plan | None: ...
    def load_settings(self) -> Settings: ...
    def progress(self) -> Progress: ...
    def recent_checks(self) -> list[tuple[datetime, int]]: ...
    def recent_decisions(self) -> list[Decision]: ...
    def all_last_sets(self) -> dict[str, tuple[SetRecord, ...]]: ...
    def sessions(self) -> Iterator[Session]: ...
    def logged_changes(self, since: datetime | None = None) -> Iterator[Decision]: ...
    def checks(
        self, since: datetime | None = None
    ) -> Iterator[tuple[datetime, SymptomReport, str]]: ...
    def runs(self, *, deleted: bool = False) -> list[Run]: ...
    def save_run(self, run: Run) -> None: ...
    def load_psfs(self) -> Psfs: ...
    def save_psfs(self, psfs: Psfs, scores: tuple[Score, ...]) -> None: ...
    def psfs_scores(self) -> Iterator[Score]: ...
    def pains_since(self, since: datetime) -> list[tuple[datetime, int]]: ...
    def save_live(self, session: Session) -> None: ...
    def discard_live(self) -> None: ...
    def save_plan(self, plan: Plan) -> None: ...
    def save_settings(self, settings: Settings) -> None: ...
    def save_progress(self, progress: Progress) -> None: ...
    def save_theme(self, theme: str) -> None: ...
    def record_check(self, report: SymptomReport, outcome: Outcome, at: datetime) -> None: ...
    def finish_session(self, session: Session, plan: Plan, progress: Progress) -> None: ...
    def log_decisions(self, decisions: tuple[Decision, ...]) -> None: ...


class SaveTheme(NamedTuple):
    theme: str


Pending = Write | SaveTheme
# Writes that replace a whole record: a newer one makes an older pending one unneeded.
REPLACING = (SaveLive, SavePlan, SaveSettings, SaveProgress, SaveTheme)


class SessionService:
    """Owns the running state. `apply(event)` is the only way it changes while backrun runs."""

    def __init__(
        self,
        catalog: Catalog,
        records: Records,
        clock: Callable[[], datetime],
        errors: tuple[type[Exception], ...],
    ) -> None:
        self.catalog = catalog
        self.records = records
        self.clock = clock
        self.errors = errors
        self.pending: list[Pending] = []
        self.problem = ""  # why the last save failed, while something is unsaved
        self.reason = ""  # the same in a few words ("No space left on device")
        self.on_problem: Callable[[str], None] = lambda message: None
        self.on_saved_again: Callable[[], None] = lambda: None
        self.on_note: Callable[[str], None] = lambda note: None
        self.state = SessionState()  # read from the store at launch

    def read_state(self) -> SessionState:
        """What the history says, read once at launch (each session then keeps it current)."""
        store = self.records
        return SessionState(
            plan=store.load_plan() or Plan(()),
            settings=store.load_settings(),
            progress=store.progress(),
            checks=tuple(store.recent_checks()),
            log=tuple(store.recent_decisions()),
            last_sets=store.all_last_sets(),
            live=store.load_live(),
            psfs=store.load_psfs(),
        )

    # --- events ---

    def apply(self, event: Event) -> Transition:
        """Let the coach act on an event, keep the new state, save what it asks. At launch the
        state is read from the store first."""
        if isinstance(event, Launch):
            self.state = self.read_state()
        read: list[datetime] = []

        def clock_once() -> datetime:
            if not read:
                read.append(self.clock())
            return read[0]

        transition = session_model.apply(self.catalog, self.state, event, clock_once)
        self.state = transition.state
        self.save(*transition.writes)
        return transition

    def save_theme(self, theme: str) -> None:
        self.save(SaveTheme(theme))

    # --- saving ---

    def save(self, *writes: Pending) -> bool:
        """Queue writes and try everything pending, in order. True when nothing is unsaved."""
        for write in writes:
            if isinstance(write, REPLACING):
                self.pending = [w for w in self.pending if type(w) is not type(write)]
            self.pending.append(write)
        return self.flush()

    def flush(self) -> bool:
        """Try the pending writes in order; stop at the first that fails (and say so once)."""
        had_problem = bool(self.problem)
        while self.pending:
            try:
                self._write(self.pending[0])
            except self.errors as error:
                message = str(error)
                self.reason = str(getattr(error, "reason", message))
                if message != self.problem:
                    self.problem = message
                    self.on_problem(message)
                return False
            self.pending.pop(0)
        self.problem = self.reason = ""
        if had_problem:
            self.on_saved_again()
        return True

    @property
    def unsaved(self) -> str:
        """What is not saved yet, in words ("" when everything is)."""
        if not self.pending:
            return ""
        filing = any(isinstance(w, FileSession) for w in self.pending)
        kinds = list(
            dict.fromkeys(
                describe_pending(w)
                for w in self.pending
                if not (filing and isinstance(w, SaveLive))  # the filing saves it too
            )
        )
        return "Not saved yet: " + ", ".join(kinds) + f". {self.problem}"

    def _write(self, write: Pending) -> None:
        store = self.records
        if isinstance(write, SaveLive):
            store.save_live(write.session)
        elif isinstance(write, DiscardLive):
            store.discard_live()
        elif isinstance(write, SavePlan):
            store.save_plan(write.plan)
        elif isinstance(write, SaveSettings):
            store.save_settings(write.settings)
        elif isinstance(write, SaveProgress):
            store.save_progress(write.progress)
        elif isinstance(write, RecordCheck):
            store.record_check(write.report, write.outcome, write.at)
        elif isinstance(write, LogDecisions):
            store.log_decisions(write.decisions)
        elif isinstance(write, FileSession):
            store.finish_session(write.session, write.plan, write.progress)
        elif isinstance(write, SaveRun):
            store.save_run(write.run)
        elif isinstance(write, SavePsfs):
            store.save_psfs(write.psfs, write.scores)
        else:
            store.save_theme(write.theme)

    # --- reading for the screens ---

    def tell_notes_to(self, listener: Callable[[str], None]) -> None:
        """Tell `listener` what the store had to do to a file (moved aside, upgraded, could not
        read), each the moment it happens (and those from opening the data at once)."""
        self.on_note = listener
        self.records.listen(listener)

    def sessions(self) -> Iterator[Session]:
        """Finished sessions, newest first."""
        return self.records.sessions()

    def runs(self, *, deleted: bool = False) -> list[Run]:
        """Every run, newest first (with deleted=True, those deleted too); none (and the reason
        said) when they cannot be read."""
        try:
            runs = self.records.runs(deleted=deleted)
        except self.errors as error:
            self.on_note(str(error))
            runs = []
        unsaved = {w.run.fingerprint: w.run for w in self.pending if isinstance(w, SaveRun)}
        if not unsaved:
            return runs
        # What the runner did and is not saved yet is shown as done, with the warning.
        mine = {r.fingerprint: r for r in runs} | unsaved
        shown = (r for r in mine.values() if deleted or r.deleted_at is None)
        return sorted(shown, key=lambda r: r.started_at, reverse=True)

    def psfs_scores(self) -> list[Score]:
        """Every everyday-activity score, oldest first, those not saved yet included; none
        (and the reason said) when they cannot be read."""
        try:
            scores = list(self.records.psfs_scores())
        except self.errors as error:
            self.on_note(str(error))
            scores = []
        unsaved = [s for w in self.pending if isinstance(w, SavePsfs) for s in w.scores]
        return sorted({*scores, *unsaved}, key=lambda s: (s.at, s.activity_id))

    def pains_since(self, since: datetime) -> list[tuple[datetime, int]]:
        """(time, pain) of the symptom checks since then, oldest first."""
        try:
            return self.records.pains_since(since)
        except self.errors as error:
            self.on_note(str(error))
            return []

    def running_advice(self, pain: int) -> tuple[str, list[str]]:
        """The coach's running advice from the runner's own runs (an easy-run cap while it
        hurts; a flag when this week's running jumps): the running line in place of the
        generic one (or ""), and notes."""
        from backrun_tui.coach.running.running_load import running_notes

        return running_notes(self.runs(), pain, self.clock())

    def safety_lines(self, since: datetime) -> list[tuple[datetime, str]]:
        """(when, line) of every warning-sign day and doctor advice since then, newest first."""
        from backrun_tui.coach.safety.safety_record import safety_lines

        try:
            checks = list(self.records.checks(since))
            changes = list(self.records.logged_changes(since))
        except self.errors as error:
            self.on_note(str(error))
            return []
        return [line for line in safety_lines(checks, changes, self.clock()) if line[0] >= since]

    def logged_changes(self, since: datetime | None = None) -> Iterator[Decision]:
        """Changes kept outside any session (warning signs taken back), newest first; with
        `since`, only the history years it needs are read."""
        return self.records.logged_changes(since)


def describe_pending(write: Pending) -> str:
    return "your theme" if isinstance(write, SaveTheme) else describe(write)
