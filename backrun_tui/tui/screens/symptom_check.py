"""The symptom check: pain now, where, leg symptoms and the red flags, before any training."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Label

from backrun_tui.coach.safety.red_flags import BOTH_LEGS, FlagGroup
from backrun_tui.coach.safety.triage import Legs, SymptomReport, Where, flags_in
from backrun_tui.tui.screens.base import FirstFramePainted, css
from backrun_tui.tui.screens.seen_lines import SeenLines
from backrun_tui.tui.widgets.checklist import Checklist
from backrun_tui.tui.widgets.choice import Choice
from backrun_tui.tui.widgets.key_legend import footer
from backrun_tui.tui.widgets.pain_scale import PainScale

if TYPE_CHECKING:
    from textual.widgets import Button

WHERE: tuple[tuple[Where, str], ...] = (
    ("lower", "Lower back"),
    ("upper", "Upper back"),
    ("both", "Both"),
)
LEGS: tuple[tuple[Legs, str], ...] = (
    ("none", "No leg symptoms"),
    ("one", "Pain, tingling or numbness in one leg"),
    ("both", "Pain, tingling or numbness in both legs"),
)
# Both legs is asked as its own question above, so it is not repeated in the list.
GROUP_TITLES: dict[FlagGroup, str] = {
    "urgent": "Any of these right now?",
    "soon": "Any of these?",
    "routine": "And lately?",
}


SIGNS_HINT = "Warning signs first: read them and tick any that apply, then press F2."


class SymptomCheckScreen(Screen[SymptomReport]):
    """Asks the questions and dismisses with the runner's SymptomReport."""

    CSS_PATH = css("symptom_check")
    # Priority: F2 moves the focus to the signs it shows before a key typed right behind it
    # (Space, to tick one) is handed to the widget that had the focus.
    BINDINGS = [Binding("f2", "submit", "See advice", id="submit", priority=True)]

    def __init__(self, *, complete: bool = True, answers: SymptomReport | None = None) -> None:
        """With `complete` False, the screen is the app's first: the red-flag lists and the
        button below them wait for the first frame. `answers`: the answers to start from (the
        last check's), else a blank form."""
        super().__init__()
        self.complete = complete
        self.answers = answers
        self.seen = SeenLines()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Label(
                "How is your back today? This check advises; it never diagnoses.", classes="intro"
            )
            yield Label("Pain right now (0-10)", classes="question")
            yield PainScale(self.answers.pain if self.answers else 0, id="pain")
            yield Label("Where is the pain?", classes="question")
            yield Choice([label for _, label in WHERE], row=True, id="where")
            yield Label("Anything in your legs?", classes="question")
            yield Choice([label for _, label in LEGS], id="legs")
            yield Vertical(id="rest-of-form")
        yield from footer()

    def on_mount(self) -> None:
        if not self.query(PainScale):  # taken down as it came up (a signal at start-up)
            return
        self.query_one(PainScale).focus()
        if self.answers is not None:
            self.query_one("#where", Choice).index = [w for w, _ in WHERE].index(self.answers.where)
            self.query_one("#legs", Choice).index = [leg for leg, _ in LEGS].index(
                self.answers.legs
            )
        if self.complete:
            self.add_rest_of_form()

    @on(FirstFramePainted)
    def fill_in_after_first_frame(self) -> None:
        if not self.complete:
            self.complete = True
            self.add_rest_of_form()

    def add_rest_of_form(self) -> None:
        """The red-flag lists and the button below them: most of this screen's widgets, and
        below the fold. Their widget classes load here, after the first frame, too."""
        from textual.widgets import Button

        widgets: list[Widget] = []
        ticked = self.answers.flags if self.answers else frozenset()
        for group, title in GROUP_TITLES.items():
            widgets.append(
                Label(
                    f"{title} (space ticks; leave all blank if none)",
                    id=f"title-{group}",
                    classes="question",
                )
            )
            widgets.append(
                Checklist(
                    [(f.id, f.question) for f in flags_in(group) if f.id != BOTH_LEGS],
                    ticked=ticked,
                    id=f"flags-{group}",
                    classes="flags",
                )
            )
        widgets.append(Button("See today's advice (F2)", id="submit", variant="primary"))
        self.query_one("#rest-of-form", Vertical).mount_all(widgets)
        form = self.query_one("#form", VerticalScroll)
        self.watch(form, "scroll_y", self.note_what_is_on_screen, init=False)
        self.call_after_refresh(self.note_what_is_on_screen)

    def on_resize(self) -> None:
        self.call_after_refresh(self.note_what_is_on_screen)

    def note_what_is_on_screen(self) -> None:
        """Remember which lines of the form are in view now (the warning signs must all
        have been before the advice)."""
        form = self.query_one("#form", VerticalScroll)
        top = round(form.scroll_y)
        self.seen.see(top, top + form.content_region.height)

    def sign_groups(self) -> list[tuple[int, int, Checklist]]:
        """Each warning-sign group's first and end line in the form, and its list."""
        form = self.query_one("#form", VerticalScroll)
        offset = round(form.scroll_y) - form.content_region.y
        groups: list[tuple[int, int, Checklist]] = []
        for group in GROUP_TITLES:
            title = self.query_one(f"#title-{group}", Label)
            signs = self.query_one(f"#flags-{group}", Checklist)
            groups.append((title.region.y + offset, signs.content_region.bottom + offset, signs))
        return groups

    def show_unseen_signs(self) -> bool:
        """Scroll to the first warning signs not yet on screen, if any, and say why. True
        when the advice must wait."""
        groups = self.sign_groups() if self.complete else []
        if not groups or any(start >= end for start, end, _ in groups):
            return True  # not laid out yet: a key pressed this early shows nothing new
        self.note_what_is_on_screen()
        for start, end, signs in groups:
            unseen = self.seen.first_unseen(start, end)
            if unseen is None:
                continue
            form = self.query_one("#form", VerticalScroll)
            fits = end - start <= form.content_region.height
            form.scroll_to(y=start if fits else max(start, unseen - 1), animate=False)
            signs.focus(scroll_visible=False)
            if not self.query("#signs-hint"):  # a line above the footer, not a toast over them
                self.mount(Label(SIGNS_HINT, id="signs-hint"), before=self.query_one(Footer))
            return True
        return False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.action_submit()

    def action_submit(self) -> None:
        """The advice, once every warning sign has been on screen; until then, the next
        unseen ones. (A second press on its way changes nothing: a screen is dismissed once.)"""
        if self.show_unseen_signs():
            return
        self.dismiss(self.report())

    def report(self) -> SymptomReport:
        """The answers as they stand."""
        where = WHERE[self.query_one("#where", Choice).index][0]
        legs = LEGS[self.query_one("#legs", Choice).index][0]
        flags: set[str] = set()
        for selection in self.query(".flags"):
            flags.update(cast(Checklist, selection).selected)
        return SymptomReport(self.query_one(PainScale).value, where, legs, frozenset(flags))
