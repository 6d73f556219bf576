"""Where watch files come from: files, folders of them, and Strava's bulk export (a ZIP, or
its folder unpacked, with `activities/` and `activities.csv` naming each activity's type)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from backrun_tui.activity_files.readers import kind_of

STRAVA_INDEX = "activities.csv"


@dataclass(frozen=True)
class Source:
    """One watch file to read: its name (as the runner knows it), how to get its bytes, and its
    sport when an index names it (Strava's activities.csv), so non-runs need no parsing."""

    name: str
    read: Callable[[], bytes]
    sport: str | None = None


@dataclass(frozen=True)
class Unreadable:
    name: str
    reason: str


def sources(paths: list[Path]) -> Iterator[Source | Unreadable]:
    """Every watch file under the given paths, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from _folder(path)
        elif path.suffix.lower() == ".zip":
            yield from _zip(path)
        elif path.exists():
            if kind_of(path.name):
                yield Source(str(path), path.read_bytes)
            else:
                yield Unreadable(str(path), "it is not a GPX, TCX or FIT file (or a ZIP of them)")
        else:
            yield Unreadable(str(path), "there is no such file or folder")


def _folder(folder: Path) -> Iterator[Source]:
    index = folder / STRAVA_INDEX
    sports = _strava_sports(index.read_bytes()) if index.is_file() else {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and kind_of(p.name)):
        relative = path.relative_to(folder).as_posix()
        yield Source(str(path), path.read_bytes, sports.get(relative))


def _zip(path: Path) -> Iterator[Source | Unreadable]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        yield Unreadable(str(path), f"it is not a readable ZIP file ({error})")
        return
    with archive:
        names = archive.namelist()
        index = next((n for n in names if n.rsplit("/", 1)[-1] == STRAVA_INDEX), None)
        root = index.rsplit("/", 1)[0] + "/" if index and "/" in index else ""
        sports = _strava_sports(archive.read(index)) if index else {}
        for member in sorted(n for n in names if kind_of(n) and not n.endswith("/")):
            name = f"{path.name}:{member}"
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                yield Unreadable(name, f"its entry in the ZIP is damaged ({error})")
                continue
            sport = sports.get(member.removeprefix(root))
            yield Source(name, _constant(data), sport)


def _strava_sports(data: bytes) -> dict[str, str]:
    """Strava's activities.csv: file name (relative to the export's root) -> activity type."""
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig", errors="replace")))
    sports = {}
    for row in rows:
        filename, sport = (row.get("Filename") or "").strip(), (row.get("Activity Type") or "")
        if filename:
            sports[filename] = sport.strip()
    return sports


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data
