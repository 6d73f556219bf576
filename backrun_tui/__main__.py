"""The `backrun` command's entry point: starts the command line with the collector held off."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run `backrun`. Start-up makes only objects that live as long as the program, so walking
    them for garbage is wasted time: the collector is off until the first screen is painted
    (see `BackrunApp.after_first_frame`), or until a command-line command is done."""
    gc.disable()
    try:
        from backrun_tui.cli.main import main as run_cli

        return run_cli(argv)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
