"""The plan view: the current exercises, what is resting, and every change with its reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from backrun_tui.coach.decisions import Decision
from backrun_tui.coach.ladder.retest import COOL_DOWN
from backrun_tui.coach.ladder.workout import target_text
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.session_view import SessionView
from backrun_tui.tui.widgets.key_legend import footer

LOG_LINES = 30


def dated(decision: Decision) -> str:
    """ "Superman Pull -> Quadruped Limb Raises: pain 7/10 on 12 Nov"."""
    return f"{decision.text} on {decision.at.day} {decision.at:%b}"


class PlanViewScreen(Screen[None]):
    CSS_PATH = css("plan_view")
    BINDINGS = [Binding("escape,q,v", "app.pop_screen", "Back", id="back")]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        catalog, state = self.view.catalog, self.view.state
        plan, settings = state.plan, state.settings
        yield Header()
        with VerticalScroll(id="plan-view"):
            yield Label("Your plan", classes="heading")
            yield Static("Stretches: " + ", ".join(e.name for e in catalog.stretches()))
            if not plan.exercise_ids:
                yield Static("No strength exercises yet: the assessment picks them.")
            for exercise_id in plan.exercise_ids:
                exercise = catalog.get(exercise_id)
                rung = f"{exercise.rung_label:>3}" if exercise.rung_label else "  ~"
                target = target_text(exercise, settings)
                yield Static(f"{rung}  {exercise.name}: {settings.sets} x {target}")
            if plan.benched:
                yield Label("Resting, and not yet possible", classes="heading")
                for bench in plan.benched:
                    back = bench.since + COOL_DOWN
                    name = catalog.get(bench.exercise_id).name
                    why = (
                        f"resting since {bench.since.day} {bench.since:%b} after it hurt"
                        if bench.why == "painful"
                        else f"not yet possible at the assessment on {bench.since.day} "
                        f"{bench.since:%b}"
                    )
                    yield Static(f"• {name}: {why}; offered as a retest from {back.day} {back:%b}")
            yield Label("What changed and why", classes="heading")
            log = [*state.log, *state.pending_decisions()][-LOG_LINES:]
            if not log:
                yield Static("No changes yet.")
            for decision in reversed(log):
                yield Static(f"• {dated(decision)}", classes="log")
        yield from footer()
