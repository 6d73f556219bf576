"""The `backrun` command's entry point: starts the command line tuned for a quick first frame."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

# Seconds a thread may hold the interpreter while another waits for it, during start-up: the
# thread that writes Textual's output gets it at once, so the first frame reaches the terminal
# as soon as it is drawn, not after the frames and the work that follow it (about 12 ms sooner
# at 100x30; see benchmarks/README.md). Python's own is 0.005.
START_UP_SWITCH_INTERVAL = 0.0005


def main(argv: Sequence[str] | None = None) -> int:
    """Run `backrun`. Start-up makes only objects that live as long as the program, so walking
    them for garbage is wasted time: the collector is off until the day has started (see
    `BackrunApp.settle_in`), and the switch interval short until the first screen is painted
    (`BackrunApp.after_first_frame`); or both until a command-line command is done."""
    gc.disable()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(START_UP_SWITCH_INTERVAL)
    try:
        from backrun_tui.cli.main import main as run_cli

        return run_cli(argv)
    finally:
        sys.setswitchinterval(interval)
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
