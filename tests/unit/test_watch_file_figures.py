"""Each watch file read the way its watch meant: distances on the map for GPX, the watch's own
totals for FIT and TCX, heart rate from the records when the summary has none, and a track
without times or without a track at all named for what it is. Figures are checked against
the parsers' own values for the same bytes."""

from __future__ import annotations

import io
from pathlib import Path

import fitdecode
import gpxpy
import pytest
from run_fixtures import START, fit_bytes, gpx_bytes, tcx_bytes, waypoints_gpx

from backrun_tui.runs.importer import import_files
from backrun_tui.runs.readers import NothingToImport, read_activity


def test_a_gpx_distance_is_the_one_on_the_map() -> None:
    """A hilly 4.6 km: the 3D length is longer than what a watch or Strava would say."""
    data = gpx_bytes(START, 28, 4.58, every=6, climb=1.5)
    parsed = gpxpy.parse(data.decode())
    assert parsed.length_3d() > parsed.length_2d() + 10  # the hills make a difference
    activity = read_activity("hilly.gpx", data)
    assert activity.distance_m == pytest.approx(parsed.length_2d(), rel=1e-9)
    assert activity.distance_m == pytest.approx(4580, rel=0.01)


def test_a_fit_without_a_summary_heart_rate_takes_the_records_average() -> None:
    data = fit_bytes(START, 30, 5.0, hr=145, every=5, summary_hr=False)
    beats = []
    with fitdecode.FitReader(io.BytesIO(data)) as fit:
        for frame in fit:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                beats.append(frame.get_value("heart_rate"))
    activity = read_activity("fenix.fit", data)
    assert activity.avg_hr == pytest.approx(sum(beats) / len(beats))
    assert 145 < activity.avg_hr < 165


def test_a_fit_keeps_the_watchs_own_totals() -> None:
    data = fit_bytes(START, 50, 10.3, every=10)
    activity = read_activity("run.fit", data)
    assert activity.distance_m == pytest.approx(10_300)
    assert activity.moving_seconds == 50 * 60


def test_a_gpx_with_few_times_is_not_given_a_made_up_duration() -> None:
    """296 points, 5 of them timed: its length of time is unknown."""
    data = gpx_bytes(START, 59, 4.6, every=12, timed_every=60)
    assert sum(1 for p in gpxpy.parse(data.decode()).get_points_data() if p.point.time) == 5
    with pytest.raises(NothingToImport, match="only 5 of its 296 points have times"):
        read_activity("sparse.gpx", data)


def test_a_gpx_of_waypoints_is_no_track_not_broken() -> None:
    with pytest.raises(NothingToImport, match=r"^no track in it \(only waypoints\)$"):
        read_activity("places.gpx", waypoints_gpx())


def test_the_summary_counts_files_with_nothing_to_import_apart(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "run.gpx").write_bytes(gpx_bytes(START, 30, 5.0))
    (folder / "places.gpx").write_bytes(waypoints_gpx())
    (folder / "sparse.gpx").write_bytes(gpx_bytes(START, 59, 4.6, every=12, timed_every=60))
    (folder / "cut.fit").write_bytes(fit_bytes(START, 30, 5.0)[:70])
    summary = import_files([folder], set())
    assert len(summary.added) == 1
    assert sorted(Path(name).name for name, _ in summary.skipped) == ["places.gpx", "sparse.gpx"]
    [(name, why)] = summary.broken
    assert name.endswith("cut.fit") and why.startswith("the file ends too early")


def test_a_tcx_keeps_the_watchs_own_lap_totals(tmp_path: Path) -> None:
    from tcxreader.tcxreader import TCXReader

    data = tcx_bytes(START, 42, 8.3)
    path = tmp_path / "run.tcx"
    path.write_bytes(data)
    parsed = TCXReader().read(str(path), only_gps=False)
    activity = read_activity("run.tcx", data)
    assert activity.distance_m == pytest.approx(sum(lap.distance for lap in parsed.laps))
    assert activity.moving_seconds == pytest.approx(sum(lap.duration for lap in parsed.laps))
    assert activity.avg_hr == parsed.hr_avg
