"""The summary at the end of a session: what was done, what changed and why, what comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from backrun_tui.coach.plan import Plan
from backrun_tui.coach.session import Session
from backrun_tui.coach.workout import sets_text
from backrun_tui.context import Context
from backrun_tui.screens.base import css


class SummaryScreen(Screen[None]):
    CSS_PATH = css("summary")
    BINDINGS = [Binding("q,enter", "app.quit", "Quit", id="quit")]

    def __init__(self, ctx: Context, session: Session, plan: Plan) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = session
        self.plan = plan

    def compose(self) -> ComposeResult:
        catalog, workout = self.ctx.catalog, self.session.workout
        complete = workout.finished
        yield Header()
        with VerticalScroll(id="summary"):
            yield Label(
                "Session done. Well done!"
                if complete
                else "Session ended early. Everything you did is saved.",
                id="summary-title",
            )
            yield Label("What you did", classes="heading")
            done_any = False
            for item in workout.items:
                records = workout.sets_of(item.exercise_id)
                if records:
                    done_any = True
                    name = catalog.get(item.exercise_id).name
                    yield Static(f"• {name}: {sets_text(records)}", classes="done")
            if not done_any:
                yield Static("Nothing counted this time.", classes="done")
            yield Label("What changed and why", classes="heading")
            if self.session.decisions:
                for decision in self.session.decisions:
                    yield Static(f"• {decision.text}", classes="change")
            else:
                yield Static("No changes to your plan today.", classes="change")
            yield Label("Your plan for next time", classes="heading")
            names = [catalog.get(i).name for i in self.plan.exercise_ids]
            yield Static(
                "Stretches, then "
                + (
                    ", ".join(names)
                    if names
                    else "no strength work yet (the assessment runs again next time)."
                ),
                id="next-plan",
            )
            yield Static(
                "While your back hurts, keep runs easy and relaxed. See a doctor if the pain "
                "spreads into a leg, you feel unwell, or it does not improve with rest.",
                classes="disclaimer",
            )
        yield Footer(compact=True, show_command_palette=False)
