"""The quick question after an exercise (painful / too hard / just right / too easy), and the
pain question when an exercise is flagged painful."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from backrun_tui.coach.ladder.feedback import RATING_LABELS, RATINGS, Rating
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.key_legend import footer
from backrun_tui.tui.widgets.pain_scale import PainScale

Answer = tuple[Rating, int | None]


class FeedbackScreen(ModalScreen[Answer | None]):
    """Dismisses with (rating, pain); pain is asked only when the exercise was painful.
    With `pain_only`, it is the painful flag: it asks the pain and may be cancelled (None)."""

    CSS_PATH = css("dialogs")
    BINDINGS = [
        *[
            Binding(str(n), f"rate({n})", RATING_LABELS[r], id=r)
            for n, r in enumerate(RATINGS, start=1)
        ],
        Binding("enter", "confirm_pain", "Confirm pain", id="confirm"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, exercise_name: str, *, pain_only: bool = False, pain_now: int = 5) -> None:
        """`pain_now`: where the pain scale starts (today's pain at the check)."""
        super().__init__()
        self.exercise_name = exercise_name
        self.pain_only = pain_only
        self.pain_now = pain_now
        self.asking_pain = pain_only

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="feedback"):
            if self.pain_only:
                yield Label(
                    f"{self.exercise_name} hurts: we'll stop it and find an easier one.",
                    classes="question",
                )
            else:
                yield Label(f"How was {self.exercise_name}?", classes="question")
                choices = "   ".join(
                    f"{n} {RATING_LABELS[r]}" for n, r in enumerate(RATINGS, start=1)
                )
                yield Static(choices, id="choices")
            yield Label("How bad is the pain (0-10)? Enter to confirm.", id="pain-question")
            yield PainScale(value=self.pain_now, id="pain")
        yield from footer()

    def on_mount(self) -> None:
        if not self.query("#pain-question"):
            return  # taken down before it was up (backrun quitting as the dialog opened)
        self.show_pain(self.asking_pain)

    def show_pain(self, visible: bool) -> None:
        self.asking_pain = visible
        self.query_one("#pain-question").display = visible
        pain = self.query_one(PainScale)
        pain.display = visible
        pain.disabled = not visible  # a hidden scale must not take the rating digits
        if visible:
            pain.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":
            return not self.asking_pain
        if action == "confirm_pain":
            return self.asking_pain
        if action == "cancel":
            return self.pain_only or self.asking_pain
        return True

    def action_rate(self, number: int) -> None:
        rating = RATINGS[number - 1]
        if rating == "painful":
            self.show_pain(True)
        else:
            self.dismiss((rating, None))

    def action_confirm_pain(self) -> None:
        self.dismiss(("painful", self.query_one(PainScale).value))

    def action_cancel(self) -> None:
        if self.pain_only:
            self.dismiss(None)
        else:
            self.show_pain(False)
