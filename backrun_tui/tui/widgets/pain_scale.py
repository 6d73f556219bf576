"""A 0-10 pain scale: left/right or digits to choose (1 then 0 typed quickly is 10), with the
zone shown in words. The number saved is always the number shown."""

from __future__ import annotations

import time

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from backrun_tui.coach.safety.triage import PAIN_MAX, pain_zone
from backrun_tui.tui.widgets.status_line import TOPICS, Messages

ZONE_WORDS = {"green": "mild", "amber": "moderate", "red": "severe"}
ZONE_STYLE = {"green": "bold green", "amber": "bold yellow", "red": "bold red"}
SCALE_TOPIC = "Pain scale"  # the title of its messages
TWO_DIGITS_WITHIN = 1.5  # seconds: a second digit this soon after the first makes one number


def off_the_scale(typed: int, kept: int) -> str:
    """What the scale says when two digits make a number above 10."""
    return f"it goes from 0 to 10, so {typed} is not on it: it stays at {kept}. For 10: 1 0, or t."


class PainScale(Widget, can_focus=True):
    """Pain, 0 (none) to 10 (worst imaginable): arrows step, digits choose, `t` picks 10.

    Two digits typed in a row (the second within TWO_DIGITS_WITHIN seconds) are one number:
    1 then 0 is 10; a number above 10 is refused with a message and the scale keeps its value.
    A single digit, or one typed after a pause or another key, is that number."""

    BINDINGS = [
        Binding("left", "change(-1)", "Less pain", show=False),
        Binding("right", "change(1)", "More pain", show=False),
        *[Binding(str(n), f"digit({n})", str(n), show=False) for n in range(10)],
        Binding("t", "set(10)", "10", show=False),
    ]

    value: reactive[int] = reactive(0)

    def __init__(self, value: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PainScale.value, value)
        self.first_digit: tuple[int, float] | None = None  # a digit that a second may follow

    def action_change(self, delta: int) -> None:
        self.first_digit = None
        self.value = min(PAIN_MAX, max(0, self.value + delta))

    def action_set(self, value: int) -> None:
        self.first_digit = None
        self.value = value

    def action_digit(self, digit: int) -> None:
        now = time.monotonic()
        first = self.first_digit
        self.first_digit = None
        if first is None or now - first[1] > TWO_DIGITS_WITHIN or first[0] == 0:
            self.value = digit
            self.first_digit = (digit, now)
            return
        typed = first[0] * 10 + digit
        if typed > PAIN_MAX:
            self.app.notify(
                off_the_scale(typed, self.value), title=SCALE_TOPIC, severity="warning", timeout=8
            )
            return
        self.value = typed

    def watch_value(self) -> None:
        """A new value: a refusal said before is no longer true."""
        messages = getattr(self.app, "status_messages", None)
        if isinstance(messages, Messages):
            messages.withdraw(TOPICS[SCALE_TOPIC])

    def on_click(self, event: events.Click) -> None:
        """A click or a tap on a number chooses it (the numbers are the first line)."""
        offset = event.get_content_offset(self)
        if offset is not None and offset.y == 0 and 0 <= offset.x < 3 * PAIN_MAX + 4:
            self.action_set(min(PAIN_MAX, offset.x // 3))

    def on_blur(self) -> None:
        self.first_digit = None  # a digit typed after leaving the scale starts afresh

    def render(self) -> Text:
        text = Text()
        for n in range(PAIN_MAX + 1):
            label = f" {n} "
            if n == self.value:
                text.append(f"[{n}]", style=f"reverse {ZONE_STYLE[pain_zone(n)]}")
            else:
                text.append(label, style=ZONE_STYLE[pain_zone(n)].replace("bold ", "dim "))
        zone = pain_zone(self.value)
        text.append(f"   {self.value}/10 {ZONE_WORDS[zone]}", style=ZONE_STYLE[zone])
        text.append(
            "\n 0 = no pain    10 = worst imaginable    (← →, or type 0-10; t = 10)",
            style="dim",
        )
        return text
