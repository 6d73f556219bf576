"""The screens around a session: history and runs with five years behind them, settings, help,
the palette, exports, and a terminal too small. Each opens, reads whole, and gives its keys
back to the screen below when it closes."""

from __future__ import annotations

import re
from pathlib import Path

from backrun_terminal import SIZES, Backrun
from walk import (
    HELP_TITLE,
    Launch,
    from_palette,
    keys_work,
    read_json,
    see_advice,
    seed_plan,
    start,
    start_after_history,
)

TEXTUAL_ENTRIES = ("Maximize", "Screenshot", "Show help for the focused widget", "as soon as")


def test_history_and_runs_with_five_years(launch: Launch, five_years: Path) -> None:
    term = launch()
    start_after_history(term)
    term.settle()
    from_palette(term, "history", "This week:")
    streak = re.search(r"streak: (\d+) weeks in a row", term.flat())
    assert streak is not None
    term.wait_for(lambda: int(re.findall(r"streak: (\d+) weeks", term.flat())[0]) > 250)
    keys_work(term, "This week:")
    term.press("escape", then="Pain right now")
    from_palette(term, "runs", "Running per week, last 12 weeks")
    term.wait_for("km in these 12 weeks")
    keys_work(term, "Running per week")
    term.press("escape", then="Pain right now")
    keys_work(term, "Pain right now")


def test_settings_saved_from_the_picker(launch: Launch, data: Path) -> None:
    seed_plan(data)
    term = launch()
    see_advice(term, "2")
    term.press("enter", then="Today")
    term.settle()
    term.press("g", then=["Settings", "Sets per exercise"])
    term.press("backspace", "2", then="2")  # 3 sets -> 2
    term.press("ctrl+s", then="Today")
    term.wait_for("Settings saved")  # said on the picker's line (its list may be below the fold)
    keys_work(term, "Today")
    assert read_json(data / "state.json")["settings"]["1"]["sets"] == 2


def test_help_reads_on_with_its_keys(launch: Launch, size: str) -> None:
    term = launch()
    start(term)
    term.settle()
    term.press("f1", then=HELP_TITLE)
    if not term.narrow:
        term.wait_for("PgDn Next page", "esc Close")
    first = term.rows()[2:10]
    term.press("pagedown")
    term.wait_for(lambda: term.rows()[2:10] != first)
    term.press("escape")
    term.wait_gone(HELP_TITLE)
    keys_work(term, "Pain right now")


def test_the_palette_holds_backruns_commands_in_its_words(launch: Launch) -> None:
    term = launch()
    start(term)
    term.settle()
    term.press("ctrl+p", then="Search for commands")
    term.press(*"e", then="Export")  # narrows the list to what fits on any size
    for entry in TEXTUAL_ENTRIES:
        assert not term.shows(entry), entry
    term.press("backspace", *"theme", then="The colours of backrun")
    term.press("escape")
    term.wait_gone("Search for commands")
    keys_work(term, "Pain right now")


def test_export_from_the_palette_names_the_files(launch: Launch, data: Path) -> None:
    term = launch()
    start(term)
    term.settle()
    from_palette(term, "export", "Wrote backrun-")
    names = sorted(p.name for p in (data / "exports").iterdir())
    assert [Path(n).suffix for n in names] == [".csv", ".html", ".json", ".md"]
    for name in names:
        assert term.shows(name), name
    keys_work(term, "Pain right now")


def test_export_on_the_command_line_in_each_format(size: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed_plan(data)
    for fmt, suffix in (("csv", "csv"), ("json", "json"), ("markdown", "md"), ("html", "html")):
        out = tmp_path / f"report.{suffix}"
        with Backrun(data, size, "export", "--format", fmt, "-o", str(out)) as term:
            assert term.wait_exit(30) == 0, term.text()
        assert out.stat().st_size > 0, fmt
    assert read_json(tmp_path / "report.json")["plan"]["exercise_ids"][0] == "superman"
    assert "<html" in (tmp_path / "report.html").read_text().lower()


def test_a_terminal_too_small_says_so_and_comes_back(launch: Launch, size: str) -> None:
    term = launch()
    start(term)
    term.settle()
    columns, rows, plain = SIZES[size]
    term.resize(40, 12)
    term.wait_for("This terminal is 40x12", "Please make the window bigger")
    term.wait_for("60x18" if plain else "80x24", "(Ctrl+Q quits.)")  # whole, even at 40 columns
    term.settle()  # a person reads it, then makes the window bigger
    term.resize(columns, rows)
    term.wait_gone("Please make the window bigger")
    keys_work(term, "Pain right now")
    term.press("ctrl+q")
    assert term.wait_exit() == 0
