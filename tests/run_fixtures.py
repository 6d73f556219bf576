"""Watch files written here for the import tests and benchmarks (no downloaded data): GPX with
gpxpy, FIT with fit-tool, TCX from a template of the format, and Strava-like export ZIPs."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import UTC, datetime, timedelta

import gpxpy.gpx
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

START = datetime(2026, 11, 1, 7, 0, tzinfo=UTC)
LAT, LON = 51.5, -0.12
METRES_PER_DEGREE = 111_320


def gpx_bytes(
    start: datetime,
    minutes: int,
    km: float,
    *,
    sport: str | None = "running",
    every: int = 10,
    climb: float = 0.2,
    timed_every: int = 1,
) -> bytes:
    """A straight track north at an even pace, a point every `every` s, climbing `climb` m a
    point; only every `timed_every`-th point has its time (1: all of them)."""
    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack()
    track.type = sport
    segment = gpxpy.gpx.GPXTrackSegment()
    steps = max(minutes * 60 // every, 1)
    for i in range(steps + 1):
        segment.points.append(
            gpxpy.gpx.GPXTrackPoint(
                LAT + km * 1000 * i / steps / METRES_PER_DEGREE,
                LON,
                elevation=10.0 + i * climb,
                time=start + timedelta(seconds=every * i) if i % timed_every == 0 else None,
            )
        )
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml().encode()


TCX = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities><Activity Sport="{sport}"><Id>{start}</Id>
  <Lap StartTime="{start}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>
   <DistanceMeters>{metres}</DistanceMeters><Calories>500</Calories>
   <AverageHeartRateBpm><Value>{hr}</Value></AverageHeartRateBpm>
   <Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>
   <Track>{points}</Track>
  </Lap>
 </Activity></Activities>
</TrainingCenterDatabase>
"""
TCX_POINT = """<Trackpoint><Time>{time}</Time><AltitudeMeters>{alt}</AltitudeMeters>
<DistanceMeters>{metres}</DistanceMeters><HeartRateBpm><Value>{hr}</Value></HeartRateBpm>
</Trackpoint>"""


def tcx_bytes(
    start: datetime,
    minutes: int,
    km: float,
    *,
    sport: str = "Running",
    hr: int = 145,
    every: int = 60,
) -> bytes:
    steps = max(minutes * 60 // every, 1)
    points = "".join(
        TCX_POINT.format(
            time=(start + timedelta(seconds=every * i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            alt=10 + i % 40,
            metres=km * 1000 * i / steps,
            hr=hr,
        )
        for i in range(steps + 1)
    )
    return TCX.format(
        sport=sport,
        start=start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        seconds=minutes * 60,
        metres=km * 1000,
        hr=hr,
        points=points,
    ).encode()


def fit_bytes(
    start: datetime,
    minutes: int,
    km: float,
    *,
    sport: Sport = Sport.RUNNING,
    hr: int = 150,
    ascent: int = 40,
    every: int = 0,
    serial: int = 1,
    summary_hr: bool = True,
) -> bytes:
    """A FIT activity; `every` > 0 adds a record every so many seconds, as a watch would
    (smart recording writes one every few seconds), else three records. The records' heart
    rate climbs from `hr` by a beat a record; summary_hr=False leaves it out of the session
    message (as some watches do)."""
    millis = round(start.timestamp()) * 1000
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = millis
    file_id.serial_number = serial
    builder.add(file_id)
    times = range(0, minutes * 60, every) if every else range(3)
    for n, i in enumerate(times):
        record = RecordMessage()
        record.timestamp = millis + i * 1000
        record.distance = km * 1000 * i / max(minutes * 60, 1)
        record.heart_rate = hr + n % 20 if every else hr
        record.position_lat = LAT + record.distance / METRES_PER_DEGREE
        record.position_long = LON
        record.altitude = 10.0
        builder.add(record)
    session = SessionMessage()
    session.sport = sport
    session.start_time = millis
    session.timestamp = millis + minutes * 60_000
    session.total_timer_time = minutes * 60.0
    session.total_elapsed_time = minutes * 60.0 + 30
    session.total_distance = km * 1000
    session.total_ascent = ascent
    if summary_hr:
        session.avg_heart_rate = hr
    builder.add(session)
    data: bytes = builder.build().to_bytes()
    return data


def waypoints_gpx() -> bytes:
    """A valid GPX with two waypoints and no track (a saved place, not a run)."""
    gpx = gpxpy.gpx.GPX()
    for n in range(2):
        gpx.waypoints.append(gpxpy.gpx.GPXWaypoint(LAT + n / 1000, LON, name=f"Gate {n}"))
    return gpx.to_xml().encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


ENGLISH_HEADERS = ("Activity ID", "Activity Date", "Activity Name", "Activity Type", "Filename")


def strava_zip(
    entries: list[tuple[str, str, bytes]],
    *,
    headers: tuple[str, ...] = ENGLISH_HEADERS,
    not_in_zip: tuple[str, ...] = (),
) -> bytes:
    """A Strava bulk export: activities/NAME for each (name, type, bytes), and activities.csv
    naming each one's type under `headers` (id, date, name, type, file: as a localised export
    names them), with a manual activity that has no file, as Strava lists them, and a row for
    each of `not_in_zip` whose file is missing."""
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(headers)
    for number, (name, sport, _) in enumerate(entries, start=1):
        writer.writerow([number, "Nov 1, 2026", f"Activity {number}", sport, f"activities/{name}"])
    writer.writerow([999, "Nov 2, 2026", "Gym", "Weight Training", ""])
    for number, name in enumerate(not_in_zip, start=1000):
        writer.writerow([number, "Nov 3, 2026", "Lost", "Run", f"activities/{name}"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("activities.csv", index.getvalue())
        for name, _, data in entries:
            archive.writestr(f"activities/{name}", data)
    return out.getvalue()
