"""The settings screen: sets, rep range, rest, tempo, bell and outdoor, saved for next time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Static

from backrun_tui.coach.events import SettingsChanged
from backrun_tui.coach.settings import (
    REPS_LIMITS,
    REST_LIMITS,
    SETS_LIMITS,
    TEMPO_LIMITS,
    Settings,
)
from backrun_tui.screens.base import css
from backrun_tui.service import SessionService
from backrun_tui.widgets.key_legend import footer
from backrun_tui.widgets.text_checkbox import TextCheckbox

# In screen order: (field, label, limits); a switch has no limits.
FIELDS: tuple[tuple[str, str, tuple[int, int] | None], ...] = (
    ("sets", "Sets per exercise", SETS_LIMITS),
    ("rep_low", "Fewest reps in the range", REPS_LIMITS),
    ("rep_high", "Most reps in the range", REPS_LIMITS),
    ("rest_seconds", "Rest between sets (seconds)", REST_LIMITS),
    ("bell", "Bell when a rest or hold ends", None),
    ("outdoor", "Training outdoors (swaps in Forward Jump Squats)", None),
    ("tempo", "Tempo mode: backrun counts reps (t)", None),
    ("tempo_up", "Tempo: seconds up per rep", TEMPO_LIMITS),
    ("tempo_down", "Tempo: seconds down per rep", TEMPO_LIMITS),
)


class SettingsScreen(Screen[bool]):
    """Sends the new settings to the service (which saves them and, in the picker, updates
    today's list); dismisses with True when they were changed, False when cancelled."""

    CSS_PATH = css("settings")
    AUTO_FOCUS = "#sets"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self.settings = service.state.settings

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings"):
            for field, label, limits in FIELDS:
                if limits is None:
                    value = getattr(self.settings, field)
                    yield TextCheckbox(label, value, id=field, compact=True)
                    continue
                with Horizontal(classes="row"):
                    yield Label(f"{label} ({limits[0]}-{limits[1]})", classes="label")
                    yield Input(
                        str(getattr(self.settings, field)),
                        id=field,
                        type="integer",
                        max_length=3,
                        compact=True,
                    )
            yield Static("", id="problem")
            with Horizontal(id="settings-buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)
        yield from footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        values: dict[str, int | bool] = {}
        for field, label, limits in FIELDS:
            if limits is None:
                values[field] = self.query_one(f"#{field}", TextCheckbox).value
                continue
            text = self.query_one(f"#{field}", Input).value.strip()
            if not text.isdigit():
                self.show_problem(f"{label}: please enter a whole number.")
                return
            values[field] = int(text)
        try:
            settings = Settings(**values)  # type: ignore[arg-type]
        except ValueError as error:
            self.show_problem(f"Not saved: {error}.")
            return
        step = self.service.apply(SettingsChanged(settings))
        for decision in step.decisions:
            self.notify(decision.text)
        if self.service.unsaved:
            self.notify(
                f"The new settings are in use today. {self.service.unsaved}",
                severity="warning",
                timeout=10,
            )
        else:
            self.notify("Settings saved.")
        self.dismiss(True)

    def show_problem(self, text: str) -> None:
        self.query_one("#problem", Static).update(text)

    def action_cancel(self) -> None:
        self.dismiss(False)
