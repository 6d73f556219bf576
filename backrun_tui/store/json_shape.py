"""A data file's JSON read safely: numbers too long to convert, nesting too deep to parse, and
entries that are not records are each named, never a crash."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from backrun_tui.store.errors import CorruptFileError

LONGEST_NUMBER = 30  # digits: nothing backrun writes comes close


class TooLongNumber(str):
    """A number with more digits than any backrun writes, kept as its digits (Python refuses
    to convert numbers of over 4,300 digits, and a long one costs time to convert)."""


@dataclass(frozen=True)
class Malformed:
    """An entry of a table that cannot be a record, taken out as the file was read."""

    table: str
    key: str
    record: Any
    why: str


def parse_tables(raw: bytes, path: Any) -> tuple[dict[str, Any], list[Malformed]]:
    """The tables of a data file, and the entries that had to be taken out of them; a file
    that is not JSON tables at all raises CorruptFileError."""
    too_long: list[str] = []

    def parse_int(digits: str) -> int | TooLongNumber:
        if len(digits) <= LONGEST_NUMBER:
            return int(digits)
        too_long.append(digits[:10])
        return TooLongNumber(digits)

    def parse_float(text: str) -> float | TooLongNumber:
        if len(text) <= 2 * LONGEST_NUMBER:
            return float(text)
        too_long.append(text[:10])
        return TooLongNumber(text)

    try:
        data = json.loads(raw, parse_int=parse_int, parse_float=parse_float)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptFileError(path, "it is not valid JSON (damaged or cut short)") from error
    except RecursionError as error:
        raise CorruptFileError(path, "it is nested far too deeply to be a backrun file") from error
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFileError(path, "it does not look like a backrun data file")
    return data, _take_malformed(data, look_for_long_numbers=bool(too_long))


def _take_malformed(
    tables: dict[str, dict[str, Any]], look_for_long_numbers: bool
) -> list[Malformed]:
    taken: list[Malformed] = []
    for name, table in tables.items():
        for key, record in list(table.items()):
            why = _why_not_a_record(key, record, look_for_long_numbers)
            if why:
                taken.append(Malformed(name, key, record, why))
                del table[key]
    return taken


def _why_not_a_record(key: str, record: Any, look_for_long_numbers: bool) -> str:
    if not (key.isascii() and key.isdecimal()):
        return f"its record number {key[:40]!r} is not one backrun writes"
    if not isinstance(record, dict):
        kind = {list: "a list", str: "text", bool: "true or false"}.get(type(record), "a number")
        return f"it is {'nothing' if record is None else kind}, not a record"
    if look_for_long_numbers and _holds_too_long_number(record):
        return "it holds a number far longer than any backrun writes"
    return ""


def _holds_too_long_number(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, TooLongNumber):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
