"""The first-run assessment: walk the ladder from the top and keep the first four that pass."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Static

from backrun_tui.coach.ladder.catalog import Catalog
from backrun_tui.coach.ladder.first_assessment import (
    easier_forms,
    next_assessment_exercise,
    stopped_message,
)
from backrun_tui.coach.ladder.plan import PLAN_SIZE
from backrun_tui.coach.ladder.workout import target_text
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.exercise_figure import ExerciseFigure
from backrun_tui.tui.widgets.key_legend import footer

INTRO = (
    "Let's find your starting exercises. Try each one now, a few slow reps. Keep it only if "
    f"you can do it slowly, without pain, with good form. The first {PLAN_SIZE} that pass "
    "become your plan."
)


ASK = "Can you do it slowly, pain-free, with good form?  y = yes   n = not yet"


class AssessmentScreen(Screen[dict[str, bool]]):
    """Dismisses with the answers: exercise id -> passed."""

    CSS_PATH = css("assessment")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes, I can", id="yes"),
        Binding("n", "answer(False)", "Not yet", id="no"),
        Binding("b", "back", "Back", id="back"),
        Binding("enter", "to_plan", "To your plan", id="to-plan"),
    ]

    def __init__(self, catalog: Catalog, resting: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.catalog = catalog
        self.resting = resting  # not asked about: they come back as retests
        self.answers: dict[str, bool] = {}
        self.order: list[str] = []
        self.stopped = ""  # why the climb stopped at the start of the ladder, once it has

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="assessment"):
            yield Static(INTRO, id="intro")
            yield Label("", id="rung")
            yield Label("", id="name")
            yield ExerciseFigure(id="assessment-figure")
            yield Label("", id="target")
            yield Static("", id="cues")
            yield Static("", id="tally")
        # The question stays in view at any size; what is above it scrolls.
        yield Static(ASK, id="ask")
        yield from footer()

    def on_mount(self) -> None:
        self.show_next()

    def show_next(self) -> None:
        exercise = next_assessment_exercise(self.catalog, self.answers, self.resting)
        self.stopped = stopped_message(self.catalog, self.answers) if exercise is None else ""
        if exercise is None and not self.stopped:
            self.dismiss(dict(self.answers))
            return
        self.refresh_bindings()
        for label in ("#intro", "#name", "#target"):  # the stopped page has room for its words
            self.query_one(label).display = not self.stopped
        self.set_class(bool(self.stopped), "-stopped")  # and no figure
        if exercise is None:  # said on its own page before the plan: it matters
            self.query_one("#rung", Label).update("The assessment stops here")
            self.query_one("#name", Label).update("")
            self.query_one("#target", Label).update("")
            self.query_one("#cues", Static).update(self.stopped)
            self.query_one("#ask", Static).update("Enter: to your plan   b = back")
            first = [i for i, ok in self.answers.items() if ok]
            first += [e.id for _, e in easier_forms(self.catalog, self.answers, set(first))]
            names = [self.catalog.get(i).name for i in first]
            self.query_one("#tally", Static).update(
                "Your plan starts with: "
                + ", ".join(names)
                + (" and " if names else "")
                + "the stretches."
            )
            return
        self.query_one("#ask", Static).update(ASK)
        self.current = exercise
        self.query_one("#rung", Label).update(f"Rung {exercise.rung} of 12")
        self.query_one("#name", Label).update(exercise.name)
        self.query_one(ExerciseFigure).show(exercise.id, list(self.catalog.exercises))
        self.query_one("#target", Label).update(f"Target later: {target_text(exercise)}")
        self.query_one("#cues", Static).update("\n".join(f"• {cue}" for cue in exercise.cues))
        chosen = [self.catalog.get(i).name for i, ok in self.answers.items() if ok]
        tally = f"In your plan so far ({len(chosen)} of {PLAN_SIZE}): " + (
            ", ".join(chosen) if chosen else "none yet"
        )
        self.query_one("#tally", Static).update(tally)
        self.refresh_bindings()

    def action_answer(self, passed: bool) -> None:
        if self.stopped:
            return
        self.answers[self.current.id] = passed
        self.order.append(self.current.id)
        self.show_next()

    def action_back(self) -> None:
        if self.order:
            del self.answers[self.order.pop()]
            self.show_next()

    def action_to_plan(self) -> None:
        if self.stopped:
            self.dismiss(dict(self.answers))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return bool(self.order)
        if action == "answer":
            return not self.stopped
        if action == "to_plan":
            return bool(self.stopped)
        return True
