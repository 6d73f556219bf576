"""Importing runs from watch files: each format and .gz, folders, a Strava export ZIP, non-runs
skipped and counted, broken files named with their reason, and a second import adding nothing.
The files are written by tests/run_fixtures.py."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fit_tool.profile.profile_type import Sport
from run_fixtures import START, fit_bytes, gpx_bytes, gz, strava_zip, tcx_bytes

from backrun_tui.coach.ladder.catalog import load_catalog
from backrun_tui.report.export import export
from backrun_tui.runs.importer import import_files
from backrun_tui.runs.readers import BrokenFile, read_activity
from backrun_tui.store.repository import Store

FAR_AHEAD = datetime(2099, 6, 1, 7, 0, tzinfo=UTC)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "minutes", "km", "hr"),
    [
        ("a.gpx", gpx_bytes(START, 30, 5.0), 30, 5.0, None),
        ("a.tcx", tcx_bytes(START, 40, 8.0), 40, 8.0, 145),
        ("a.fit", fit_bytes(START, 50, 10.0), 50, 10.0, 150),
        ("a.gpx.gz", gz(gpx_bytes(START, 30, 5.0)), 30, 5.0, None),
        ("a.tcx.gz", gz(tcx_bytes(START, 40, 8.0)), 40, 8.0, 145),
        ("a.FIT.GZ", gz(fit_bytes(START, 50, 10.0)), 50, 10.0, 150),
    ],
)
def test_each_format_gives_start_time_distance_and_heart_rate(
    name: str, data: bytes, minutes: int, km: float, hr: int | None
) -> None:
    activity = read_activity(name, data)
    assert activity.started_at == START and activity.started_at.utcoffset() == timedelta(0)
    assert activity.moving_seconds == minutes * 60
    assert activity.distance_m == pytest.approx(km * 1000, rel=0.01)
    assert activity.avg_hr == hr
    assert activity.ascent_m is not None and activity.ascent_m > 0


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("cut.fit", fit_bytes(START, 50, 10.0)[:60], r"^the file ends too early.*\(FIT parser: "),
        ("junk.gpx", b"<gpx><trk><trkseg><trkpt lat=", r"^the file ends too early.*\(GPX parser"),
        ("empty.gpx", gpx_bytes(START, 0, 0)[:0] + b"<gpx version='1.1'></gpx>", "no track"),
        ("junk.tcx", b"not xml at all", r"^it is not well-formed XML.*\(TCX parser: "),
        ("bad.fit.gz", b"not gzip", "not a complete gzip file"),
        ("ahead.fit", fit_bytes(FAR_AHEAD, 50, 10.0), "starts on 01 Jun 2099, in the future"),
        ("ahead.gpx", gpx_bytes(FAR_AHEAD, 30, 5.0), "starts on 01 Jun 2099, in the future"),
    ],
    ids=["cut-fit", "junk-gpx", "empty-gpx", "junk-tcx", "bad-gzip", "future-fit", "future-gpx"],
)
def test_a_broken_file_says_why(name: str, data: bytes, why: str) -> None:
    with pytest.raises(BrokenFile, match=why):
        read_activity(name, data)


def test_a_folder_imports_runs_skips_the_rest_and_names_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    write(folder, "run1.gpx", gpx_bytes(START, 30, 5.0))
    write(folder, "deep/run2.tcx", tcx_bytes(START + timedelta(days=1), 40, 8.0))
    write(folder, "run3.fit.gz", gz(fit_bytes(START + timedelta(days=2), 50, 10.0)))
    write(folder, "ride.fit", fit_bytes(START, 90, 40.0, sport=Sport.CYCLING))
    write(folder, "swim.tcx", tcx_bytes(START, 30, 1.0, sport="Other"))
    write(folder, "cut.fit", fit_bytes(START, 50, 10.0)[:60])
    write(folder, "notes.txt", b"not a watch file")  # not looked at in a folder
    done: list[tuple[int, int]] = []
    summary = import_files([folder], known=(), progress=lambda d, t: done.append((d, t)))
    assert [r.minutes for r in summary.added] == [30, 40, 50]  # oldest first
    assert [r.source for r in summary.added] == ["gpx", "tcx", "fit"]
    assert summary.not_runs == 2 and summary.already == 0
    assert [name.rsplit("/", 1)[-1] for name, _ in summary.broken] == ["cut.fit"]
    assert done[-1] == (6, 6) and len(done) == 6

    again = import_files([folder], known={r.fingerprint for r in summary.added})
    assert (len(again.added), again.already) == (0, 3)  # nothing twice


def test_a_strava_export_zip_uses_its_index_for_the_type(tmp_path: Path) -> None:
    export = write(
        tmp_path,
        "export_123.zip",
        strava_zip(
            [
                ("1.fit.gz", "Run", gz(fit_bytes(START, 50, 10.0))),
                ("2.gpx", "Ride", gpx_bytes(START, 60, 30.0, sport=None)),  # no type in the file
                ("3.tcx.gz", "Trail Run", gz(tcx_bytes(START + timedelta(days=3), 70, 11.0))),
                ("4.gpx.gz", "Run", b"broken"),
            ]
        ),
    )
    summary = import_files([export], known=())
    assert [r.minutes for r in summary.added] == [50, 70]
    assert summary.not_runs == 1
    assert summary.broken == [("export_123.zip:activities/4.gpx.gz", summary.broken[0][1])]
    assert "gzip" in summary.broken[0][1]


def test_paths_that_are_not_watch_files_are_named(tmp_path: Path) -> None:
    odd = write(tmp_path, "notes.txt", b"hello")
    fake_zip = write(tmp_path, "fake.zip", b"not a zip")
    summary = import_files([odd, fake_zip, tmp_path / "missing.gpx"], known=())
    reasons = dict(summary.broken)
    assert "not a GPX, TCX or FIT file" in reasons[str(odd)]
    assert "not a readable ZIP file" in reasons[str(fake_zip)]
    assert "no such file or folder" in reasons[str(tmp_path / "missing.gpx")]


def test_many_files_are_parsed_in_worker_processes_with_the_same_result(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for day in range(20):
        write(folder, f"{day:02d}.fit", fit_bytes(START + timedelta(days=day), 30 + day, 5.0))
    in_workers = import_files([folder], known=(), workers=2)
    here = import_files([folder], known=(), workers=1)
    assert in_workers.added == here.added and len(here.added) == 20


def test_runs_are_kept_with_the_same_guarantees_as_the_history(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    write(folder, "a.fit", fit_bytes(START, 50, 10.0))
    summary = import_files([folder], known=())
    store = Store.open(tmp_path / "data")
    store.save_runs(summary.added)
    store.save_runs(summary.added)  # saving again is safe
    store.close()
    path = tmp_path / "data" / "runs.json"
    assert path.stat().st_mode & 0o077 == 0  # private to the user
    again = Store.open(tmp_path / "data")
    assert again.runs() == summary.added
    assert again.run_fingerprints() == {summary.added[0].fingerprint}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backrun_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_the_import_command_shows_progress_a_summary_and_the_runs(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    write(folder, "a.fit", fit_bytes(START, 50, 10.0))
    write(folder, "b.tcx", tcx_bytes(START + timedelta(days=1), 40, 8.0))
    write(folder, "ride.fit", fit_bytes(START, 90, 40.0, sport=Sport.CYCLING))
    write(folder, "cut.fit", b"\x0e\x10")
    data = str(tmp_path / "data")
    first = run_cli("runs", "import", str(folder), "--data-dir", data)
    assert first.returncode == 0, first.stderr
    assert "Reading watch files [" in first.stderr and "4/4" in first.stderr
    assert "Added: 2 runs" in first.stdout and "Skipped, not runs: 1" in first.stdout
    assert "Broken, skipped: 1" in first.stdout and "cut.fit: " in first.stdout
    assert "Traceback" not in first.stderr + first.stdout

    listed = run_cli("runs", "--data-dir", data)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "minutes", "km"]
    assert lines[1].startswith("Mon 02 Nov 2026 07:00  40") and "8.0" in lines[1]
    assert "145 bpm" in lines[1]
    assert lines[2].startswith("Sun 01 Nov 2026 07:00  50")

    again = run_cli("runs", "import", str(folder), "--data-dir", data)
    assert "Added: 0 runs" in again.stdout and "Already there: 2" in again.stdout


def store_with_runs(tmp_path: Path, files: dict[str, bytes]) -> Store:
    """A data folder holding the runs of these watch files, imported."""
    for name, data in files.items():
        write(tmp_path / "watch", name, data)
    store = Store.open(tmp_path / "data")
    store.save_runs(import_files([tmp_path / "watch"], known=()).added)
    return store


def test_a_damaged_run_record_is_set_aside_and_the_rest_kept(tmp_path: Path) -> None:
    two_fits = {
        "a.fit": fit_bytes(START, 50, 10.0),
        "b.fit": fit_bytes(START + timedelta(days=1), 30, 5.0),
    }
    store_with_runs(tmp_path, two_fits).close()
    path = tmp_path / "data" / "runs.json"
    doc = json.loads(path.read_text())
    doc["runs"]["1"]["avg_hr"] = 900
    path.write_text(json.dumps(doc))
    again = Store.open(tmp_path / "data")
    assert [r.minutes for r in again.runs()] == [30]
    assert any("runs.json" in note and "set aside" in note for note in again.notes)


def test_runs_are_in_the_json_export_and_the_report(tmp_path: Path) -> None:
    files = {
        "a.fit": fit_bytes(START, 50, 10.0),
        "b.tcx": tcx_bytes(START + timedelta(days=1), 40, 8.0),
    }
    store = store_with_runs(tmp_path, files)
    document = json.loads(export(store, load_catalog(), "json", START))
    assert [r["moving_seconds"] for r in document["runs"]] == [3000, 2400]  # oldest first
    report = export(store, load_catalog(), "markdown", START)
    assert "## Recent runs" in report
    assert "| Mon 02 Nov 2026 07:00 | 40 | 8.0 |" in report
