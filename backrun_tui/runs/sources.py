"""Where watch files come from: files, folders of them, and Strava's bulk export (a ZIP, or
its folder unpacked, with `activities/` and `activities.csv` naming each activity's type)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from backrun_tui.runs.readers import kind_of
from backrun_tui.runs.strava_index import read_index

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


@dataclass(frozen=True)
class Missing:
    """A file the export's index names that is not in the export."""

    name: str


@dataclass(frozen=True)
class IndexNote:
    """Something to tell about an export's index (it could not be read, so every file was)."""

    text: str


Found = Source | Unreadable | Missing | IndexNote


def sources(paths: list[Path]) -> Iterator[Found]:
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


def _folder(folder: Path) -> Iterator[Found]:
    index = folder / STRAVA_INDEX
    sports: dict[str, str] = {}
    if index.is_file():
        sports = yield from _index(str(index), index.read_bytes)
    present = set()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and kind_of(p.name)):
        relative = path.relative_to(folder).as_posix()
        present.add(relative)
        yield Source(str(path), path.read_bytes, sports.get(relative) or None)
    yield from (Missing(str(folder / name)) for name in sorted(set(sports) - present))


def _zip(path: Path) -> Iterator[Found]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        yield Unreadable(str(path), f"it is not a readable ZIP file ({error})")
        return
    with archive:
        names = archive.namelist()
        index = next((n for n in names if n.rsplit("/", 1)[-1] == STRAVA_INDEX), None)
        root = index.rsplit("/", 1)[0] + "/" if index and "/" in index else ""
        sports: dict[str, str] = {}
        if index:
            sports = yield from _index(f"{path.name}:{index}", lambda: archive.read(index))
        members = sorted(n for n in names if kind_of(n) and not n.endswith("/"))
        present = {member.removeprefix(root) for member in members}
        for member in members:
            name = f"{path.name}:{member}"
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                yield Unreadable(name, f"its entry in the ZIP is damaged ({error})")
                continue
            sport = sports.get(member.removeprefix(root)) or None
            yield Source(name, _constant(data), sport)
        for missing in sorted(set(sports) - present):
            yield Missing(f"{path.name}:{root}{missing}")


def _index(name: str, read: Callable[[], bytes]) -> Generator[Found, None, dict[str, str]]:
    """The sports an export's index names, by file; when it cannot be read, a note (every
    file is then read for its own sport) and none."""
    try:
        index = read_index(read())
    except (OSError, zipfile.BadZipFile, EOFError):
        index = None
    if index is None:
        yield IndexNote(
            f"{name} could not be read as Strava's list of activities (no column of file "
            "names found), so every file was read to find its sport instead."
        )
        return {}
    if not index.has_types:
        yield IndexNote(
            f"{name} names no activity types backrun can read, so each file's own sport was "
            "used instead."
        )
    return index.sports


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data
