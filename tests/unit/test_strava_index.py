"""A Strava export's activities.csv read by meaning, in whatever language or year it was made:
localised and lowercase headers, files it names that the ZIP lacks, and an index that cannot
be read (every file is then read for its own sport, and the summary says so)."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from run_fixtures import START, fit_bytes, gpx_bytes, gz, strava_zip

from backrun_tui.runs.importer import import_files

GERMAN = ("Aktivitäts-ID", "Aktivitätsdatum", "Name der Aktivität", "Aktivitätsart", "Dateiname")
FRENCH = ("ID de l'activité", "Date de l'activité", "Nom", "Type d'activité", "Nom du fichier")
OLD = ("id", "date", "name", "type", "filename")
UNNAMED = ("a", "b", "c", "d", "e")  # no header backrun knows: the file names are found by eye


def export(tmp_path: Path, headers: tuple[str, ...], run: str, ride: str) -> Path:
    path = tmp_path / "export.zip"
    path.write_bytes(
        strava_zip(
            [
                ("1.fit.gz", run, gz(fit_bytes(START, 50, 10.0))),
                # a ride whose file names no sport: only the index says it is not a run
                ("2.gpx", ride, gpx_bytes(START + timedelta(days=1), 60, 30.0, sport=None)),
                ("3.gpx", run, gpx_bytes(START + timedelta(days=2), 30, 5.0, sport="9")),
            ],
            headers=headers,
            not_in_zip=("4.gpx",),
        )
    )
    return path


@pytest.mark.parametrize(
    ("headers", "run", "ride"),
    [
        (GERMAN, "Lauf", "Radfahrt"),
        (FRENCH, "Course à pied", "Vélo"),
        (OLD, "Run", "Ride"),
        (UNNAMED, "Run", "Ride"),
    ],
    ids=["german", "french", "old-lowercase", "unnamed-columns"],
)
def test_a_localised_or_older_index_is_read_by_meaning(
    tmp_path: Path, headers: tuple[str, ...], run: str, ride: str
) -> None:
    summary = import_files([export(tmp_path, headers, run, ride)], known=())
    if headers is UNNAMED:  # the type column cannot be told: each file's own sport decides
        assert [r.minutes for r in summary.added] == [50, 60]
        assert "names no activity types backrun can read" in summary.notes[0]
        return
    assert [r.minutes for r in summary.added] == [50, 30]  # the run the index names, type "9"
    assert summary.not_runs == 1
    assert summary.missing == ["export.zip:activities/4.gpx"]
    assert summary.notes == []


def test_an_index_without_file_names_falls_back_to_the_files_and_says_so(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as out:
        out.writestr("activities.csv", "nothing useful here\nx,y\n")
        out.writestr("activities/1.fit", fit_bytes(START, 50, 10.0))
    summary = import_files([broken], known=())
    assert [r.minutes for r in summary.added] == [50]
    [note] = summary.notes
    assert "broken.zip:activities.csv could not be read as Strava's list" in note
    assert "every file was read" in note


def test_the_summary_lists_what_the_export_lacks_and_what_it_could_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from backrun_tui.cli import main as cli

    path = export(tmp_path, GERMAN, "Lauf", "Radfahrt")
    assert cli.main(["runs", "import", "--data-dir", str(tmp_path / "data"), str(path)]) == 0
    said = capsys.readouterr().out
    assert "Added: 2 runs" in said and "Skipped, not runs: 1" in said
    assert "Listed in the export, but not in it: 1" in said
    assert "export.zip:activities/4.gpx: its file is missing from the export" in said
