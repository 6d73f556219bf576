"""The Checklist widget: [x] / [ ] as text, long items wrapped whole, space and clicks tick."""

from __future__ import annotations

from app_helpers import press
from textual.app import App, ComposeResult

from backrun_tui.tui.widgets.checklist import Checklist

ITEMS = (
    ("short", "Chest pain"),
    ("long", "Numbness around the genitals, buttocks, anus or inner thighs"),
    ("last", "Feeling very unwell, with a fever"),
)


class OneList(App[None]):
    CSS = "Checklist { height: auto; width: 30; }"

    def compose(self) -> ComposeResult:
        yield Checklist(ITEMS, ticked=frozenset({"last", "not-an-item"}))


async def test_a_long_item_wraps_whole_under_its_mark() -> None:
    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        lines = str(app.query_one(Checklist).render()).splitlines()
        assert lines[0] == "[ ] Chest pain"
        assert lines[1].startswith("[ ] Numbness around")
        last = next(n for n, line in enumerate(lines) if line.startswith("[x]"))
        assert lines[last].startswith("[x] Feeling very unwell")  # ticked reads as text
        assert last > 2 and all(line.startswith("    ") for line in lines[2:last])  # no mark
        words = " ".join(line[4:].strip() for line in lines[1:last])
        assert words == ITEMS[1][1]  # nothing cut short


async def test_space_and_clicks_tick_and_untick() -> None:
    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        checklist = app.query_one(Checklist)
        checklist.focus()
        await press(pilot, "down", "space")
        assert checklist.selected == {"long", "last"}
        await press(pilot, "enter")  # Enter goes on; it never ticks
        assert checklist.selected == {"long", "last"}
        await pilot.click(Checklist, offset=(6, 0))
        await pilot.pause()
        assert checklist.selected == {"short", "long", "last"}
        await press(pilot, "down", "down", "down", "space")  # the cursor stops at the last
        assert checklist.selected == {"short", "long"}
