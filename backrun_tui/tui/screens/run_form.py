"""Log a run by hand, or correct one: day, start, minutes, km, effort and the back afterwards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Static

from backrun_tui.coach.running.run_log import EntryProblem, entry_texts, parse_entry, run_words
from backrun_tui.coach.running.runs import Run
from backrun_tui.coach.session.events import RunEdited, RunLogged
from backrun_tui.coach.session.session_state import Transition
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.screens.form import FormScreen
from backrun_tui.tui.session_view import SessionView, tell_coach
from backrun_tui.tui.widgets.key_legend import footer

# In screen order: (field, label, placeholder, width).
FIELDS = (
    ("day", "Day (today, yesterday or YYYY-MM-DD)", "", 12),
    ("start", "Start time (empty: just finished)", "", 7),
    ("minutes", "Minutes running (45, or 1:05)", "", 7),
    ("km", "Distance (km, such as 5.2)", "", 7),
    ("effort", "Effort 1-10 (optional)", "", 4),
    ("back", "Back afterwards 0-10 (optional)", "", 4),
)
FIELD_NAMES = {
    "day": "Day",
    "start": "Start time",
    "minutes": "Minutes",
    "km": "Distance",
    "effort": "Effort",
    "back": "Back afterwards",
}
SOURCES = {
    "gpx": "from a GPX file",
    "tcx": "from a TCX file",
    "fit": "from a FIT file",
    "manual": "logged by hand",
}
SCALES = (
    "Effort: 1 very easy, 3 easy enough to chat, 5 steady, 7 hard, 10 all-out.\n"
    "Back afterwards: your back pain after the run, 0 none to 10 the worst."
)


class RunFormScreen(FormScreen):
    """Sends the run to the coach as an event (the service saves it); dismisses with True when it
    was logged or changed, False when cancelled."""

    CSS_PATH = css("run_form")
    AUTO_FOCUS = "#minutes"

    def __init__(self, view: SessionView, run: Run | None = None) -> None:
        """run: the run to correct; without one, a new run is logged."""
        super().__init__()
        self.view = view
        self.run = run

    def compose(self) -> ComposeResult:
        texts = {"day": "today"} if self.run is None else entry_texts(self.run)
        yield Header()
        with VerticalScroll(id="run-form"):
            if self.run is None:
                yield Label("Log a run", classes="heading")
            else:
                source = SOURCES[self.run.source]
                yield Label(
                    f"Correct the run of {run_words(self.run)} ({source})", classes="heading"
                )
            for field, label, placeholder, width in FIELDS:
                with Horizontal(classes="row"):
                    yield Label(label, classes="label")
                    box = Input(
                        texts.get(field, ""),
                        placeholder=placeholder,
                        id=field,
                        max_length=12,
                        compact=True,
                    )
                    box.styles.width = width
                    yield box
            yield Static(SCALES, classes="scales")
            yield Static("", id="problem")
            with Horizontal(id="form-buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)
        yield from footer()

    def on_mount(self) -> None:
        self.sub_title = "Enter or Ctrl+S saves · Esc cancels"

    def action_save(self) -> None:
        texts = {field: self.query_one(f"#{field}", Input).value for field, *_ in FIELDS}
        try:
            entry = parse_entry(texts, self.view.now())
        except EntryProblem as problem:
            lines = "\n".join(f"• {text}" for _, text in problem.problems)
            name = FIELD_NAMES[problem.field]
            fix = "Fix this" if len(problem.problems) == 1 else "Fix these"
            self.show_problem(f"Not saved. {fix}; the cursor is on {name}:\n{lines}", problem.field)
            return
        event = RunLogged(entry) if self.run is None else RunEdited(self.run, entry)
        app, view = self.app, self.view

        def said(step: Transition) -> None:
            if view.unsaved:
                app.notify(view.unsaved, severity="warning", timeout=10)
            else:
                app.notify(step.message or "Saved.")

        tell_coach(self, event, then=said)
        self.dismiss(True)
