"""The settings screen: sets, rep range, rest, tempo, bell, outdoor, the runner's week (long-run
day, race date) and the name on the report, saved for next time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Static

from backrun_tui.coach.running.schedule import (
    DayProblem,
    day_text,
    parse_long_run_day,
    parse_race_date,
)
from backrun_tui.coach.session.events import SettingsChanged
from backrun_tui.coach.session.session_state import Transition
from backrun_tui.coach.settings import (
    NAME_LIMIT,
    REPS_LIMITS,
    REST_LIMITS,
    SETS_LIMITS,
    TEMPO_LIMITS,
    Settings,
)
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.screens.form import FormScreen
from backrun_tui.tui.session_view import SessionView, tell_coach
from backrun_tui.tui.widgets.key_legend import footer
from backrun_tui.tui.widgets.text_checkbox import TextCheckbox

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
    ("speak", "Spoken cues: the count, the last rep, the last seconds", None),
    ("speak_every_fifth", "Spoken cues: the count only every fifth rep", None),
)
# The runner's week, written as text: (field, label).
WEEK_FIELDS = (
    ("long_run_day", "Usual long-run day (Sun; empty: none)"),
    ("race_date", "Next race (2027-04-25; empty: none)"),
)
NAME_LABEL = "Your name on the physio report (empty: none)"
WEEK_NOTE = (
    "On the day before your long run, and the 3 days before a race and race day, the hardest "
    "rungs (jumps, V-Ups) are left out: they tire the muscles the run needs."
)


class SettingsScreen(FormScreen):
    """Sends the new settings to the coach as an event (the service saves them, and the picker
    below shows today's list anew); dismisses with True when they were changed, False when
    cancelled."""

    CSS_PATH = css("settings")
    AUTO_FOCUS = "#sets"

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.settings = view.state.settings

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings"):
            yield Label("Settings", classes="heading")
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
            for field, label in WEEK_FIELDS:
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    yield Input(
                        self.week_text(field),
                        id=field,
                        max_length=10,
                        compact=True,
                        placeholder="none",  # an empty field is seen as one
                    )
            yield Static(WEEK_NOTE, classes="week-note")
            with Vertical(id="name-row"):  # the name under its label, room for 40 characters
                yield Label(NAME_LABEL)
                yield Input(
                    self.settings.runner_name,
                    id="runner_name",
                    max_length=NAME_LIMIT,
                    compact=True,
                    select_on_focus=False,
                    placeholder="none: the report does not name you",
                )
            yield Static("", id="problem")
            with Horizontal(id="settings-buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)
        yield from footer()

    def week_text(self, field: str) -> str:
        if field == "long_run_day":
            return day_text(self.settings.long_run_day)
        race = self.settings.race_date
        today = self.view.now().date()
        return "" if race is None or race < today else race.isoformat()  # a past race: gone

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
            week = {
                "long_run_day": parse_long_run_day(self.query_one("#long_run_day", Input).value),
                "race_date": parse_race_date(
                    self.query_one("#race_date", Input).value, self.view.now().date()
                ),
            }
        except DayProblem as problem:
            self.show_problem(f"Not saved. {problem}")
            return
        name = " ".join(self.query_one("#runner_name", Input).value.split())
        try:
            settings = Settings(**values, **week, runner_name=name)  # type: ignore[arg-type]
        except ValueError as error:
            self.show_problem(f"Not saved: {error}.")
            return
        app, view = self.app, self.view

        def said(step: Transition) -> None:
            for decision in step.decisions:
                app.notify(decision.text)
            if view.unsaved:
                app.notify(
                    f"The new settings are in use today. {view.unsaved}",
                    severity="warning",
                    timeout=10,
                )
            else:
                app.notify("Settings saved.")

        tell_coach(self, SettingsChanged(settings), then=said)
        self.dismiss(True)
