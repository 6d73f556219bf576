"""BackrunApp: thin. Builds the session service on the store, runs the day's flow as a worker,
and looks after the terminal (signals, size, theme, quitting). No rules live here:

  coach.session_model  decides (the one owner of a session's state and rules)
  service              saves (the only writer while backrun runs; a failed save is told once)
  actions, flow        apply each screen's event in one place and show what comes next
  screens              show the state through the session view, and post events"""

from __future__ import annotations

import gc
import sys
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import Theme

from backrun_tui.tui.actions import Actions
from backrun_tui.tui.command_table import key_binding
from backrun_tui.tui.context import CannotOpen, Context, DataToOpen
from backrun_tui.tui.ending import Ending
from backrun_tui.tui.first_check import FirstCheck
from backrun_tui.tui.screens.base import FirstFramePainted, css
from backrun_tui.tui.screens.too_small import TooSmallScreen
from backrun_tui.tui.telling import Telling
from backrun_tui.tui.terminal_fit import VERSION_FROM, FitsTheTerminal
from backrun_tui.tui.widgets.status_line import Messages
from backrun_tui.tui.workarounds import (
    command_palette_class,
    dismiss_once,
    forget_watchers_of_removed_widgets,
    page_only_when_laid_out,
    resize_screens_to_the_terminal,
    skip_impossible_key_codes,
    tolerate_invalid_bytes,
)

if TYPE_CHECKING:
    from backrun_tui.tui.screens.rest_timer import RestSecondsLeft
    from backrun_tui.tui.spoken_cues import SpokenCues


class BackrunApp(Actions, Ending, FitsTheTerminal, Telling):
    TITLE = "backrun"
    SUB_TITLE = "advice, not a diagnosis"
    # The first screen's styles are read with the app's: a screen's own stylesheet, read when
    # it is first shown, makes Textual parse every stylesheet again (about 6 ms).
    CSS_PATH = [css("app"), css("symptom_check")]
    BINDINGS = [
        key_binding("help"),
        # Tab moves the focus before the next key is handed on: as the screen's own (bubbling)
        # binding it came after keys typed right behind it ("30", Tab, "5" gave minutes 305).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]
    RETRY_SECONDS = 10.0  # how often an unsaved change is tried again while nothing happens
    START_UP_AT_MOST = 2.0  # seconds; start-up ends then even if the first screen is gone
    OPEN_AFTER = 0.05  # seconds after the first frame: the data is opened then
    SWITCH_INTERVAL = 0.005  # seconds: Python's switch interval, once the first frame is up
    # Narrow terminals (a screen's class "-narrow") stack what sits side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-normal")]
    # Tall ones ("-tall": a phone held upright) stack them where a short one cannot.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    def __init__(self, start: Context | DataToOpen) -> None:
        """From a context (the tests), or from data the app opens after its first frame (the
        command line: the symptom check is drawn first, and the coach takes it over)."""
        super().__init__()
        self.plain = start.plain
        self.to_open = start if isinstance(start, DataToOpen) else None
        self.cannot_open: CannotOpen | None = None  # why the data could not be opened
        self.first_check: FirstCheck | None = None  # drawn before the data is open
        self.launched = False
        self.on_launch: list[Callable[[], None]] = []  # asked for before the data was open
        self.sub_title = self.header_line(VERSION_FROM)
        self.first_frame_painted = False
        self.said: deque[str] = deque(maxlen=50)
        self.status_messages = Messages()
        if start.plain:
            self.add_class("-plain")
        if isinstance(start, Context):
            self.take(start)

    def take(self, ctx: Context) -> None:
        """Build the service, the flow and the voice on the opened context."""
        from backrun_tui.service import SessionService
        from backrun_tui.store.errors import StoreError
        from backrun_tui.tui.flow import SessionFlow
        from backrun_tui.tui.spoken_cues import SpokenCues

        self.ctx = ctx
        self.service = SessionService(ctx.catalog, ctx.store, ctx.clock, errors=(StoreError,))
        self.service.on_problem = self.tell_save_problem
        self.service.on_saved_again = self.tell_saved_again
        self.flow = SessionFlow(
            self,
            self.service,
            plain=ctx.plain,
            first_frame_painted=lambda: self.first_frame_painted,
            request_quit=self.confirm_quit,
            on_screen_shown=lambda: self.check_size(self.size.width, self.size.height),
        )
        self.spoken: SpokenCues = SpokenCues(
            ctx.catalog,
            forced=ctx.speak,
            find_speaker=ctx.find_speaker,
            settings=lambda: self.service.state.settings,
            tell=lambda why: self.notify(why, title="Spoken cues", severity="warning", timeout=12),
        )
        self.flow.on_applied = self.spoken.follow

    def get_driver_class(self) -> type[Driver]:
        driver_class = super().get_driver_class()
        tolerate_invalid_bytes(driver_class)  # a workaround for Textual #6456
        skip_impossible_key_codes()  # and for a key code out of range (see the module)
        dismiss_once()
        resize_screens_to_the_terminal()  # a resize storm settles (see the module)
        forget_watchers_of_removed_widgets()  # and leaves no old footer keys behind
        return driver_class

    def on_load(self) -> None:
        # Before the terminal enters application mode: a signal during startup must not leave
        # it in the alternate screen (on_mount comes after the switch).
        self.watch_signals()

    def on_mount(self) -> None:
        self.set_class(self.is_web, "-web")  # keys as buttons a finger can hit
        if self.to_open is None:
            self.use_theme(self.ctx.store.load_theme())
            first = self.launch
        else:
            self.use_theme(self.to_open.theme)
            first = self.show_first_check
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        self.watch_terminal()
        # After Textual's start-up batch: a screen pushed inside it is drawn but not sent, and
        # then reaches the terminal piece by piece instead of as one whole first frame.
        self.call_later(first)

    def use_theme(self, theme: str | None) -> None:
        if theme is not None and theme != self.theme and theme in self.available_themes:
            self.theme = theme

    def show_first_check(self) -> None:
        self.first_check = FirstCheck(self)
        self.check_size(self.size.width, self.size.height)

    def launch(self) -> None:
        from backrun_tui.coach.session import events as ev

        self.launched = True
        self.service.tell_notes_to(self.tell_note)
        self.flow.first_check, self.first_check = self.first_check, None
        self.flow.start(ev.Launch())
        waiting, self.on_launch = self.on_launch, []
        for asked in waiting:  # (F1 or Ctrl+P pressed the moment the check came up)
            asked()

    def open_data(self, to_open: DataToOpen) -> None:
        """Open the catalog, the folder and the store, and start the day. When they cannot be
        opened the app ends, and the command line says why."""
        try:
            ctx = to_open.open()
        except CannotOpen as why:
            self.cannot_open = why
            self.exit(return_code=why.code)
            return
        self.take(ctx)
        self.use_theme(ctx.store.load_theme())  # the file's own, checked, wins over the hint
        self.launch()
        self.settle_in()

    def on_ready(self) -> None:
        # Textual has laid out the first screen: its frame is sent at the next refresh. That
        # callback belongs to the screen and is lost if keys typed at once dismiss it first, so
        # a timer makes sure start-up ends (the collector must not stay off).
        self.screen.call_after_refresh(self.after_first_frame)
        self.set_timer(self.START_UP_AT_MOST, self.after_first_frame)

    def after_first_frame(self) -> None:
        """The first frame is drawn. The data, if it waited for it, is opened a moment later:
        Textual's output thread needs that moment to put the frame on the terminal (opening the
        store at once held it up by tens of milliseconds)."""
        if self.first_frame_painted:
            return
        self.first_frame_painted = True
        page_only_when_laid_out()  # a Textual workaround; it loads the option list, so not sooner
        sys.setswitchinterval(self.SWITCH_INTERVAL)  # Python's own again (see backrun_tui/__main__)
        if self.launched:
            self.settle_in()
        elif self.to_open is not None:
            to_open = self.to_open
            self.set_timer(self.OPEN_AFTER, lambda: self.open_data(to_open))

    def settle_in(self) -> None:
        """Once the day has started after the first frame: what start-up built (the data, the
        coach) lives as long as the app, so it is set aside from the garbage collector, which
        `backrun` held off until now (a tap then never waits for it to walk them); saves are
        retried every few seconds, the voice is looked for, and the screens fill in what waited
        for the first frame."""
        gc.freeze()
        gc.enable()
        self.set_interval(self.RETRY_SECONDS, self.retry_saving)
        self.spoken.start()
        for screen in self.screen_stack:
            screen.post_message(FirstFramePainted())

    # --- saving, the voice ---

    def retry_saving(self) -> None:
        if self.service.pending:
            self.service.flush()

    def on_rest_seconds_left(self, second: RestSecondsLeft) -> None:
        self.spoken.rest_second(second.left, second.next_up, starting=second.starting)

    # --- help, commands, theme ---

    def action_help(self) -> None:
        if not self.launched:  # the help reads the plan: shown once the data is open
            self.on_launch.append(self.action_help)
            return
        # Loaded on first use: the help's Markdown costs start-up time otherwise.
        from backrun_tui.coach.ladder.programme import programme_lines
        from backrun_tui.tui.commands import data_location
        from backrun_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, (HelpScreen, TooSmallScreen)):
            programme = programme_lines(self.ctx.catalog, self.service.state.settings)
            exercises = [(e.id, e.name) for e in self.ctx.catalog.exercises.values()]
            self.push_screen(HelpScreen(data_location(self.ctx.store), programme, exercises))

    def action_command_palette(self) -> None:
        if not self.launched:  # its commands need the data: opened once it is open
            self.on_launch.append(self.action_command_palette)
            return
        from textual.command import CommandPalette

        # Not over the too-small warning, and never a second one (Textual only checks the top
        # screen, so one under the warning would be pushed again: DuplicateIds).
        if isinstance(self.screen, TooSmallScreen):
            return
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(command_palette_class()(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from backrun_tui.tui.commands import palette_commands  # first use only, as for the help

        # backrun's own, in its words: not Textual's (Keys, Maximize, Screenshot, "Quit the
        # application as soon as possible"), which a runner has no use for.
        yield from palette_commands(self)

    def remember_theme(self, theme: Theme) -> None:
        if self.launched:  # (the theme the store holds, applied as it opens, is not saved again)
            self.service.save_theme(theme.name)

    async def on_event(self, event: events.Event) -> None:
        # A screen still being put up takes no keys: its widgets are not there yet (a rating
        # key that reached the question before it was composed crashed backrun).
        if isinstance(event, events.Key) and not event.is_forwarded and not self.screen.is_mounted:
            return
        await super().on_event(event)
