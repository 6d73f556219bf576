"""What backrun's first frame costs, part by part: the same launch-to-first-screen measure as
`run.py`, for apps that each add one part (Textual's header and footer, the check's layout in
Textual's own widgets, backrun's check screen without the store or the coach, then backrun)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from run import FLOOR_APP, FLOOR_TEXT, app_argv, first_frame_ms

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from terminal_screen import child_env  # noqa: E402  (the tests' harness, shared)

PUSHED = "    def on_mount(self):\n        self.call_later(lambda: self.push_screen(Shown()))\n"
# Each app shows the four texts the benchmark waits for, in a screen pushed after mounting
# (as backrun does), with a header and a footer from "header" on.
PARTS = {
    "header+footer": f"""
from textual.app import App
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

class Shown(Screen):
    def compose(self):
        yield Header()
        yield Static({FLOOR_TEXT!r})
        yield Footer()

class Parts(App[None]):
{PUSHED}
Parts().run()
""",
    "stock check": f"""
from textual.app import App
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

class Shown(Screen):
    def compose(self):
        yield Header()
        with VerticalScroll():
            yield Label("How is your back today? This check advises; it never diagnoses.")
            yield Label("Pain right now (0-10)")
            yield Static(" 0  1  2  3  4  5  6  7  8  9  10    0/10 mild")
            yield Label("Where is the pain?")
            yield Static("Lower back    Upper back    Both")
            yield Label("Anything in your legs?")
            yield Static("No leg symptoms\\nPain in one leg\\nPain in both legs")
        yield Footer()

class Parts(App[None]):
{PUSHED}
Parts().run()
""",
    "check screen": f"""
from textual.app import App
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.screens.symptom_check import SymptomCheckScreen as Shown

class Parts(App[None]):
    CSS_PATH = css("app")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-normal")]
{PUSHED.replace("Shown()", "Shown(complete=False)")}
Parts().run()
""",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=15, help="launches of each (default 15)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="backrun-parts-") as tmp:
        scratch = Path(tmp)
        env = child_env(pycache=scratch / "pycache")
        launch: dict[str, list[str]] = {}
        for name, source in {"floor": FLOOR_APP, **PARTS}.items():
            path = scratch / f"{name.replace(' ', '_').replace('+', '_')}.py"
            path.write_text(source)
            launch[name] = [sys.executable, str(path)]
        (scratch / "data").mkdir()
        launch["backrun"] = app_argv(scratch / "data")
        frames: dict[str, list[float]] = {name: [] for name in launch}
        for round_ in range(args.times + 1):  # interleaved; the first round fills the caches
            for name, command in launch.items():
                shown, _ = first_frame_ms(command, env)
                if round_:
                    frames[name].append(shown)
    floor = statistics.median(frames["floor"])
    for name, times in frames.items():
        median = statistics.median(times)
        print(f"{name:<14} {median:7.1f} ms  {median / floor:.2f}x the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
