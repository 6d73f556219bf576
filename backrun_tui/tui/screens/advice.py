"""Today's advice after the symptom check, in plain words, and what the runner may do next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Label, Static

from backrun_tui.coach.ladder.workout import EVERYTHING_HURT
from backrun_tui.coach.safety.triage import ADVICE_GO, TriageResult
from backrun_tui.coach.session.writes import SaveRun
from backrun_tui.tui.command_table import key_binding
from backrun_tui.tui.screens.base import css, recompose_keeping_focus
from backrun_tui.tui.widgets.key_legend import footer

if TYPE_CHECKING:
    from backrun_tui.coach.session.session_state import Transition
    from backrun_tui.tui.session_view import SessionView

Choice = Literal["train", "stretches", "recheck", "quit"]

OUTCOME_TITLES = {
    "urgent": "Get help now",
    "doctor_soon": "See a doctor soon",
    "flare_up": "A flare-up day",
    "go": "Good to train",
}
SEVERE_TITLE = "A severe pain day"
RESTING_TITLE = "Your exercises are resting"
UPPER_BACK_LINE = "Wall Lateral Pull-Downs joins your plan for the upper back."
LOG_HINT = "Press l to log a run by hand; this advice then counts it."
# A training day made lighter by the day after a session (see the note under it): not headed
# "Good to train / Train as planned" above "today is lighter".
LIGHTER_TITLE = "A lighter day"
LIGHTER_HEADLINE = "You can train today, more gently than planned."
LIGHTER_ADVICE = "Your plan with one set fewer: slowly, without pain, with good form."


class AdviceScreen(Screen[Choice]):
    """Shows the triage result; dismisses with what the runner chose to do."""

    CSS_PATH = css("advice")
    BINDINGS = [
        Binding("enter", "choose('train')", "Start", id="train"),
        Binding("s", "choose('stretches')", "Stretches only", id="stretches"),
        Binding("c", "choose('recheck')", "Change answers", id="recheck"),
        key_binding("log_run"),
        Binding("q", "choose('quit')", "Quit", id="quit"),
    ]

    def __init__(
        self,
        result: TriageResult,
        notes: list[str] | None = None,
        *,
        first_run: bool = False,
        view: SessionView | None = None,
        pain: int = 0,
        lighter: bool = False,
        all_resting: bool = False,
    ) -> None:
        """first_run: no plan yet, so training starts by finding the runner's exercises.
        view and pain: on a day with running, the advice comes from the runner's own runs
        (an easy-run cap while it hurts, a flag on a jump in load), and a run can be logged."""
        super().__init__()
        self.result = result
        self.notes = notes or []
        self.first_run = first_run
        running_day = result.outcome in ("go", "flare_up") and not result.severe
        self.view = view if running_day else None
        self.pain = pain
        self.lighter = lighter and result.outcome == "go"
        # Every strength exercise rests after it hurt: not "train as planned" (the picker, the
        # summary and the report say the same).
        self.all_resting = all_resting and result.allows_strength

    def running_advice(self) -> tuple[str, list[str]]:
        """The running line and the notes on the runner's load."""
        if self.view is None:
            return self.result.running_advice, []
        running, notes = self.view.running_advice(self.pain)
        return running or self.result.running_advice, notes

    def compose(self) -> ComposeResult:
        result = self.result
        yield Header()
        with VerticalScroll(id="advice"):
            title = LIGHTER_TITLE if self.lighter else OUTCOME_TITLES[result.outcome]
            if result.severe:
                title = SEVERE_TITLE
            headline = LIGHTER_HEADLINE if self.lighter else result.headline
            advice = [LIGHTER_ADVICE] if self.lighter else list(result.advice)
            if self.all_resting:
                title, headline = RESTING_TITLE, EVERYTHING_HURT
                advice = [line for line in advice if line != ADVICE_GO]
            yield Label(title, id="outcome", classes=f"outcome-{result.outcome}")
            yield Static(headline, id="headline")
            for line in advice:
                yield Static(f"• {line}", classes="advice")
            if result.add_upper_back_exercise:  # with the training advice, above the running
                yield Static(f"• {UPPER_BACK_LINE}", classes="advice", id="upper-back")
            running, load_notes = self.running_advice()
            for note in self.notes:
                yield Static(f"• {note}", classes="advice note")
            for note in load_notes:
                yield Static(f"• {note}", classes="advice note load")
            if result.reasons:
                yield Static("Because: " + "; ".join(result.reasons), classes="reasons")
            if result.doctor_note:
                yield Static(f"• {result.doctor_note}", classes="advice")
            if result.sciatica_note:
                yield Static(f"• {result.sciatica_note}", classes="advice note")
            yield Static(f"Running: {running}", classes="running", id="running")
            if self.view is not None:
                yield Static(LOG_HINT, classes="advice note", id="log-hint")
            if result.posture_cues:
                yield Static("Posture while running:", classes="posture-title")
                for cue in result.posture_cues:
                    yield Static(f"• {cue}", classes="posture")
            yield Static("backrun gives advice, not a diagnosis.", classes="disclaimer")
        with Horizontal(id="choices"):
            if result.allows_strength:
                if self.all_resting:
                    label = "Gentle stretch"
                elif result.flare_up:
                    label = "Gentle session"
                else:
                    label = "Start" if self.first_run else "My plan"  # no plan yet: first, find it
                yield Button(f"{label} ⏎", id="train", variant="primary", compact=True)
            if result.allows_stretches:
                yield Button("Stretches only (s)", id="stretches", compact=True)
            yield Button("Change answers (c)", id="recheck", compact=True)
            yield Button(
                "Quit (q)", id="quit", compact=True, variant="error" if self._urgent else "default"
            )
        yield from footer()

    @property
    def _urgent(self) -> bool:
        return self.result.outcome == "urgent"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters:
            if parameters[0] == "train":
                return self.result.allows_strength
            if parameters[0] == "stretches":
                return self.result.allows_stretches
        if action == "log_run":
            return self.view is not None
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id))

    def action_log_run(self) -> None:
        """The run form; once a run is logged, the running advice is worked out again."""
        from backrun_tui.tui.screens.run_form import RunFormScreen

        if self.view is not None:
            self.app.push_screen(RunFormScreen(self.view))

    def on_mount(self) -> None:
        if self.view is not None:
            self.view.follow(self, self.on_step)

    def on_step(self, step: Transition) -> None:
        if any(isinstance(write, SaveRun) for write in step.writes):
            self.run_worker(self.advice_again(), group="log-run", exclusive=True)

    async def advice_again(self) -> None:
        """In a worker, not a callback inside another screen's message loop: a recompose
        awaited there waits on that same loop, so every key after it was lost (the footer
        blank, even Ctrl+Q dead)."""
        await recompose_keeping_focus(self)

    def action_choose(self, choice: str) -> None:
        if self.check_action("choose", (choice,)):
            self.dismiss(choice)  # type: ignore[arg-type]
