"""A rep tap in a terminal with spoken cues on (issue 27): `run.py`'s tap measure on the empty
folder, with `--speak` and without, alternating, so speech is seen not to delay a tap. Speech
runs through this computer's own program (espeak-ng here): install it first, or the app only
says that there is none.

    python benchmarks/spoken_taps.py [--rounds 2] [--taps 95]"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import run
from terminal_screen import child_env

from backrun_tui.speech.voice import speech_command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--taps", type=int, default=run.MAX_TAPS)
    args = parser.parse_args()
    print(f"speech program: {speech_command() or 'none (the app says so and stays silent)'}")
    scratch = Path(tempfile.mkdtemp(prefix="backrun-spoken-taps-"))
    plain_argv = run.app_argv
    try:
        folders = run.make_folders(scratch, 0.1, seed=1)
        env = child_env(pycache=scratch / "pycache")
        results: dict[str, list[dict[str, float]]] = {"off": [], "on": []}
        for _ in range(args.rounds):
            for mode in ("off", "on"):
                extra = ["--speak"] if mode == "on" else []
                run.app_argv = lambda data_dir, extra=extra: [*plain_argv(data_dir), *extra]
                results[mode].append(run.tap_run(folders["empty"], scratch, args.taps, env))
    finally:
        run.app_argv = plain_argv
        shutil.rmtree(scratch, ignore_errors=True)
    for mode, runs in results.items():
        p50 = statistics.median(r["p50"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        targets = "target p50 <= 16, p99 <= 33"
        print(f"speech {mode:>3}: tap p50 {p50:.1f} ms, p99 {p99:.1f} ms ({targets})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
