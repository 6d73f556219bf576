"""The exercise picker: today's list, with cues, and swaps to an easier, harder or outdoor one."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from backrun_tui.coach.decisions import Decision, DecisionKind
from backrun_tui.coach.exercise import Exercise
from backrun_tui.coach.plan import (
    Bench,
    Plan,
    alternative_option,
    easier_option,
    harder_option,
    swap,
)
from backrun_tui.coach.plan_changes import apply_outdoor_setting
from backrun_tui.coach.retest import accept_retest, decline_retest, due_retests
from backrun_tui.coach.session import Session
from backrun_tui.coach.settings import Settings
from backrun_tui.coach.workout import (
    WorkoutItem,
    last_time_text,
    session_items,
    start_workout,
    target_text,
)
from backrun_tui.context import Context
from backrun_tui.screens.base import css
from backrun_tui.screens.plan_view import PlanViewScreen
from backrun_tui.screens.settings import SettingsScreen

MODE_NOTES = {
    "full": "Stretches first as a warm-up, then your strength exercises.",
    "light": "A lighter day: your plan with one set fewer, after your back was worse than usual.",
    "flare_up": "A flare-up day: the stretches and the two easiest exercises, fewer sets, gently. "
    "Your plan is kept for when the pain settles.",
    "stretches": "Stretches only today.",
}
SWAP_KEYS = ("easier", "harder", "outdoor")


class ExercisePickerScreen(Screen[tuple[Session, Plan] | None]):
    """Dismisses with the session ready to start and the plan, or None when the runner quits."""

    CSS_PATH = css("exercise_picker")
    BINDINGS = [
        Binding("enter", "start", "Start", id="start", priority=True),
        Binding("e", "swap('easier')", "Easier", id="easier"),
        Binding("h", "swap('harder')", "Harder", id="harder"),
        Binding("o", "swap('outdoor')", "Outdoor", id="outdoor"),
        Binding("s", "stretches_only", "Stretches", id="stretches"),
        Binding("a", "full_plan", "All", id="full"),
        Binding("r", "retest(True)", "Retest", id="retest"),
        Binding("x", "retest(False)", "Not yet", id="no-retest"),
        Binding("v", "view_plan", "Plan", id="plan"),
        Binding("g", "settings", "Settings", id="settings"),
        Binding("q", "quit_session", "Quit", id="quit"),
    ]

    def __init__(self, ctx: Context, session: Session, plan: Plan, can_train: bool) -> None:
        super().__init__()
        self.ctx = ctx
        self.session = session
        self.plan = plan
        self.can_train = can_train

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="mode-note")
        yield Static("", id="retest-offer")
        with Horizontal(id="picker"):
            yield OptionList(id="items")
            with Vertical(id="details"):
                yield Label("", id="detail-name")
                yield Static("", id="detail-body")
        yield Static("", id="changes")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(OptionList).focus()

    # --- what is shown ---

    def items(self) -> list[WorkoutItem]:
        return session_items(self.ctx.catalog, self.plan, self.session.mode, self.ctx.settings.sets)

    def refresh_list(self, keep: str | None = None) -> None:
        catalog = self.ctx.catalog
        options = self.query_one(OptionList)
        options.clear_options()
        for item in self.items():
            exercise = catalog.get(item.exercise_id)
            label = Text.assemble(
                (f"{exercise.rung_label or '~':>3} ", "dim"),
                (exercise.name, "bold"),
                (f"\n    {item.sets} x {target_text(exercise, self.ctx.settings)}", "dim"),
            )
            options.add_option(Option(label, id=exercise.id))
        if not self.plan.exercise_ids and self.session.mode == "full":
            options.add_option(
                Option(
                    Text("No strength exercises yet: stretches today.", style="italic"),
                    disabled=True,
                )
            )
        try:
            options.highlighted = 0 if keep is None else options.get_option_index(keep)
        except OptionDoesNotExist:  # e.g. a declined retest stays off the list
            options.highlighted = 0
        self.query_one("#mode-note", Static).update(MODE_NOTES[self.session.mode])
        offer = self.retest_due()
        offer_text = ""
        if offer is not None:
            name = self.ctx.catalog.get(offer.exercise_id).name
            offer_text = (
                f"{name} has rested since {offer.since.day} {offer.since:%b} after it "
                "hurt. Try it again today? r = retest, x = not yet"
            )
        retest_line = self.query_one("#retest-offer", Static)
        retest_line.update(offer_text)
        retest_line.display = bool(offer_text)
        changes = [d.text for d in self.session.decisions]
        self.query_one("#changes", Static).update("\n".join(changes[-2:]))
        self.show_details()
        self.refresh_bindings()

    def selected(self) -> Exercise | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return self.ctx.catalog.get(option_id) if option_id else None

    def show_details(self) -> None:
        exercise = self.selected()
        if exercise is None:
            return
        lines = [f"• {cue}" for cue in exercise.cues]
        last = last_time_text(self.ctx.store.last_sets(exercise.id))
        if last:
            lines.append(f"\n{last.capitalize()}")
        if exercise.easier_tip:
            lines.append(f"\nEasier: {exercise.easier_tip}")
        for label, option in self.swap_options(exercise).items():
            lines.append(f"{label.capitalize()} swap: {option.name}")
        self.query_one("#detail-name", Label).update(exercise.name)
        self.query_one("#detail-body", Static).update("\n".join(lines))

    def on_option_list_option_highlighted(self) -> None:
        self.show_details()
        self.refresh_bindings()

    def swap_options(self, exercise: Exercise) -> dict[str, Exercise]:
        if exercise.id not in self.plan or self.session.mode != "full":
            return {}
        finders = {"easier": easier_option, "harder": harder_option, "outdoor": alternative_option}
        found = {k: f(self.ctx.catalog, self.plan, exercise.id) for k, f in finders.items()}
        return {k: v for k, v in found.items() if v is not None}

    # --- keys ---

    def retest_due(self) -> Bench | None:
        """The first benched exercise whose cool-down is over, offered in a full session."""
        if self.session.mode not in ("full", "light"):
            return None
        due = due_retests(self.plan, self.ctx.clock().date())
        return due[0] if due else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retest":
            return self.retest_due() is not None
        if action == "swap":
            exercise = self.selected()
            return exercise is not None and parameters[0] in self.swap_options(exercise)
        if action == "stretches_only":
            return self.session.mode != "stretches"
        if action == "full_plan":
            return self.session.mode == "stretches" and self.can_train
        return True

    def action_swap(self, which: str) -> None:
        exercise = self.selected()
        if exercise is None:
            return
        target = self.swap_options(exercise).get(which)
        if target is None:
            self.notify(f"No {which} exercise is free for {exercise.name}.", severity="warning")
            return
        reason = {
            "easier": "you chose an easier one",
            "harder": "you chose a harder one",
            "outdoor": "outdoor alternative",
        }[which]
        kind: DecisionKind = "alternative" if which == "outdoor" else "swap"
        self.plan, decision = swap(
            self.ctx.catalog, self.plan, exercise.id, target.id, kind, reason, self.ctx.clock()
        )
        self.record(decision)
        self.refresh_list(keep=target.id)

    def action_retest(self, accept: bool) -> None:
        bench = self.retest_due()
        if bench is None:
            return
        answer = accept_retest if accept else decline_retest
        self.plan, decision = answer(self.ctx.catalog, self.plan, bench, self.ctx.clock())
        self.record(decision)
        self.refresh_list(keep=bench.exercise_id)

    def record(self, decision: Decision) -> None:
        """Keep a change: in the session, the saved plan, and on screen."""
        self.session = self.session.with_decisions([decision])
        self.ctx.store.save_plan(self.plan)
        self.ctx.store.save_live(self.session)
        self.notify(decision.text)

    def action_view_plan(self) -> None:
        self.app.push_screen(PlanViewScreen(self.ctx, self.plan, self.session.decisions))

    def action_settings(self) -> None:
        self.app.push_screen(SettingsScreen(self.ctx.settings), self.after_settings)

    def after_settings(self, settings: Settings | None) -> None:
        if settings is None:
            return
        self.ctx.settings = settings
        self.ctx.store.save_settings(settings)
        self.plan, changes = apply_outdoor_setting(
            self.ctx.catalog, self.plan, settings.outdoor, self.ctx.clock()
        )
        for decision in changes:
            self.record(decision)
        self.notify("Settings saved.")
        self.refresh_list()

    def action_stretches_only(self) -> None:
        self.session = replace(self.session, mode="stretches")
        self.refresh_list()

    def action_full_plan(self) -> None:
        self.session = replace(self.session, mode="full")
        self.refresh_list()

    def action_start(self) -> None:
        workout = start_workout(self.ctx.catalog, self.items())
        self.dismiss((self.session.with_workout(workout), self.plan))

    def action_quit_session(self) -> None:
        self.dismiss(None)
