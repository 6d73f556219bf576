"""Strava's activities.csv, read by meaning: its headers come in the export's language (and
older exports say `filename,type`), so each column is found by its name in any language
Strava exports in, or else by what its values look like."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

FILE_NAMES = {
    "filename", "file name", "dateiname", "nom du fichier", "nom de fichier",
    "nombre de archivo", "nombre del archivo", "nome file", "nome del file", "nome do arquivo",
    "nome de arquivo", "nome do ficheiro", "bestandsnaam", "filnamn", "filnavn", "nazwa pliku",
    "nazev souboru", "tiedostonimi", "dosya adi", "имя файла", "ファイル名", "文件名", "檔案名稱",
    "파일 이름",
}  # fmt: skip
ACTIVITY_TYPES = {
    "activity type", "type", "aktivitatsart", "aktivitatstyp", "type d'activite",
    "type d’activite", "tipo de actividad", "tipo di attivita", "tipo de atividade",
    "activiteitstype", "type activiteit", "aktivitetstyp", "aktivitetstype", "typ aktywnosci",
    "typ aktivity", "aktiviteettityyppi", "aktivite turu", "тип занятия", "тип активности",
    "アクティビティの種類", "アクティビティタイプ", "活动类型", "運動類型", "활동 유형",
}  # fmt: skip
WATCH_FILE = re.compile(r"^activities/[^/]+\.(gpx|tcx|fit)(\.gz)?$", re.IGNORECASE)


@dataclass(frozen=True)
class StravaIndex:
    """File name (relative to the export's root) -> the activity's type as Strava named it
    ("" when the index has no type column)."""

    sports: dict[str, str]
    has_types: bool = True  # False: no column of activity types was found


def plain(header: str) -> str:
    """A header without accents, case or stray spaces: "Aktivitätsart" -> "aktivitatsart"."""
    decomposed = unicodedata.normalize("NFKD", header.strip().lstrip("\ufeff"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def read_index(data: bytes) -> StravaIndex | None:
    """The index, or None when no column of file names can be found in it."""
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig", errors="replace"))))
    except csv.Error:
        return None
    if not rows:
        return None
    header, body = [plain(h) for h in rows[0]], rows[1:]
    names = _column(header, body, FILE_NAMES, lambda v: bool(WATCH_FILE.match(v)))
    if names is None:
        return None
    kinds = _column(header, body, ACTIVITY_TYPES, None)
    sports = {}
    for row in body:
        if names < len(row) and row[names].strip():
            kind = row[kinds].strip() if kinds is not None and kinds < len(row) else ""
            sports[row[names].strip()] = kind
    return StravaIndex(sports, has_types=kinds is not None)


def _column(
    header: list[str], body: list[list[str]], known: set[str], looks_right: object
) -> int | None:
    """The column whose header is one of `known`, or else (when `looks_right` is given) the
    one most of whose filled values look right."""
    for number, name in enumerate(header):
        if name in known:
            return number
    if not callable(looks_right):
        return None
    best, best_count = None, 0
    for number in range(len(header)):
        values = [row[number].strip() for row in body if number < len(row) and row[number].strip()]
        count = sum(1 for value in values if looks_right(value))
        if values and count > best_count and count * 2 >= len(values):
            best, best_count = number, count
    return best
