"""One answer out of a few, as radio buttons drawn by a single widget: arrows or a click choose."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
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
        if not self.row:
            return y if 0 <= y < len(self.answers) else None
        if y != 0:
            return None
        start = 0
        for index in range(len(self.answers)):
            end = start + cell_len(self.label(index))
            if start <= x < end:
                return index
            start = end + len(GAP)
        return None

    def label(self, index: int) -> str:
        mark = CHOSEN if index == self.index else NOT_CHOSEN
        return f"{mark} {self.answers[index]}"

    def render(self) -> Text:
        text = Text()
        for index in range(len(self.answers)):
            if index:
                text.append(GAP if self.row else "\n")
            style = "bold" if index == self.index else ""
            text.append(self.label(index), style=style)
        return text
