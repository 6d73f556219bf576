"""A data folder whose writes fail the way a full disk or a read-only folder does."""

from __future__ import annotations

import errno

FAILURES = {
    "disk-full": OSError(errno.ENOSPC, "No space left on device"),
    "read-only": OSError(errno.EROFS, "Read-only file system"),
}


class FailingDisk:
    """While `failing`, every data file write fails the way the disk would; reads still work."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        self.failing = False
        self.refused = 0  # writes refused so far

    @property
    def reason(self) -> str:
        return str(self.error.strerror)
