"""The everyday activities (the Patient-Specific Functional Scale): up to five things the back
makes hard, each scored 0-10; renamed, retired or added here. Ctrl+S saves, Esc skips."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Static

from backrun_tui.coach.outcomes.psfs import (
    EXAMPLES,
    MAX_ACTIVE,
    NAME_MAX,
    ActivityAnswer,
    AnswerProblem,
    Psfs,
    read_rows,
)
from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.key_legend import footer

INTRO = (
    "Which everyday things does your back make hard? Name up to five and score each today: "
    "0 = you cannot do it, 10 = as well as before your back hurt. Asked again every two weeks, "
    "so you and your physiotherapist can see them change."
)
AGAIN = (
    "How well can you do these today? 0 = you cannot do it, 10 = as well as before your back "
    "hurt. Change a name if it says it better; empty a name to stop being asked about it (its "
    "scores are kept); add one in an empty row."
)
Answers = tuple[ActivityAnswer, ...]


class PsfsScreen(Screen[Answers | None]):
    """Dismisses with the answers (as the coach reads them), or None when skipped."""

    CSS_PATH = css("psfs")
    LEAVE, LEAVE_SAYS = "Skip for now", "skips"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save"),
        Binding("escape", "skip", "Skip for now", id="skip"),
        # Enter moves the cursor before the next key is handed out: keys read in one go (a busy
        # machine, a fast typist) each land in the field the one before them led to.
        Binding("enter", "next_field", "Next", show=False, priority=True),
    ]

    def __init__(self, psfs: Psfs, now: datetime) -> None:
        super().__init__()
        self.psfs = psfs
        self.now = now
        self.ids: list[str | None] = [a.id for a in psfs.active[:MAX_ACTIVE]]
        self.ids += [None] * (MAX_ACTIVE - len(self.ids))

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="psfs"):
            yield Label("Your everyday activities", classes="heading")
            yield Static(AGAIN if self.psfs.active else INTRO, id="psfs-intro")
            yield Static("For example: " + " · ".join(EXAMPLES), id="psfs-examples")
            for row, activity_id in enumerate(self.ids):
                with Horizontal(classes="psfs-row"):
                    name = self.psfs.name_of(activity_id) if activity_id else ""
                    yield Input(
                        name,
                        placeholder=f"activity {row + 1}",
                        id=f"name-{row}",
                        max_length=NAME_MAX,
                        compact=True,
                        select_on_focus=False,  # a key typed on arriving adds, never replaces
                        classes="psfs-name",
                    )
                    yield Input(
                        "",
                        placeholder="0-10",
                        id=f"score-{row}",
                        max_length=2,
                        restrict=r"[0-9]*",
                        compact=True,
                        classes="psfs-score",
                    )
                    yield Label(self.last_time(activity_id), classes="psfs-last")
            with Horizontal(id="form-buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary", compact=True)
                yield Button(f"{self.LEAVE} (Esc)", id="skip", compact=True)
        # What is wrong stays in view at any size, above the keys; the form scrolls.
        yield Static("", id="problem")
        yield from footer()

    def on_mount(self) -> None:
        self.sub_title = f"Ctrl+S saves · Esc {self.LEAVE_SAYS}"
        first = "#score-0" if self.ids[0] else "#name-0"
        self.query_one(first, Input).focus()

    def last_time(self, activity_id: str | None) -> str:
        """The activity's latest score and its day, to score against ("new" for none)."""
        latest = self.psfs.latest_of(activity_id) if activity_id else None
        if latest is None:
            return "new" if activity_id else ""
        return f"was {latest.score} ({latest.at:%d %b})"

    def action_next_field(self) -> None:
        """Enter moves on: name, its score, the next row; Enter in an empty new row saves; on a
        button, Enter presses it."""
        here = self.focused
        if isinstance(here, Button):
            here.press()
            return
        if not isinstance(here, Input):
            return
        kind, _, number = (here.id or "").partition("-")
        row = int(number)
        if kind == "name" and not here.value.strip() and self.ids[row] is None:
            self.action_save()
        elif kind == "name":
            self.set_focus(self.query_one(f"#score-{row}", Input))
        elif row + 1 < len(self.ids):
            self.set_focus(self.query_one(f"#name-{row + 1}", Input))
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_skip()

    def action_save(self) -> None:
        rows = [
            (
                activity_id,
                self.query_one(f"#name-{row}", Input).value,
                self.query_one(f"#score-{row}", Input).value,
            )
            for row, activity_id in enumerate(self.ids)
        ]
        try:
            answers = read_rows(self.psfs, rows)
        except AnswerProblem as problem:
            said = self.query_one("#problem", Static)
            said.update(f"Not saved. {problem}")
            said.display = True
            field = self.query_one(f"#{problem.field}-{problem.row}", Input)
            field.focus()
            self.call_after_refresh(field.scroll_visible, animate=False)  # above the message
            return
        self.dismiss(answers)

    def action_skip(self) -> None:
        self.dismiss(None)


class PsfsAskedForScreen(PsfsScreen):
    """The same, opened by the runner from the palette: Esc cancels, and the two-weekly round
    stays as it was."""

    LEAVE, LEAVE_SAYS = "Cancel", "cancels"
    BINDINGS = [Binding("escape", "skip", "Cancel", id="skip")]
