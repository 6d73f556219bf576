"""Errors the store raises; each str() is a friendly message a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Something about the data files that the user must hear about."""


class CorruptFileError(StoreError):
    """A data file that cannot be read as a backrun file (damaged, or another program's)."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"The data file {path} could not be read: {problem}.")


class UnreadableFileError(StoreError):
    """A data file backrun may not read (permissions, a folder in its place...). It is not
    damaged, so it is left exactly as it is."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        reason = (error.strerror or str(error)).lower()
        if isinstance(error, IsADirectoryError):
            fix = "move that folder out of the data folder (backrun never writes one there)"
            reason = "a folder is in its place"
        else:
            fix = f"give your user read and write access to it (for example: chmod u+rw '{path}')"
        super().__init__(
            f"backrun cannot read {path} ({reason}). It was left as it is: {fix} and start "
            "backrun again."
        )


class LinkOutsideError(StoreError):
    """A data file that is a link to a file outside the data folder: backrun neither reads
    nor writes through it, so nothing outside the folder is ever changed. Left as it is."""

    def __init__(self, path: Path, target: Path) -> None:
        self.path = path
        super().__init__(
            f"The data file {path} is a link to {target}, outside your data folder, so backrun "
            "did not read it and changed nothing. Put the file itself in its place (or remove "
            "the link) and start backrun again."
        )


class NewerSchemaError(StoreError):
    """A data file written by a newer version of backrun."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        super().__init__(
            f"The data file {path} was written by a newer backrun (data version {found}; this "
            f"one reads up to {supported}). Please update backrun; the file was left untouched."
        )


class StoreWriteError(StoreError):
    """Saving failed (read-only folder, full disk...). Nothing already saved was harmed."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.reason = reason = error.strerror or str(error)
        super().__init__(f"Could not save to {path}: {reason}. Nothing saved before was lost.")
