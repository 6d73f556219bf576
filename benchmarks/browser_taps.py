"""A tap in the browser (issue 27): `backrun serve` on loopback, headless Chromium at a phone's
size held upright, the rep counter's big count tapped; from the tap (the page's mousedown) to the
new count drawn (the first animation frame after the message that completes its big digits), in
the page's own clock. Beside it, the same taps in a terminal from `run.py`'s measure.

    python benchmarks/browser_taps.py [--taps 50] [--size 390x844]

Needs Debian's Chromium and Playwright (the test extras); nothing is downloaded."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browser_screen import BROWSER_ARGS, CHROMIUM, BrowserScreen  # noqa: E402
from serve_helpers import serving  # noqa: E402

from backrun_tui.tui.widgets.big_digits import render_big  # noqa: E402

TIMING = """
window.__taps = {down: [], frames: []};
document.addEventListener("mousedown", () => window.__taps.down.push(performance.now()), true);
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (!(event.data instanceof ArrayBuffer)) return;
      const entry = [performance.now(), 0, Array.from(new Uint8Array(event.data))];
      window.__taps.frames.push(entry);
      requestAnimationFrame(() => { entry[1] = performance.now(); });
    });
  }
};
"""


TAKE = "() => ({down: window.__taps.down.slice(-1), frames: window.__taps.frames.splice(0)})"


def digit_rows(count: int) -> list[str]:
    return [line.strip() for line in render_big(str(count)).splitlines() if line.strip()]


def has_rows(grid: pyte.Screen, rows: list[str]) -> bool:
    shown = grid.display
    return all(any(row in line for line in shown) for row in rows)


def measure(taps: int, width: int, height: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="backrun-browser-taps-"))
    times: list[float] = []
    try:
        with serving(scratch) as served, sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.add_init_script(TIMING)
            screen = BrowserScreen(page)
            page.goto(served.link)
            screen.wait_for("Pain right now")
            for _ in range(8):  # the warning signs, the everyday activities, the advice
                if "Good to train" in screen.text():
                    break
                screen.tap("Skip for now" if "Skip for now" in screen.text() else "See advice")
                page.wait_for_timeout(700)
            screen.tap("Start", last=True)
            screen.wait_for("Today")
            screen.tap("Start", last=True)
            screen.wait_for("Cat Cow  (1 of")
            page.wait_for_timeout(500)
            grid = pyte.Screen(*screen.sizes[-1])
            stream = pyte.ByteStream(grid)
            for _, _, data in page.evaluate(TAKE)["frames"]:  # the screen up to the counter
                stream.feed(bytes(data))
            column, row, _ = screen.big_digits()
            for count in range(1, taps + 1):
                screen.tap_cell(column, row)
                served.wait_live_count(count)
                page.wait_for_timeout(150)  # drawn, and a runner's pace
                record = page.evaluate(TAKE)
                down = record["down"][-1]
                drawn = None
                for received, painted, data in record["frames"]:
                    stream.feed(bytes(data))
                    if drawn is None and received >= down and has_rows(grid, digit_rows(count)):
                        drawn = painted
                if drawn is None:
                    raise RuntimeError(f"the count {count} was never drawn")
                times.append(drawn - down)
            browser.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=50)
    parser.add_argument("--size", default="390x844", help="the page's size in CSS pixels")
    args = parser.parse_args()
    if CHROMIUM is None:
        print("No Chromium here (apt-get install chromium).", file=sys.stderr)
        return 2
    width, height = (int(part) for part in args.size.split("x"))
    started = time.monotonic()
    times = measure(args.taps, width, height)
    p50 = statistics.median(times)
    p99 = statistics.quantiles(times, n=100, method="inclusive")[98]
    verdict = "pass" if p50 <= 50 else "FAIL"
    print(
        f"browser tap to drawn, {len(times)} taps at {args.size}: p50 {p50:.1f} ms ({verdict}, "
        f"target <= 50), p99 {p99:.1f} ms, max {max(times):.1f} ms "
        f"({time.monotonic() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
