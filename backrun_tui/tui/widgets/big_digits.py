"""Big on-screen digits drawn with pyfiglet (the Figlet font is built once per process)."""

from __future__ import annotations

from functools import lru_cache

import pyfiglet
from textual.reactive import reactive
from textual.widgets import Static

FONT = "ansi_regular"


@lru_cache(maxsize=1)
def _figlet() -> pyfiglet.Figlet:
    return pyfiglet.Figlet(font=FONT, width=200)


@lru_cache(maxsize=256)
def render_big(text: str) -> str:
    """The text in big letters, without the font's blank bottom rows."""
    rendered: str = _figlet().renderText(text)
    return rendered.rstrip()


class BigDigits(Static):
    """Shows `value` in big figlet digits, or as ordinary text when `plain` (screen readers,
    tiny terminals)."""

    value: reactive[str] = reactive("0")

    def __init__(self, value: str = "0", *, plain: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plain = plain
        self.set_reactive(BigDigits.value, value)

    def on_mount(self) -> None:
        self.watch_value(self.value)

    def watch_value(self, value: str) -> None:
        self.update(value if self.plain else render_big(value))
