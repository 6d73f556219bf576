"""Loads the exercise catalog (data/catalog.json) and checks every entry, explaining any mistake."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TypeVar

from backrun_tui.coach.ladder.exercise import DOSES, KINDS, SIDED, Exercise
from backrun_tui.resources import catalog_path

SCHEMA = 1
LADDER_RUNGS = range(1, 13)
REPS_LIMITS = (1, 50)
HOLD_LIMITS = (5, 300)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REQUIRED = ("id", "name", "kind", "rung", "sided", "dose", "rep_range", "hold_seconds", "cues")
_LINKS = ("easier", "harder", "alternative")
_TIPS = ("easier_tip", "harder_tip")
_FIELDS = (*_REQUIRED, *_LINKS, *_TIPS, "hard")
_TOP_LEVEL = ("schema", "exercises")

_T = TypeVar("_T")
_Fail = Callable[[str], NoReturn]


class CatalogError(Exception):
    """A catalog that cannot be used; str() is one friendly line naming the file and entry."""

    def __init__(
        self, source: str, problem: str, entry: int | None = None, entry_id: str | None = None
    ) -> None:
        where = source
        if entry is not None:
            where += f": entry {entry}" + (f' ("{entry_id}")' if entry_id else "")
        super().__init__(f"{where}: {problem}")
        self.source = source
        self.problem = problem
        self.entry = entry
        self.entry_id = entry_id


@dataclass(frozen=True)
class Catalog:
    """Every exercise of the programme by id, in catalog order."""

    exercises: dict[str, Exercise]

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; KeyError if there is none."""
        return self.exercises[exercise_id]

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def __len__(self) -> int:
        return len(self.exercises)

    def ladder(self) -> list[Exercise]:
        """The 12 rungs, easiest first."""
        rungs = [e for e in self.exercises.values() if e.kind == "ladder"]
        return sorted(rungs, key=lambda e: e.rung or 0)

    def stretches(self) -> list[Exercise]:
        return [e for e in self.exercises.values() if e.kind == "stretch"]

    def all(self) -> list[Exercise]:
        return list(self.exercises.values())


def load_catalog(path: Path | None = None) -> Catalog:
    """Read and check the catalog file (the shipped one by default); CatalogError if unusable."""
    path = catalog_path() if path is None else path
    source = _display(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: tolerate a BOM from Windows editors
    except FileNotFoundError:
        raise CatalogError(source, "file not found; restore it or reinstall backrun") from None
    except UnicodeDecodeError:
        raise CatalogError(source, "is not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise CatalogError(source, f"cannot read the file ({reason})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise CatalogError(source, f"not valid JSON at {where}: {error.msg}") from None
    return parse_catalog(data, source)


def parse_catalog(data: object, source: str) -> Catalog:
    """Check already-decoded JSON; `source` names the file in error messages."""
    if not isinstance(data, dict):
        raise CatalogError(source, 'must hold one JSON object: {"schema": 1, "exercises": [...]}')
    for key in data:
        if key not in _TOP_LEVEL:
            problem = f'unknown top-level field "{key}"' + _hint(str(key), _TOP_LEVEL)
            raise CatalogError(source, problem)
    schema = data.get("schema")
    if type(schema) is not int or schema != SCHEMA:
        found = _show(schema) if "schema" in data else "nothing"
        raise CatalogError(source, f'"schema" must be {SCHEMA} (found {found})')
    entries = data.get("exercises")
    if not isinstance(entries, list):
        raise CatalogError(source, '"exercises" must be a list of entries: [{...}, {...}]')

    exercises: dict[str, Exercise] = {}
    numbers: dict[str, int] = {}
    for number, raw in enumerate(entries, start=1):
        exercise = _parse_entry(raw, number, source)
        if exercise.id in exercises:
            problem = f'"id" is already used by entry {numbers[exercise.id]}'
            raise CatalogError(source, problem, number, exercise.id)
        exercises[exercise.id] = exercise
        numbers[exercise.id] = number

    taken: dict[int, str] = {}
    for exercise in exercises.values():
        number = numbers[exercise.id]
        for link in _LINKS:
            target = getattr(exercise, link)
            if target is not None and target not in exercises:
                problem = f'"{link}" names "{target}", which is not in the catalog'
                problem += _hint(target, exercises)
                raise CatalogError(source, problem, number, exercise.id)
        if exercise.kind == "ladder" and exercise.rung is not None:
            if exercise.rung in taken:
                other = taken[exercise.rung]
                problem = f'ladder rung {exercise.rung} is already taken by "{other}"'
                raise CatalogError(source, problem, number, exercise.id)
            taken[exercise.rung] = exercise.id
    missing = [rung for rung in LADDER_RUNGS if rung not in taken]
    if missing:
        listed = ", ".join(str(rung) for rung in missing)
        problem = f'the ladder needs one "ladder" entry for each rung 1 to 12; missing: {listed}'
        raise CatalogError(source, problem)
    return Catalog(exercises)


def _parse_entry(raw: object, number: int, source: str) -> Exercise:
    entry_id = None
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        entry_id = raw["id"]

    def fail(problem: str) -> NoReturn:
        raise CatalogError(source, problem, number, entry_id)

    if not isinstance(raw, dict):
        fail("must be an object in braces: {...}")
    for key in raw:
        if key not in _FIELDS:
            fail(f'unknown field "{key}"' + _hint(str(key), _FIELDS))
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        fail("missing " + ", ".join(f'"{key}"' for key in missing))

    exercise_id = _text(raw, "id", fail)
    if not _SLUG.fullmatch(exercise_id):
        fail('"id" must be lower-case words joined by hyphens, e.g. "single-leg-bridge"')
    name = _text(raw, "name", fail)
    kind = _choice(raw, "kind", KINDS, fail)
    sided = _choice(raw, "sided", SIDED, fail)
    dose = _choice(raw, "dose", DOSES, fail)

    rung = raw["rung"]
    if kind == "stretch":
        if rung is not None:
            fail('"rung" must be null for a stretch')
    elif not _whole(rung, 1, 12):
        fail(f'"rung" must be a whole number from 1 to 12 for a "{kind}" exercise')

    rep_range, hold_seconds = raw["rep_range"], raw["hold_seconds"]
    unused = "hold_seconds" if dose == "reps" else "rep_range"
    if raw[unused] is not None:
        fail(f'"{unused}" must be null when "dose" is "{dose}"')
    low, high = REPS_LIMITS if dose == "reps" else HOLD_LIMITS
    if dose == "reps" and not _is_range(rep_range, low, high):
        fail(f'"rep_range" must be two whole numbers, low to high, e.g. [8, 12] ({low}-{high})')
    if dose == "hold" and not _whole(hold_seconds, low, high):
        fail(f'"hold_seconds" must be a whole number of seconds from {low} to {high}')

    cues = raw["cues"]
    if not isinstance(cues, list) or not 2 <= len(cues) <= 4 or not all(map(_line, cues)):
        fail('"cues" must be a list of 2 to 4 short lines of text, e.g. ["...", "..."]')

    return Exercise(
        id=exercise_id,
        name=name,
        kind=kind,
        rung=rung,
        sided=sided,
        dose=dose,
        rep_range=(rep_range[0], rep_range[1]) if dose == "reps" else None,
        hold_seconds=hold_seconds,
        cues=tuple(cue.strip() for cue in cues),
        easier=_link(raw, "easier", exercise_id, fail),
        harder=_link(raw, "harder", exercise_id, fail),
        alternative=_link(raw, "alternative", exercise_id, fail),
        easier_tip=_tip(raw, "easier_tip", fail),
        harder_tip=_tip(raw, "harder_tip", fail),
        hard=_flag(raw, "hard", fail),
    )


def _text(raw: dict[str, object], key: str, fail: _Fail) -> str:
    value = raw[key]
    if not _line(value):
        fail(f'"{key}" must be one line of text in quotes')
    return str(value).strip()


def _choice(raw: dict[str, object], key: str, options: tuple[_T, ...], fail: _Fail) -> _T:
    value = raw[key]
    for option in options:
        if value == option:
            return option
    allowed = ", ".join(f'"{option}"' for option in options)
    fail(f'"{key}" must be one of {allowed} (found {_show(value)})')


def _link(raw: dict[str, object], key: str, own_id: str, fail: _Fail) -> str | None:
    target = raw.get(key)
    if target is not None and not isinstance(target, str):
        fail(f'"{key}" must be the id of another exercise in quotes, or null')
    if target == own_id:
        fail(f'"{key}" points to the entry itself')
    return target


def _flag(raw: dict[str, object], key: str, fail: _Fail) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        fail(f'"{key}" must be true or false (found {_show(value)})')
    return value


def _tip(raw: dict[str, object], key: str, fail: _Fail) -> str:
    value = raw.get(key, "")
    if value != "" and not _line(value):
        fail(f'"{key}" must be one line of text, or ""')
    return str(value).strip()


def _line(value: object) -> bool:
    """Non-empty text on a single line."""
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value


def _is_range(value: object, low: int, high: int) -> bool:
    """Two whole numbers, low <= first <= second <= high."""
    if not isinstance(value, list) or len(value) != 2:
        return False
    return _whole(value[0], low, high) and _whole(value[1], value[0], high)


def _whole(value: object, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _show(value: object) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _hint(word: str, known: Iterable[str]) -> str:
    """' (did you mean "x"?)' for a likely typo, else ""."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _display(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
