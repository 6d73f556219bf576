"""Yes/no items in one widget: [x] or [ ] in plain text, each item wrapped, never cut short."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from functools import lru_cache

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.widget import Widget

TICKED, NOT_TICKED = "[x] ", "[ ] "
INDENT = " " * len(TICKED)


@lru_cache(maxsize=64)
def wrapped(text: str, width: int) -> tuple[str, ...]:
    """One item's lines at this width, the mark's room left on each."""
    return tuple(textwrap.wrap(text, max(1, width - len(INDENT)))) or ("",)


class Checklist(Widget, can_focus=True):
    """Items ticked with space or a click. The mark is text ("[x]" / "[ ]"), so it reads the
    same without colour or with a screen reader; a long item wraps under its first line.

    One widget and not a SelectionList: that cuts a long item short with "…", and a warning
    sign must be read whole."""

    BINDINGS = [
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("down", "move(1)", "Next", show=False),
        Binding("space", "tick", "Tick", show=False),  # not Enter: that means "go on"
    ]

    cursor: reactive[int] = reactive(0)
    ticked: reactive[frozenset[str]] = reactive(frozenset())

    def __init__(
        self,
        items: Sequence[tuple[str, str]],
        *,
        ticked: frozenset[str] = frozenset(),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """items: (id, text) pairs in the order shown; ticked: the ids ticked to begin with."""
        super().__init__(id=id, classes=classes)
        self.items = tuple(items)
        self.set_reactive(Checklist.ticked, frozenset(ticked) & {i for i, _ in self.items})

    @property
    def selected(self) -> frozenset[str]:
        """The ids ticked now."""
        return self.ticked

    def lines(self, width: int) -> list[tuple[int, str]]:
        """Each line at this width, with the index of the item it belongs to."""
        lines: list[tuple[int, str]] = []
        for index, (_, text) in enumerate(self.items):
            lines.extend((index, line) for line in wrapped(text, width))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        text = Text()
        first_line_of: set[int] = set()
        for number, (index, line) in enumerate(self.lines(self.content_size.width)):
            if number:
                text.append("\n")
            item_id = self.items[index][0]
            if index in first_line_of:
                mark = INDENT
            else:
                first_line_of.add(index)
                mark = TICKED if item_id in self.ticked else NOT_TICKED
            style = "reverse" if self.has_focus and index == self.cursor else ""
            text.append(mark + line, style=style + (" bold" if item_id in self.ticked else ""))
        return text

    def action_move(self, step: int) -> None:
        self.cursor = min(len(self.items) - 1, max(0, self.cursor + step))
        self.show_cursor()

    def action_tick(self) -> None:
        self.toggle(self.cursor)

    def toggle(self, index: int) -> None:
        item_id = self.items[index][0]
        self.ticked = self.ticked ^ {item_id}

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        lines = self.lines(self.content_size.width)
        if offset is not None and 0 <= offset.y < len(lines):
            self.cursor = lines[offset.y][0]
            self.toggle(self.cursor)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def item_lines(self, index: int) -> tuple[int, int]:
        """The first line of one item and the line after its last, in this widget."""
        numbers = [n for n, (i, _) in enumerate(self.lines(self.content_size.width)) if i == index]
        return numbers[0], numbers[-1] + 1

    def show_cursor(self) -> None:
        """Scroll whatever holds this list so the item under the cursor is in view."""
        start, end = self.item_lines(self.cursor)
        content = self.content_region
        region = Region(content.x, content.y + start, content.width, end - start)
        for ancestor in self.ancestors:
            if isinstance(ancestor, Widget) and ancestor.allow_vertical_scroll:
                top = region.y - ancestor.content_region.y + round(ancestor.scroll_y)
                ancestor.scroll_to_region(
                    Region(0, top, 1, region.height), animate=False, immediate=True
                )
                return
