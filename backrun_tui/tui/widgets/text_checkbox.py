"""A checkbox whose mark is text, "[x]" or "[ ]": ticked and not ticked differ without colour
(plain mode is for screen readers, and some terminals show no colour)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TextCheckbox(Checkbox):
    @property
    def _button(self) -> Content:
        mark = "x" if self.value else " "
        return Content.assemble("[", (mark, self.get_visual_style("toggle--button")), "] ")
