"""One run is one run: the same run from the watch's FIT file, a Strava export's GPX or TCX,
or one file imported twice (gzipped the second time, so its digest differs) is kept once, the
richer record kept, and the summary says so. A run logged by hand is never replaced."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from run_fixtures import START, fit_bytes, gpx_bytes, gz, strava_zip, tcx_bytes

from backrun_tui.cli import main as cli
from backrun_tui.coach.running.run_matching import merge_runs, same_run
from backrun_tui.coach.running.runs import Run
from backrun_tui.store.repository import Store


def import_into(data: Path, capsys: pytest.CaptureFixture[str], *paths: Path) -> str:
    assert cli.main(["runs", "import", "--data-dir", str(data), *map(str, paths)]) == 0
    return capsys.readouterr().out


def kept_runs(data: Path) -> list[Run]:
    return Store.open_read_only(data).runs(deleted=True)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_gpx_imported_again_inside_a_strava_zip_counts_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    track = gpx_bytes(START, 30, 5.0)
    import_into(data, capsys, write(tmp_path / "morning.gpx", track))
    export = write(tmp_path / "export.zip", strava_zip([("1.gpx.gz", "Run", gz(track))]))
    said = import_into(data, capsys, export)
    assert "Added: 0 runs" in said
    assert "The same run as one already there: 1" in said
    assert "export.zip:activities/1.gpx.gz: the same run as the GPX file of" in said
    assert len(kept_runs(data)) == 1
    again = import_into(data, capsys, export, tmp_path / "morning.gpx")
    assert "Already there: 2" in again and "Added: 0 runs" in again  # no loop


def test_the_watchs_fit_and_stravas_gpx_of_one_run_keep_the_richer_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    gpx = write(tmp_path / "strava.gpx", gpx_bytes(START + timedelta(seconds=40), 50, 10.1))
    fit = write(tmp_path / "watch.fit", fit_bytes(START, 50, 10.0, hr=151))
    said = import_into(data, capsys, gpx, fit)
    assert "Added: 1 run" in said and "The same run as one already there: 1" in said
    [run] = kept_runs(data)
    assert (run.source, run.avg_hr) == ("fit", 151)


def test_a_richer_file_later_takes_the_place_of_the_poorer_and_keeps_the_runners_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    import_into(data, capsys, write(tmp_path / "strava.gpx", gpx_bytes(START, 40, 8.0)))
    store = Store.open(data)
    [first] = store.runs()
    store.save_run(Run(**{**first.__dict__, "effort": 6, "back_after": 2}))
    store.close()
    said = import_into(data, capsys, write(tmp_path / "watch.tcx", tcx_bytes(START, 40, 8.0)))
    assert "this richer record takes its place" in said
    [run] = kept_runs(data)
    assert (run.source, run.avg_hr, run.effort, run.back_after) == ("tcx", 145, 6, 2)
    again = import_into(data, capsys, tmp_path / "strava.gpx", tmp_path / "watch.tcx")
    assert "Already there: 2" in again


def test_a_run_logged_by_hand_is_kept_and_the_watch_file_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    store.save_run(Run("manual-1", START + timedelta(minutes=1), 30 * 60, 5000, "manual", effort=4))
    store.close()
    said = import_into(data, capsys, write(tmp_path / "watch.fit", fit_bytes(START, 30, 5.1)))
    assert "the same run as the run you logged by hand for" in said and "yours is kept" in said
    [run] = kept_runs(data)
    assert (run.source, run.effort) == ("manual", 4)


def test_runs_that_differ_are_two_runs() -> None:
    base = Run("a", START, 30 * 60, 5000, "gpx")
    later = Run("b", START + timedelta(minutes=3), 30 * 60, 5000, "fit")
    longer = Run("c", START, 30 * 60, 5400, "fit")  # 8% further
    slower = Run("d", START, 34 * 60, 5000, "fit")
    assert not any(same_run(base, other) for other in (later, longer, slower))
    assert same_run(base, Run("e", START + timedelta(seconds=90), 31 * 60, 5150, "fit"))
    merged = merge_runs([base], [("x", later), ("y", longer), ("z", slower)])
    assert len(merged.added) == 3 and merged.duplicates == []


def test_a_kept_run_without_a_time_zone_is_matched_not_a_crash() -> None:
    naive = Run("old", START.astimezone().replace(tzinfo=None), 30 * 60, 5000, "manual")
    merged = merge_runs([naive], [("watch.fit", Run("new", START, 30 * 60, 5000, "fit"))])
    assert merged.added == [] and "yours is kept" in merged.duplicates[0].why
