"""A 0-10 pain scale: left/right or a digit to choose, with the zone shown in words."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from backrun_tui.coach.triage import pain_zone

ZONE_WORDS = {"green": "mild", "amber": "moderate", "red": "severe"}
ZONE_STYLE = {"green": "bold green", "amber": "bold yellow", "red": "bold red"}


class PainScale(Widget, can_focus=True):
    """Pain, 0 (none) to 10 (worst imaginable): arrows step, digits 0-9 choose, `t` picks 10."""

    BINDINGS = [
        Binding("left", "change(-1)", "Less pain", show=False),
        Binding("right", "change(1)", "More pain", show=False),
        *[Binding(str(n), f"set({n})", str(n), show=False) for n in range(10)],
        Binding("t", "set(10)", "10", show=False),
    ]

    value: reactive[int] = reactive(0)

    def __init__(self, value: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PainScale.value, value)

    def action_change(self, delta: int) -> None:
        self.value = min(10, max(0, self.value + delta))

    def action_set(self, value: int) -> None:
        self.value = value

    def render(self) -> Text:
        text = Text()
        for n in range(11):
            label = f" {n} "
            if n == self.value:
                text.append(f"[{n}]", style=f"reverse {ZONE_STYLE[pain_zone(n)]}")
            else:
                text.append(label, style=ZONE_STYLE[pain_zone(n)].replace("bold ", "dim "))
        zone = pain_zone(self.value)
        text.append(f"   {self.value}/10 {ZONE_WORDS[zone]}", style=ZONE_STYLE[zone])
        text.append(
            "\n 0 = no pain        10 = worst imaginable     (← → or 0-9, t = 10)", style="dim"
        )
        return text
