"""A second backrun on a data folder that one is using: it shows its first screen for a moment,
then says which backrun is running, and ends with status 3, changing nothing; the first one
carries on."""

from __future__ import annotations

from pathlib import Path

from walk import Launch, start


def data_files(folder: Path) -> dict[str, bytes]:
    """Every data file's bytes (the lock file names whoever holds it, and a write's temporary
    file comes and goes, so they are left out)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "backrun.lock" and not p.name.startswith(".")
    }


def test_a_second_backrun_says_which_is_running_and_changes_nothing(
    launch: Launch, data: Path
) -> None:
    first = launch()
    start(first)
    first.wait_for(first.opened)
    first.settle(quiet=0.5)  # what the first one writes as it opens the folder is written
    before = data_files(data)
    second = launch()
    assert second.wait_exit() == 3
    second.wait_for("already running")  # on the terminal, once its screen is gone
    second.wait_for(b"this one changed nothing", f"(process {first.pid} ".encode())
    assert "Traceback" not in second.text()
    assert data_files(data) == before
    first.press("2", then="2/10")  # the first one carries on
    first.press("ctrl+q")
    assert first.wait_exit() == 0
