"""Help: the keys, the programme in short, the safety text, and where the data lives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown

from backrun_tui.tui.screens.base import css
from backrun_tui.tui.widgets.exercise_figure import ExerciseFigure
from backrun_tui.tui.widgets.key_legend import footer

HELP = """\
# backrun help

backrun is a coach for runners with back pain. **It gives advice; it never diagnoses.**

## Safety

Back pain is common and usually not serious. Get help **now** (emergency number or A&E) for
numbness around the genitals or buttocks, new trouble passing urine or controlling your
bowels, symptoms in both legs, leg weakness that is getting worse, chest pain, pain after a
serious fall, or feeling very unwell with a fever. See a doctor if you feel unwell, if pain
spreads into a leg with numbness or tingling, or if it does not improve with rest.
Urgent warning signs stand for 24 hours, "see a doctor soon" ones until a doctor has
checked you. "Ticked by mistake" can be said only at the check itself; after that only
"a doctor has checked me" takes them back. Every warning-sign day and how it ended is kept
in your history and the physio report.

At pain 8-10: stretches and gentle movement only, no strength work and no running; if pain
that severe does not ease within a day or two, contact a doctor. At 6-7: a gentle session.

## The programme

{programme}

## Keys

| where | keys |
|---|---|
| everywhere | F1 or ? help · Ctrl+P commands · Ctrl+Q quit (saved as you go) |
| since last time | Enter, Space or Esc go on to the check |
| symptom check | ← → or 0-10 pain (1 0 quickly, or t, is 10) · Tab next · Space tick · F2 advice |
| picker | ↑ ↓ choose · e easier · h harder · o outdoor swap · s stretches only |
| picker | a back from stretches to today's session (a flare-up day's is the gentle one) |
| picker | r / x retest or not yet · v plan · g settings · Enter start |
| rep counter | Space rep (or start/pause a hold, or the tempo) · Backspace undo · Enter set done |
| rep counter | f done at target · t tempo on/off · p painful · q end the session |
| rep counter | a tap or click on the count: Space · buttons: undo, set done, painful |
| sides | one side, then the other: L and R counts · alternating: a tap per left-right pair |
| rest timer | + / - 15 s · s skip |
| after an exercise | 1 painful · 2 too hard · 3 just right · 4 too easy |
| after pain | the easier exercise is offered at once: try it now, or not today |
| advice | l (or n) log a run by hand (the running advice then counts it) |
| runs (palette) | l or n log a run · Enter correct · d delete · u restore the last deleted |
| runs, history | m more rows in the table |

## Your data

{data_location}

Export it any time with `backrun export --format html -o report.html` (a report for your physio;
or csv, json, markdown). `backrun serve` opens backrun on a phone or tablet beside the mat, behind
a private link (it prints the link and a QR code).
"""


KEYS = "## Keys"  # the exercises' figures come just before


class HelpScreen(ModalScreen[None]):
    CSS_PATH = css("help")
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "app.pop_screen", "Close", id="close"),
        # Priority, so the footer shows them (the scroll's own page keys are hidden ones).
        Binding("pagedown", "page(1)", "Next page", key_display="PgDn", priority=True),
        Binding("pageup", "page(-1)", "Page up", key_display="PgUp", priority=True),
        Binding("down", "scroll_help(1)", "Scroll", key_display="↑↓", priority=True),
        Binding("up", "scroll_help(-1)", "Scroll", show=False, priority=True),
    ]

    def __init__(
        self, data_location: str, programme: list[str], exercises: list[tuple[str, str]]
    ) -> None:
        """exercises: (id, name) of each exercise, shown with its figure."""
        super().__init__()
        self.data_location = data_location
        self.programme = programme
        self.exercises = exercises

    def action_page(self, pages: int) -> None:
        body = self.query_one("#help", VerticalScroll)
        (body.scroll_page_down if pages > 0 else body.scroll_page_up)(animate=False)

    def action_scroll_help(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):  # focused, so the arrows and page keys scroll it
            programme = "\n".join(f"- {line}" for line in self.programme)
            text = HELP.format(data_location=self.data_location, programme=programme)
            programme_part, keys = text.split(KEYS)
            yield Markdown(programme_part)
            with Vertical(id="figures"):  # left out with the figures where there is no room
                yield Label(
                    "How each exercise is done (the start, then the top)", classes="heading"
                )
                for exercise_id, name in self.exercises:
                    yield Label(name, classes="figure-name")
                    yield ExerciseFigure(pair=True, id=f"figure-{exercise_id}")
            yield Markdown(KEYS + keys)  # then the keys and your data, where End takes you
        yield from footer()

    def on_mount(self) -> None:
        known = [exercise_id for exercise_id, _ in self.exercises]
        for exercise_id in known:
            self.query_one(f"#figure-{exercise_id}", ExerciseFigure).show(exercise_id, known)
