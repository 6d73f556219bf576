"""The plan view: the current exercises, what is resting, and every change with its reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.plan import Plan
from backrun_tui.coach.retest import COOL_DOWN
from backrun_tui.coach.workout import target_text
from backrun_tui.context import Context
from backrun_tui.screens.base import css

LOG_LINES = 30


def dated(decision: Decision) -> str:
    """ "Superman Pull -> Quadruped Limb Raises: pain 7/10 on 12 Nov"."""
    return f"{decision.text} on {decision.at.day} {decision.at:%b}"


class PlanViewScreen(Screen[None]):
    CSS_PATH = css("plan_view")
    BINDINGS = [Binding("escape,q,v", "app.pop_screen", "Back", id="back")]

    def __init__(self, ctx: Context, plan: Plan, pending: tuple[Decision, ...] = ()) -> None:
        super().__init__()
        self.ctx = ctx
        self.plan = plan
        self.pending = pending

    def compose(self) -> ComposeResult:
        catalog = self.ctx.catalog
        yield Header()
        with VerticalScroll(id="plan-view"):
            yield Label("Your plan", classes="heading")
            yield Static("Stretches: " + ", ".join(e.name for e in catalog.stretches()))
            if not self.plan.exercise_ids:
                yield Static("No strength exercises yet: the assessment picks them.")
            for exercise_id in self.plan.exercise_ids:
                exercise = catalog.get(exercise_id)
                rung = f"{exercise.rung_label:>3}" if exercise.rung_label else "  ~"
                target = target_text(exercise, self.ctx.settings)
                yield Static(f"{rung}  {exercise.name}: {self.ctx.settings.sets} x {target}")
            if self.plan.benched:
                yield Label("Resting after they hurt", classes="heading")
                for bench in self.plan.benched:
                    back = bench.since + COOL_DOWN
                    name = catalog.get(bench.exercise_id).name
                    yield Static(
                        f"• {name}: resting since {bench.since.day} {bench.since:%b}; "
                        f"offered as a retest from {back.day} {back:%b}"
                    )
            yield Label("What changed and why", classes="heading")
            log = [*self.ctx.store.recent_decisions(), *self.pending][-LOG_LINES:]
            if not log:
                yield Static("No changes yet.")
            for decision in reversed(log):
                yield Static(f"• {dated(decision)}", classes="log")
        yield Footer(compact=True, show_command_palette=False)
