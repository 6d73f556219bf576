"""How the exercise is done, as a moving stick figure in braille dots: it goes from the start to
the top of the movement and back at the exercise's pace (the tempo's up and down when it is on).
In --plain, and where nothing should move (tests), the start and the top side by side, still.
It draws on a timer of its own, so a tap never waits for it."""

from __future__ import annotations

from itertools import groupby

from rich.style import Style
from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from backrun_tui.figures.book import STEPS, Book
from backrun_tui.figures.braille import FAR, GROUND, NEAR, Picture

COLUMNS, ROWS = 28, 7  # a moving figure
PLAIN_COLUMNS = 20  # each of the two still ones in --plain
SECONDS_PER_MOVE = 2.0  # start to top (or back) when no tempo is set
_book: Book | None = None


def book(exercise_ids: list[str]) -> Book:
    """The poses, read on first use (the first frame never waits for them)."""
    global _book
    if _book is None:
        _book = Book(exercise_ids)
    return _book


class ExerciseFigure(Widget):
    """Shows `exercise_id` (for `side`, when one-sided), moving or still."""

    COMPONENT_CLASSES = {"figure--near", "figure--far", "figure--floor"}
    DEFAULT_CSS = """
    ExerciseFigure {
        width: auto;
        height: auto;
    }
    ExerciseFigure > .figure--near { color: $accent; text-style: bold; }
    ExerciseFigure > .figure--far { color: $accent 55%; }
    ExerciseFigure > .figure--floor { color: $text-muted; }
    """

    def __init__(self, *, pair: bool = False, id: str | None = None) -> None:
        """pair: always the start and the top side by side, still (a list of them all)."""
        super().__init__(id=id)
        self.pair = pair
        self.exercise_id = ""
        self.side: str | None = None
        self.pace = (SECONDS_PER_MOVE, SECONDS_PER_MOVE)
        self.step = 0
        self.drawn: list[Picture] = []
        self.timer: Timer | None = None

    @property
    def plain(self) -> bool:
        """--plain (or a pair): the start and the top side by side, still."""
        return self.pair or self.app.has_class("-plain")

    @property
    def moving(self) -> bool:
        """Still where nothing should move: --plain, and tests (the start alone)."""
        return not (self.plain or self.app.is_headless)

    def show(
        self, exercise_id: str, known: list[str], *, side: str | None = None,
        pace: tuple[float, float] | None = None,
    ) -> None:  # fmt: skip
        """Draw this exercise now (nothing when its pose is missing: the app says why once)."""
        figures = book(known)
        if figures.problem and not figures.told:
            figures.told = True
            self.app.notify(figures.problem, title="Figures", severity="warning", timeout=10)
        if not figures.has(exercise_id):
            self.display = False
            return
        pace = pace or (SECONDS_PER_MOVE, SECONDS_PER_MOVE)  # tempo off again: the default
        if (exercise_id, side, pace) == (self.exercise_id, self.side, self.pace):
            return
        self.exercise_id, self.side, self.pace = exercise_id, side, pace
        if self.moving:
            self.drawn = figures.loop(exercise_id, side, COLUMNS, ROWS)
        else:
            self.drawn = figures.still(exercise_id, side, self.columns, ROWS)
        self.step = 0
        self.restart_timer()
        self.refresh(layout=True)

    def restart_timer(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        if self.moving and self.drawn:
            up, down = self.pace  # each move, up or down, takes their mean
            self.timer = self.set_interval((up + down) / 2 / STEPS, self.next_step)

    def next_step(self) -> None:
        """The next in-between, unless nobody can see it (hidden where there is no room, or a
        screen over this one)."""
        if not (self.display and self.screen.is_current):
            return
        self.step = (self.step + 1) % max(1, len(self.drawn))
        self.refresh()

    def get_content_width(self, container: object, viewport: object) -> int:
        return self.columns * 2 + 2 if self.plain else self.columns

    @property
    def columns(self) -> int:
        return PLAIN_COLUMNS if self.plain else COLUMNS

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return ROWS

    def render(self) -> Text:
        if not self.drawn:
            return Text()
        styles = {
            NEAR: self.get_component_rich_style("figure--near"),
            FAR: self.get_component_rich_style("figure--far"),
            GROUND: self.get_component_rich_style("figure--floor"),
            0: Style(),
        }
        pictures = self.drawn[:2] if self.plain else [self.drawn[self.step]]
        text = Text()
        for row in range(ROWS):
            if row:
                text.append("\n")
            for n, picture in enumerate(pictures):
                if n:
                    text.append("  ")
                chars, layers = picture[row]
                start = 0
                for layer, run in groupby(layers):  # one span a colour, not one a character
                    end = start + len(list(run))
                    text.append(chars[start:end], styles[layer])
                    start = end
        return text
