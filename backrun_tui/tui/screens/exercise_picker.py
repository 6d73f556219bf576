"""The exercise picker: today's list, with cues, and swaps to an easier, harder or outdoor one."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from backrun_tui.coach.ladder.exercise import Exercise
from backrun_tui.coach.ladder.plan import Plan
from backrun_tui.coach.ladder.session_record import Session
from backrun_tui.coach.ladder.workout import WorkoutItem, last_time_text, target_text
from backrun_tui.coach.session import events as ev
from backrun_tui.coach.session import picker_rules as rules
from backrun_tui.coach.session.events import SwapKind
from backrun_tui.coach.session.session_state import SessionState, Transition
from backrun_tui.tui.command_table import key_binding
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.screens.plan_view import PlanViewScreen
from backrun_tui.tui.screens.settings import SettingsScreen
from backrun_tui.tui.session_view import SessionView, tell_coach
from backrun_tui.tui.widgets.exercise_figure import ExerciseFigure
from backrun_tui.tui.widgets.key_legend import footer

SWAP_BY_KEY: dict[str, SwapKind] = {"e": "easier", "h": "harder", "o": "outdoor"}
SWAP_KEYS: dict[str, str] = {which: key for key, which in SWAP_BY_KEY.items()}


class ExercisePickerScreen(Screen[bool]):
    """Today's list, rendered from the session state; swaps and retests go to the coach as
    events, and the list is shown anew from each new state (new settings too).
    Dismisses with True to start the workout, False when the runner quits."""

    CSS_PATH = css("exercise_picker")
    BINDINGS = [
        Binding("enter", "start", "Start", id="start", priority=True),
        Binding("e", "swap('easier')", "Easier", id="easier"),
        Binding("h", "swap('harder')", "Harder", id="harder"),
        Binding("o", "swap('outdoor')", "Outdoor", id="outdoor"),
        Binding("s", "stretches_only", "Stretches", id="stretches"),
        Binding("a", "full_plan", "Today's session", id="full"),
        Binding("r", "retest(True)", "Retest", id="retest"),
        Binding("x", "retest(False)", "Not yet", id="no-retest"),
        Binding("v", "view_plan", "Plan", id="plan"),
        key_binding("settings"),
        Binding("q", "quit_session", "Quit", id="quit"),
    ]

    state: var[SessionState] = var(SessionState(), always_update=True, init=False)

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.catalog = view.catalog
        self.keep: str | None = None  # the exercise to keep highlighted when the list changes

    @property
    def session(self) -> Session:
        session = self.state.session
        assert session is not None
        return session

    @property
    def plan(self) -> Plan:
        return self.state.plan

    def compose(self) -> ComposeResult:
        yield Header()
        # Notes can be long (an assessment that stopped, what rests): they take at most part of
        # the screen, so the list keeps its rows on a small terminal, and scroll with the wheel.
        with Vertical(id="notes"):
            yield Static("", id="mode-note")
        yield Static("", id="retest-offer")
        with Horizontal(id="picker"):
            yield OptionList(id="items")
            with VerticalScroll(id="details", can_focus=False):
                yield Label("", id="detail-name")
                yield Static("", id="detail-keys")  # above the figure: never below the fold
                yield ExerciseFigure(id="detail-figure")
                yield Static("", id="detail-body")
        yield Static("", id="changes")
        yield from footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).border_title = "Today · ↑↓ choose"
        self.set_reactive(ExercisePickerScreen.state, self.view.state)
        self.view.follow(self, self.show_step)
        self.refresh_list()
        self.query_one(OptionList).focus()

    # --- what is shown ---

    def items(self) -> list[WorkoutItem]:
        return rules.today_items(self.catalog, self.state)

    def watch_state(self) -> None:
        self.refresh_list(keep=self.keep)

    def refresh_list(self, keep: str | None = None) -> None:
        state, catalog = self.state, self.catalog
        options = self.query_one(OptionList)
        options.clear_options()
        for item in self.items():
            exercise = catalog.get(item.exercise_id)
            label = Text.assemble(
                (f"{exercise.rung_label or '~':>3} ", "dim"),
                (exercise.name, "bold"),
                (f"\n    {item.sets} x {target_text(exercise, state.settings)}", "dim"),
            )
            options.add_option(Option(label, id=exercise.id))
        if rules.no_strength_yet(catalog, state):
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
        notes = [
            rules.mode_note(catalog, state),
            rules.assessment_note(catalog, state),
            rules.schedule_note(catalog, state),
            rules.missing_rungs_note(catalog, state),
        ]
        self.query_one("#mode-note", Static).update("\n".join(n for n in notes if n))
        offer = rules.retest_offer(catalog, state)
        retest_line = self.query_one("#retest-offer", Static)
        retest_line.update(offer)
        retest_line.display = bool(offer)
        self.query_one("#changes", Static).update(self.changes_text())
        self.show_details()
        self.refresh_bindings()

    def changes_text(self) -> str:
        """Today's latest change in full; the others are a key away (the plan view)."""
        changes = [d.text for d in self.session.decisions]
        if len(changes) <= 1:
            return "".join(changes)
        return f"{changes[-1]}\n(and {len(changes) - 1} more today: v shows every change)"

    def selected(self) -> Exercise | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return self.catalog.get(option_id) if option_id else None

    def show_details(self) -> None:
        exercise = self.selected()
        if exercise is None:
            return
        # What the keys can do comes first: on a small terminal it must not be below the fold.
        lines = [
            f"{SWAP_KEYS[label]}: {label} swap, {option.name}"
            for label, option in self.swap_options(exercise).items()
        ]
        held_back = rules.harder_held_back(self.catalog, self.state, exercise.id)
        if held_back:
            lines.append(held_back[0].upper() + held_back[1:])
        last = last_time_text(exercise, list(self.state.last_sets.get(exercise.id, ())))
        if last:
            lines.append(last[:1].upper() + last[1:])  # capitalize() would make L/R l/r
        keys = self.query_one("#detail-keys", Static)
        keys.update("\n".join(lines))
        keys.display = bool(lines)
        body = [f"• {cue}" for cue in exercise.cues]
        if exercise.easier_tip:
            body.append(f"\nTo make it easier: {exercise.easier_tip}")
        self.query_one("#detail-name", Label).update(exercise.name)
        self.query_one(ExerciseFigure).show(exercise.id, list(self.catalog.exercises))
        self.query_one("#detail-body", Static).update("\n".join(body))

    def on_option_list_option_highlighted(self) -> None:
        self.show_details()
        self.refresh_bindings()

    def swap_options(self, exercise: Exercise) -> dict[str, Exercise]:
        return rules.swap_options(self.catalog, self.state, exercise.id)

    # --- keys: each sends an event to the coach ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.state
        if action == "retest":
            return rules.retest_due(state) is not None
        if action == "swap":  # shown when it swaps; pressed without a swap, it says why
            exercise = self.selected()
            return exercise is not None and parameters[0] in self.swap_options(exercise)
        if action == "stretches_only":
            return rules.can_stretch_only(state)
        if action == "full_plan":
            return rules.can_return_to_plan(state)
        return True

    def send(self, event: ev.Event, keep: str | None = None) -> None:
        """Hand an event to the coach (its changes show on the picker's change line), keeping
        `keep` highlighted when the list is shown anew."""
        self.keep = keep
        tell_coach(self, event)

    def show_step(self, step: Transition) -> None:
        """Any event's new state (the picker's own, or new settings): the list shown anew,
        while the day is at the picker (a later state is the counter's to show)."""
        if step.state.stage == "picker" and step.state.session is not None:
            self.state = step.state

    def on_key(self, event: events.Key) -> None:
        """e, h or o with no such swap today: the key is not in the footer, and says why."""
        which = SWAP_BY_KEY.get(event.key)
        exercise = self.selected()
        if which and exercise is not None and which not in self.swap_options(exercise):
            event.stop()
            self.notify(rules.no_swap_reason(self.catalog, self.state, exercise.id, which))

    def action_swap(self, which: SwapKind) -> None:
        exercise = self.selected()
        if exercise is None:
            return
        target = self.swap_options(exercise).get(which)
        self.send(ev.Swap(exercise.id, which), keep=target.id if target else exercise.id)

    def action_retest(self, accept: bool) -> None:
        bench = rules.retest_due(self.state)
        self.send(ev.Retest(accept), keep=bench.exercise_id if bench else None)

    def action_view_plan(self) -> None:
        self.app.push_screen(PlanViewScreen(self.view))

    def action_settings(self) -> None:
        self.keep = None
        self.app.push_screen(SettingsScreen(self.view))

    def action_stretches_only(self) -> None:
        self.send(ev.StretchesOnly())

    def action_full_plan(self) -> None:
        self.send(ev.FullPlan())

    def action_start(self) -> None:
        self.dismiss(True)

    def action_quit_session(self) -> None:
        self.dismiss(False)
