"""One answer out of a few, as radio buttons drawn by a single widget: arrows or a click choose."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

CHOSEN, NOT_CHOSEN = "●", "○"
GAP = "    "  # between the answers of a row


class Choice(Widget, can_focus=True):
    """The answers in a row or a column; the chosen one is marked ● and bold, the others ○.

    One widget, not a RadioSet of RadioButtons: the symptom check is the first screen, and a
    widget per answer made its first frame noticeably slower."""

    BINDINGS = [
        Binding("up,left", "move(-1)", "Previous answer", show=False),
        Binding("down,right", "move(1)", "Next answer", show=False),
    ]

    index: reactive[int] = reactive(0)

    def __init__(self, answers: Sequence[str], *, row: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.answers = tuple(answers)
        self.row = row

    def action_move(self, step: int) -> None:
        self.index = min(len(self.answers) - 1, max(0, self.index + step))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        answer = self.answer_at(offset.x, offset.y)
        if answer is not None:
            self.index = answer

    def answer_at(self, x: int, y: int) -> int | None:
        """Which answer is drawn at (x, y) of the content, if any."""
        lines = self.lines(self.content_size.width)
        if not 0 <= y < len(lines):
            return None
        for index, start, end in lines[y][1]:
            if start <= x < end:
                return index
        return None

    def label(self, index: int) -> str:
        mark = CHOSEN if index == self.index else NOT_CHOSEN
        return f"{mark} {self.answers[index]}"

    def lines(self, width: int) -> list[tuple[Text, list[tuple[int, int, int]]]]:
        """The answers laid out in `width` cells: each line's text and, for each answer on it,
        (answer, first cell, end). A row that does not fit becomes a column; an answer longer
        than the width wraps under its own text, so a tap anywhere on it chooses it."""
        width = width if width > 0 else 10_000
        labels = [self.label(index) for index in range(len(self.answers))]
        styles = ["bold" if index == self.index else "" for index in range(len(labels))]
        if self.row and cell_len(GAP.join(labels)) <= width:
            text, spans, start = Text(), [], 0
            for index, label in enumerate(labels):
                if index:
                    text.append(GAP)
                    start += len(GAP)
                text.append(label, style=styles[index])
                spans.append((index, start, start + cell_len(label)))
                start += cell_len(label)
            return [(text, spans)]
        lines: list[tuple[Text, list[tuple[int, int, int]]]] = []
        for index, label in enumerate(labels):
            wrapped = Text(label, style=styles[index]).wrap(self.app.console, max(width - 2, 8))
            for number, part in enumerate(wrapped):
                line = part if number == 0 else Text("  ") + part
                line.rstrip()
                lines.append((line, [(index, 0, width)]))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n").join(line for line, _ in self.lines(self.content_size.width))
