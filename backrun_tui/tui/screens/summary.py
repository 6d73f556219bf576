"""The summary at the end of a session: what was done, what changed and why, what comes next,
and whether all of it is saved."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from backrun_tui.coach.decisions import chosen_by_runner
from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.workout import EVERYTHING_HURT, everything_hurt, sets_text
from backrun_tui.coach.safety.triage import RUNNING_EASY
from backrun_tui.tui.screens.base import SavedStateChanged, css
from backrun_tui.tui.session_view import SessionView
from backrun_tui.tui.widgets.key_legend import footer


class SummaryScreen(Screen[None]):
    CSS_PATH = css("summary")
    BINDINGS = [Binding("q,enter", "app.quit", "Quit", id="quit")]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def title_text(self) -> str:
        """Done or ended early, and saved only when it really is."""
        session = self.view.state.session
        complete = session is not None and session.workout.finished
        title = "Session done. Well done!" if complete else "Session ended early."
        unsaved = self.view.unsaved
        if unsaved:
            return f"{title} {unsaved} backrun tries again before it quits."
        return title if complete else f"{title} Everything you did is saved."

    def compose(self) -> ComposeResult:
        catalog, state = self.view.catalog, self.view.state
        session = state.session
        assert session is not None
        workout = session.workout
        yield Header()
        with VerticalScroll(id="summary"):
            yield Label(self.title_text(), id="summary-title")
            yield Label("What you did", classes="heading")
            done_any = False
            for item in workout.items:
                records = workout.sets_of(item.exercise_id)
                if records:
                    done_any = True
                    exercise = catalog.get(item.exercise_id)
                    yield Static(
                        f"• {exercise.name}: {sets_text(exercise, records)}", classes="done"
                    )
            if not done_any:
                yield Static("Nothing counted this time.", classes="done")
            coach = [d for d in session.decisions if not chosen_by_runner(d)]
            chosen = [d for d in session.decisions if chosen_by_runner(d)]
            yield Label("What the coach changed and why", classes="heading")
            for decision in coach:
                yield Static(f"• {decision.text}", classes="change")
            if not coach:
                yield Static("No changes from the coach today.", classes="change")
            if chosen:
                yield Label("What you changed", classes="heading")
                for decision in chosen:
                    yield Static(f"• {decision.text}", classes="change")
            yield Label("Your plan for next time", classes="heading")
            yield Static(next_plan_text(catalog, state.plan), id="next-plan")
            running = state.today.result.running_advice if state.today else RUNNING_EASY
            yield Static(
                f"Running: {running} See a doctor if the pain spreads into a leg, you feel "
                "unwell, or it does not improve with rest.",
                classes="disclaimer",
            )
        yield from footer()

    def on_mount(self) -> None:
        self.show_saved_state()

    @on(SavedStateChanged)
    def show_saved_state(self) -> None:
        """Once a failed save succeeds (it is retried), the title says so."""
        title = self.query_one("#summary-title", Label)
        title.update(self.title_text())
        title.set_class(bool(self.view.unsaved), "-unsaved")


def next_plan_text(catalog: Catalog, plan: Plan) -> str:
    """Next time's plan in a line; when every strength exercise rests, the one message the
    advice, the picker and the reports say too."""
    if everything_hurt(catalog, plan):
        return EVERYTHING_HURT
    names = [catalog.get(i).name for i in plan.exercise_ids]
    if names:
        return "Stretches, then " + ", ".join(names)
    return "Stretches, then no strength work yet (the assessment runs again next time)."
