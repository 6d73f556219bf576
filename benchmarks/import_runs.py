"""Measure importing a generated 3,000-activity Strava-like export and importing it again.

    python benchmarks/import_runs.py [--count 3000] [--keep DIR]

The export is written here (no downloaded data): FIT, GPX and TCX activities of 20-120 min,
gzipped as Strava keeps them, a point every 3 s (a watch's smart recording), one a day, with
some rides, some broken files, and for one run in seven a second file of the same run in
another format (as when the watch's FIT and Strava's GPX both come in). Each file is a variant
of a few templates made with the test fixtures' writers (its own digest and its own day), so
generating it takes seconds."""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import struct
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fit_tool.profile.profile_type import Sport  # noqa: E402
from fitdecode.utils import compute_crc  # noqa: E402
from run_fixtures import START, fit_bytes, gpx_bytes, tcx_bytes  # noqa: E402

from backrun_tui.runs.importer import import_files  # noqa: E402

TEMPLATE_SERIAL = 0x5EED5EED
DURATIONS = (20, 35, 45, 60, 90, 120)
TARGET_FIRST_S, TARGET_AGAIN_S = 60.0, 3.0


FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


def fit_variant(template: bytes, number: int, days: int) -> bytes:
    """The template with its own serial number (so its own digest), its session starting
    `days` later (the last copy of the start time is the session's) and a correct CRC."""
    body = template[:-2].replace(struct.pack("<I", TEMPLATE_SERIAL), struct.pack("<I", number), 1)
    start = struct.pack("<I", round((START - FIT_EPOCH).total_seconds()))
    at = body.rfind(start)
    moved = struct.pack("<I", round((START + timedelta(days=days) - FIT_EPOCH).total_seconds()))
    body = body[:at] + moved + body[at + 4 :]
    return body + struct.pack("<H", compute_crc(body))


def xml_variant(template: bytes, number: int, days: int) -> bytes:
    day = f"{START + timedelta(days=days):%Y-%m-%d}T".encode()
    return template.replace(f"{START:%Y-%m-%d}T".encode(), day) + f"<!-- {number} -->\n".encode()


def build_export(path: Path, count: int) -> None:
    fits = {m: fit_bytes(START, m, m / 6, every=3, serial=TEMPLATE_SERIAL) for m in DURATIONS}
    rides = fit_bytes(START, 90, 40.0, sport=Sport.CYCLING, every=3, serial=TEMPLATE_SERIAL)
    gpxs = {m: gpx_bytes(START, m, m / 6, every=3) for m in DURATIONS}
    tcxs = {m: tcx_bytes(START, m, m / 6, every=3) for m in DURATIONS}
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(["Activity ID", "Activity Date", "Activity Type", "Filename"])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for n in range(count):
            minutes = DURATIONS[n % len(DURATIONS)]
            day = START - timedelta(days=n)  # one a day, going back: none in the future
            files = []
            if n % 10 == 9:
                files.append((f"{n}.fit.gz", "Ride", fit_variant(rides, n, -n)))
            elif n % 100 == 42:
                files.append((f"{n}.fit.gz", "Run", fit_variant(fits[minutes], n, -n)[:500]))
            elif n % 5 in (1, 3):
                files.append((f"{n}.gpx.gz", "Run", xml_variant(gpxs[minutes], n, -n)))
            elif n % 5 == 2:
                files.append((f"{n}.tcx.gz", "Run", xml_variant(tcxs[minutes], n, -n)))
            else:
                files.append((f"{n}.fit.gz", "Run", fit_variant(fits[minutes], n, -n)))
                if n % 7 == 0:  # the same run again, as Strava's GPX of it
                    files.append((f"{n}-strava.gpx.gz", "Run", xml_variant(gpxs[minutes], n, -n)))
            for name, sport, data in files:
                packed = gzip.compress(data, compresslevel=1, mtime=0)
                archive.writestr(f"activities/{name}", packed)
                writer.writerow([n, f"{day:%b %d, %Y}", sport, f"activities/{name}"])
        archive.writestr("activities.csv", index.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--keep", type=Path, help="keep the generated export in DIR")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="backrun-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / f"export_{args.count}.zip"
    began = time.perf_counter()
    if not export.exists():
        build_export(export, args.count)
    print(
        f"export: {export} ({export.stat().st_size / 2**20:.0f} MiB), "
        f"made in {time.perf_counter() - began:.1f} s"
    )
    began = time.perf_counter()
    first = import_files([export], known=())
    first_s = time.perf_counter() - began
    kept = first.added
    known = {r.fingerprint for r in kept} | {alias for r in kept for alias in r.aliases}
    began = time.perf_counter()
    again = import_files([export], known=known, kept=kept)
    again_s = time.perf_counter() - began
    print(
        f"first import: {first_s:.1f} s (target <= {TARGET_FIRST_S:.0f} s): "
        f"{len(first.added)} runs, {len(first.same_run)} the same run as another file, "
        f"{first.not_runs} not runs, {len(first.broken)} broken"
    )
    print(
        f"re-import:    {again_s:.1f} s (target <= {TARGET_AGAIN_S:.0f} s): "
        f"{len(again.added)} added, {again.already} already there"
    )
    ok = first_s <= TARGET_FIRST_S and again_s <= TARGET_AGAIN_S
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
