"""The runs file: every run from a watch file or logged by hand, kept by its fingerprint."""

from __future__ import annotations

from tinydb import Query
from tinydb.table import Document

from backrun_tui.coach.running.runs import Run
from backrun_tui.store import codec
from backrun_tui.store.data_files import DataFiles
from backrun_tui.store.errors import LinkOutsideError, UnreadableFileError

RUNS_FILE = "runs.json"


class RunRecords:
    """runs.json, opened only when runs are first read or saved."""

    def __init__(self, files: DataFiles) -> None:
        self.files = files
        self.runs_problem = ""  # why the runs file could not be read, once it was tried

    def save_runs(self, runs: list[Run], replaced: list[tuple[str, Run]] | None = None) -> None:
        """Keep runs: the new ones in one write (a whole import at once), a run already kept
        (same fingerprint) replaced, so saving again is safe. `replaced`: (fingerprint as
        kept, the record now standing for that run)."""
        table = self.files.db(RUNS_FILE).table("runs")
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
        self.files.db(RUNS_FILE).table("runs").upsert(
            codec.run_to_doc(run), Query().fingerprint == run.fingerprint
        )

    def runs(self, *, deleted: bool = False) -> list[Run]:
        """Every run, newest first; with deleted=True, those the runner deleted too."""
        runs = (codec.run_from_doc(dict(d)) for d in self._run_docs())
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
            return self.files.db(RUNS_FILE).table("runs").all()
        except (UnreadableFileError, LinkOutsideError) as error:
            self.files.say_once(str(error))
            self.runs_problem = str(error)
            return []
