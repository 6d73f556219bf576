"""The theme the runner chose, read before the app starts so its first frame is drawn in it: a
quick, read-only look into state.json that never fails (the store reads and checks the file
properly right after the first frame, and its theme wins)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

STATE_FILE = "state.json"
LARGEST = 4 * 1024 * 1024  # bytes: a bigger state file is not looked into (the store says why)


def chosen_theme(data_dir: Path) -> str | None:
    """The theme saved in the folder's state file; None if there is none, or the file is not a
    plain, readable, well-formed one."""
    path = data_dir / STATE_FILE
    try:
        found = os.lstat(path)  # a link, a folder or a pipe in its place: not looked into
        if not stat.S_ISREG(found.st_mode) or found.st_size > LARGEST:
            return None
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as file:
            document = json.loads(file.read(LARGEST + 1))
        theme = document["interface"]["1"]["theme"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return theme if isinstance(theme, str) else None
