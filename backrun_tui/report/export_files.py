"""Every export at once, written into the data folder's exports/ folder: CSV, JSON, and the
report in Markdown and HTML (the palette's "Export")."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.report.export import FORMATS, export
from backrun_tui.store.atomic_storage import write_atomically
from backrun_tui.store.repository import Store

EXTENSIONS = {"csv": "csv", "json": "json", "markdown": "md", "html": "html"}


class ExportFailed(Exception):
    """A file could not be written: says why, and which were written before it."""

    def __init__(self, reason: str, written: list[str]) -> None:
        done = f" ({', '.join(written)} written)" if written else ""
        super().__init__(f"Export failed: {reason}{done}")
        self.written = written


def write_exports(store: Store, catalog: Catalog, now: datetime) -> tuple[Path, list[str]]:
    """Write each format, atomically, into `exports/` of the data folder: (folder, names)."""
    if store.data_dir is None:
        raise ExportFailed("this run has no data folder to export to", [])
    folder = store.data_dir / "exports"
    written: list[str] = []
    try:
        for fmt in FORMATS:
            name = f"backrun-{now:%Y%m%d-%H%M%S}.{EXTENSIONS[fmt]}"
            write_atomically(folder / name, export(store, catalog, fmt, now).encode())
            written.append(name)
    except OSError as error:
        raise ExportFailed(error.strerror or str(error), written) from error
    return folder, written
