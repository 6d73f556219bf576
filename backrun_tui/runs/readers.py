"""One watch file's bytes in, one activity's summary out, or the reason it cannot be read.
Pure functions of the bytes (and of today's date), so they can run in worker processes."""

from __future__ import annotations

import gzip
import io
import os
import tempfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from backrun_tui.coach.plausible_time import in_the_future

SUFFIXES = (".gpx", ".tcx", ".fit")


class BrokenFile(ValueError):
    """A watch file that cannot be read; str() says why, in plain words."""


class NothingToImport(BrokenFile):
    """A watch file read whole that holds no run to take (no track, no times): counted apart
    from the broken ones."""


TIMED_SHARE = 0.9  # of a track's points that must have times for its duration to be known


@dataclass(frozen=True)
class Activity:
    sport: str | None
    started_at: datetime
    moving_seconds: float
    distance_m: float
    ascent_m: float | None
    avg_hr: float | None


def kind_of(name: str) -> str | None:
    """ "gpx", "tcx" or "fit" from a file name (also NAME.gpx.gz), else None."""
    lowered = name.lower().removesuffix(".gz")
    for suffix in SUFFIXES:
        if lowered.endswith(suffix):
            return suffix[1:]
    return None


def unpacked(name: str, data: bytes) -> bytes:
    """The file's content, gunzipped when its name ends in .gz."""
    if not name.lower().endswith(".gz"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise BrokenFile(f"it is not a complete gzip file ({error})") from None


def read_activity(name: str, data: bytes) -> Activity:
    """The activity in a watch file; BrokenFile when it cannot be read or holds none."""
    kind = kind_of(name)
    content = unpacked(name, data)
    try:
        if kind == "gpx":
            activity = _gpx(content)
        elif kind == "tcx":
            activity = _tcx(content)
        elif kind == "fit":
            activity = _fit(content)
        else:
            raise BrokenFile("it is not a GPX, TCX or FIT file")
    except BrokenFile:
        raise
    except Exception as error:  # a parser's own error, whatever its type: the file is broken
        parser = f"{kind.upper()} parser" if kind else "parser"
        raise BrokenFile(f"{plain_reason(error)} ({parser}: {_short(error)})") from None
    start = activity.started_at
    # A watch writes UTC when it names no zone; every start is kept in UTC.
    start = start.replace(tzinfo=UTC) if start.tzinfo is None else start.astimezone(UTC)
    if in_the_future(start, datetime.now(UTC)):
        raise BrokenFile(
            f"it starts on {start:%d %b %Y}, in the future: the watch's clock was probably wrong"
        )
    return _with_start(activity, start)


def plain_reason(error: Exception) -> str:
    """What a parser's error means for the runner, before its technical words."""
    name, text = type(error).__name__.lower(), str(error).lower()
    if "eof" in name or any(w in text for w in ("unexpected end", "no element found", "truncat")):
        return "the file ends too early; a copy may have been cut off"
    if "unclosed token" in text or "premature end" in text:
        return "the file ends too early; a copy may have been cut off"
    if "crc" in name or "crc" in text:
        return "the file is damaged: its checksum does not match what it holds"
    if "header" in name:
        return "it does not begin the way a FIT file does"
    if any(w in name for w in ("xml", "parse", "expat")) or "not well-formed" in text:
        return "it is not well-formed XML: damaged, or not a GPX or TCX file"
    return "it could not be read"


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:160]


def _with_start(activity: Activity, start: datetime) -> Activity:
    return Activity(
        activity.sport,
        start,
        activity.moving_seconds,
        activity.distance_m,
        activity.ascent_m,
        activity.avg_hr,
    )


def _gpx(content: bytes) -> Activity:
    import gpxpy

    gpx = gpxpy.parse(content.decode("utf-8-sig", errors="replace"))
    points = _points(gpx)
    if not gpx.tracks or not points:
        only = (
            " (only waypoints)"
            if gpx.waypoints
            else " (only a planned route)"
            if gpx.routes
            else ""
        )
        raise NothingToImport(f"no track in it{only}")
    timed = sum(1 for point in points if getattr(point, "time", None) is not None)
    if timed < TIMED_SHARE * len(points):
        some = f"only {timed} of its {len(points)} points have" if timed else "its points have no"
        raise NothingToImport(f"{some} times: how long the run took is unknown")
    bounds = gpx.get_time_bounds()
    if bounds.start_time is None:
        raise NothingToImport("its points have no times: how long the run took is unknown")
    moving = gpx.get_moving_data()
    climb = gpx.get_uphill_downhill()
    hrs = [float(value) for point in points for value in _hr_of(point)]
    moving_seconds = moving.moving_time if moving and moving.moving_time else gpx.get_duration()
    return Activity(
        sport=gpx.tracks[0].type,
        started_at=bounds.start_time,
        moving_seconds=float(moving_seconds or 0),
        distance_m=float(gpx.length_2d()),  # on the map, as watches and Strava count it
        ascent_m=float(climb.uphill) if climb and climb.uphill is not None else None,
        avg_hr=sum(hrs) / len(hrs) if hrs else None,
    )


def _points(gpx: object) -> list[object]:
    return [p for t in gpx.tracks for s in t.segments for p in s.points]  # type: ignore[attr-defined]


def _hr_of(point: object) -> list[str]:
    """The heart rate of a GPX point, from Garmin's TrackPointExtension if present."""
    values = []
    for extension in getattr(point, "extensions", []) or []:
        for element in extension.iter():
            if str(element.tag).lower().endswith("hr") and (element.text or "").strip().isdigit():
                values.append(element.text.strip())
    return values


def _tcx(content: bytes) -> Activity:
    from tcxreader.tcxreader import TCXReader

    # tcxreader reads a path: the content goes to a private temporary file for it.
    handle, path = tempfile.mkstemp(suffix=".tcx")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        exercise = TCXReader().read(path, only_gps=False)
    finally:
        os.unlink(path)
    if exercise.start_time is None:
        raise BrokenFile("it holds no activity with a start time")
    moving = sum(lap.duration or 0 for lap in exercise.laps or []) or exercise.duration or 0
    return Activity(
        sport=exercise.activity_type,
        started_at=exercise.start_time,
        moving_seconds=float(moving),
        distance_m=float(exercise.distance or 0),
        ascent_m=float(exercise.ascent) if exercise.ascent is not None else None,
        avg_hr=float(exercise.hr_avg) if exercise.hr_avg else None,
    )


def _fit(content: bytes) -> Activity:
    import fitdecode

    session: dict[str, object] | None = None
    sport: str | None = None
    beats: list[float] = []  # the records' heart rates, for a summary that has none
    with fitdecode.FitReader(io.BytesIO(content), check_crc=fitdecode.CrcCheck.RAISE) as fit:
        for frame in fit:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue
            if frame.name == "record":
                beat = frame.get_value("heart_rate", fallback=None)
                if isinstance(beat, (int, float)) and 20 <= beat <= 260:
                    beats.append(float(beat))
            elif frame.name == "session" and session is None:
                session = {f.name: f.value for f in frame.fields}
            elif frame.name == "sport" and sport is None and frame.has_field("sport"):
                sport = str(frame.get_value("sport"))
    if session is None:
        raise BrokenFile("it holds no activity summary (no session)")
    start = session.get("start_time")
    if not isinstance(start, datetime):
        raise BrokenFile("its activity has no start time")
    moving = session.get("total_timer_time") or session.get("total_elapsed_time") or 0
    ascent = session.get("total_ascent")
    heart = session.get("avg_heart_rate")
    return Activity(
        sport=str(session.get("sport") or sport or "") or None,
        started_at=start,
        moving_seconds=float(moving),  # type: ignore[arg-type]
        distance_m=float(session.get("total_distance") or 0),  # type: ignore[arg-type]
        ascent_m=float(ascent) if isinstance(ascent, (int, float)) else None,
        avg_hr=float(heart) if isinstance(heart, (int, float)) else _mean(beats),
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
