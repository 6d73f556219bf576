"""Measure importing a generated 3,000-activity Strava-like export and importing it again.

    python benchmarks/import_runs.py [--count 3000] [--keep DIR]

The export is written here (no downloaded data): FIT, GPX and TCX activities of 20-120 min,
gzipped as Strava keeps them, a point every 3 s (a watch's smart recording), with some rides,
some walks and some broken files. Each file is a variant of a few templates made with the
test fixtures' writers, so generating it takes seconds."""

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
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fit_tool.profile.profile_type import Sport  # noqa: E402
from fitdecode.utils import compute_crc  # noqa: E402
from run_fixtures import START, fit_bytes, gpx_bytes, tcx_bytes  # noqa: E402

from backrun_tui.activity_files.importer import import_files  # noqa: E402

TEMPLATE_SERIAL = 0x5EED5EED
DURATIONS = (20, 35, 45, 60, 90, 120)
TARGET_FIRST_S, TARGET_AGAIN_S = 60.0, 3.0


def fit_variant(template: bytes, number: int) -> bytes:
    """The template with its own serial number (so its own digest) and a correct CRC."""
    old = struct.pack("<I", TEMPLATE_SERIAL)
    body = template[:-2].replace(old, struct.pack("<I", number), 1)
    return body + struct.pack("<H", compute_crc(body))


def xml_variant(template: bytes, number: int) -> bytes:
    return template + f"<!-- {number} -->\n".encode()


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
            day = START + timedelta(days=n)
            if n % 10 == 9:
                name, sport, data = f"{n}.fit.gz", "Ride", fit_variant(rides, n)
            elif n % 100 == 42:
                name, sport, data = f"{n}.fit.gz", "Run", fit_variant(fits[minutes], n)[:500]
            elif n % 5 in (1, 3):
                name, sport, data = f"{n}.gpx.gz", "Run", xml_variant(gpxs[minutes], n)
            elif n % 5 == 2:
                name, sport, data = f"{n}.tcx.gz", "Run", xml_variant(tcxs[minutes], n)
            else:
                name, sport, data = f"{n}.fit.gz", "Run", fit_variant(fits[minutes], n)
            archive.writestr(f"activities/{name}", gzip.compress(data, compresslevel=1, mtime=0))
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
    began = time.perf_counter()
    again = import_files([export], known={r.fingerprint for r in first.added})
    again_s = time.perf_counter() - began
    print(
        f"first import: {first_s:.1f} s (target <= {TARGET_FIRST_S:.0f} s): "
        f"{len(first.added)} runs, {first.not_runs} not runs, {len(first.broken)} broken"
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
