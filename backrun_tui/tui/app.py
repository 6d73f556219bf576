"""BackrunApp: thin. Builds the session service on the store, runs the day's flow as a worker,
and looks after the terminal (signals, size, theme, quitting). No rules live here:

  coach.session_model  decides (the one owner of a session's state and rules)
  service              saves (the only writer while backrun runs; a failed save is told once)
  actions, flow        apply each screen's event in one place and show what comes next
  screens              show the state through the session view, and post events"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer

from backrun_tui import __version__
from backrun_tui.coach.session import events as ev
from backrun_tui.service import SessionService
from backrun_tui.store.errors import StoreError
from backrun_tui.tui.actions import Actions
from backrun_tui.tui.command_table import key_binding
from backrun_tui.tui.context import Context
from backrun_tui.tui.flow import SessionFlow
from backrun_tui.tui.screens.base import FirstFramePainted, SavedStateChanged, css
from backrun_tui.tui.screens.rest_timer import RestSecondsLeft
from backrun_tui.tui.screens.too_small import TooSmallScreen, too_small
from backrun_tui.tui.signal_exits import SignalExits
from backrun_tui.tui.spoken_cues import SpokenCues
from backrun_tui.tui.widgets.status_line import Messages, say_on_screen
from backrun_tui.tui.workarounds import (
    command_palette_class,
    dismiss_once,
    forget_watchers_of_removed_widgets,
    page_only_when_laid_out,
    resize_screens_to_the_terminal,
    skip_impossible_key_codes,
    terminal_size_now,
    tolerate_invalid_bytes,
)


class BackrunApp(Actions, SignalExits):
    TITLE = "backrun"
    SUB_TITLE = "advice, not a diagnosis"
    CSS_PATH = css("app")
    BINDINGS = [
        key_binding("help"),
        # Tab moves the focus before the next key is handed on: as the screen's own (bubbling)
        # binding it came after keys typed right behind it ("30", Tab, "5" gave minutes 305).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]
    RETRY_SECONDS = 10.0  # how often an unsaved change is tried again while nothing happens
    START_UP_AT_MOST = 2.0  # seconds; start-up ends then even if the first screen is gone
    # Narrow terminals (a screen's class "-narrow") stack what sits side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-normal")]
    # Tall ones ("-tall": a phone held upright) stack them where a short one cannot.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    SIZE_RECHECK = 0.25  # seconds after the last resize: the terminal's size is read again

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.sub_title = f"{self.SUB_TITLE} · v{__version__}"
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
        self.spoken = SpokenCues(
            ctx.catalog,
            forced=ctx.speak,
            find_speaker=ctx.find_speaker,
            settings=lambda: self.service.state.settings,
            tell=lambda why: self.notify(why, title="Spoken cues", severity="warning", timeout=12),
        )
        self.flow.on_applied = self.spoken.follow
        self.first_frame_painted = False
        self._size_recheck: Timer | None = None
        self.said: deque[str] = deque(maxlen=50)  # the latest messages, as told (for tests)
        self.status_messages = Messages()  # what every screen's message line shows
        if ctx.plain:
            self.add_class("-plain")

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
        theme = self.ctx.store.load_theme()
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        self.watch_terminal()
        # After Textual's start-up batch: a screen pushed inside it is drawn but not sent, and
        # then reaches the terminal piece by piece instead of as one whole first frame.
        self.call_later(self.launch)

    def launch(self) -> None:
        self.service.tell_notes_to(self.tell_note)
        self.flow.start(ev.Launch())

    def on_ready(self) -> None:
        # Textual has laid out the first screen: its frame is sent at the next refresh. That
        # callback belongs to the screen and is lost if keys typed at once dismiss it first, so
        # a timer makes sure start-up ends (the collector must not stay off).
        self.screen.call_after_refresh(self.after_first_frame)
        self.set_timer(self.START_UP_AT_MOST, self.after_first_frame)

    def after_first_frame(self) -> None:
        """Start-up is over. What it built lives as long as the app, so it is set aside from the
        garbage collector, which `backrun` held off until now; then the screens waiting for the
        first frame fill in the rest."""
        if self.first_frame_painted:
            return
        self.first_frame_painted = True
        page_only_when_laid_out()  # a Textual workaround; it loads the option list, so not sooner
        gc.freeze()
        gc.enable()
        self.set_interval(self.RETRY_SECONDS, self.retry_saving)
        self.spoken.start()  # the voice is looked for now, not before the first frame
        for screen in self.screen_stack:
            screen.post_message(FirstFramePainted())

    # --- saving and quitting ---

    def tell_save_problem(self, problem: str) -> None:
        self.tell_screens_saved_state()
        self.notify(
            f"{problem} backrun keeps what you did and tries again.",
            title="Not saved",
            severity="error",
            timeout=10,
        )

    def tell_saved_again(self) -> None:
        self.tell_screens_saved_state()
        self.notify("Everything you did is saved now.", title="Saved", timeout=6)

    def tell_screens_saved_state(self) -> None:
        """The screens that show whether all is saved (rep counter, summary) look again."""
        for screen in self.screen_stack:
            screen.post_message(SavedStateChanged())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Said on the screen's own message line (see widgets/status_line), not as a toast over
        what the runner reads; a toast only where a screen has no such line (the palette).
        Said before the first screen is up (a damaged file set aside at launch), it waits for
        that screen's line."""
        self.said.append(message)
        seconds = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        if say_on_screen(self.screen, self.status_messages, message, title, severity, seconds):
            return
        if len(self.screen_stack) <= 1:  # only Textual's blank screen so far
            self.status_messages.add(message, title, severity, seconds)
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def tell_note(self, note: str) -> None:
        """What the store had to do to a file (moved aside, upgraded), the moment it happens."""
        self.notify(note, title="About your data", severity="warning", timeout=15)

    def retry_saving(self) -> None:
        if self.service.pending:
            self.service.flush()

    def on_rest_seconds_left(self, second: RestSecondsLeft) -> None:
        self.spoken.rest_second(second.left, second.next_up, starting=second.starting)

    def on_unmount(self) -> None:
        """However backrun ends (a browser's server stopping too), what is pending is tried
        once more."""
        self.service.flush()
        self.spoken.close()

    async def action_quit(self) -> None:
        """Ctrl+Q (and q on the summary): quit, asking first when something is not saved."""
        self.run_worker(self.confirm_quit(), group="quit", exclusive=True)

    async def confirm_quit(self) -> bool:
        """Save what is pending; quit if all is saved, else ask. True when quitting."""
        if not self.service.flush():
            from backrun_tui.tui.screens.dialogs import ConfirmScreen

            question = (
                f"{self.service.unsaved} Quit anyway? What is not saved will be lost. "
                "(Keep backrun open and free some space: it tries again every few seconds.)"
            )
            ask = ConfirmScreen(question, "Quit anyway", "Keep backrun open")
            if not await self.push_screen_wait(ask):
                return False
        self.exit()
        return True

    # --- help, commands, theme ---

    def action_help(self) -> None:
        # Loaded on first use: the help's Markdown costs start-up time otherwise.
        from backrun_tui.coach.ladder.programme import programme_lines
        from backrun_tui.tui.commands import data_location
        from backrun_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, (HelpScreen, TooSmallScreen)):  # not over the warning
            programme = programme_lines(self.ctx.catalog, self.service.state.settings)
            exercises = [(e.id, e.name) for e in self.ctx.catalog.exercises.values()]
            self.push_screen(HelpScreen(data_location(self.ctx.store), programme, exercises))

    def action_command_palette(self) -> None:
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
        self.service.save_theme(theme.name)

    async def on_event(self, event: events.Event) -> None:
        # A screen still being put up takes no keys: its widgets are not there yet (a rating
        # key that reached the question before it was composed crashed backrun).
        if isinstance(event, events.Key) and not event.is_forwarded and not self.screen.is_mounted:
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)
        wide = event.size.width >= 76  # the version only where the header has room for it
        self.sub_title = f"{self.SUB_TITLE} · v{__version__}" if wide else self.SUB_TITLE
        # Once a storm of resizes is over, make sure the last size heard is the terminal's own
        # (see textual_workarounds.terminal_size_now).
        if self._size_recheck is not None:
            self._size_recheck.stop()
        self._size_recheck = self.set_timer(self.SIZE_RECHECK, self.match_the_terminal_size)

    def match_the_terminal_size(self) -> None:
        self._size_recheck = None
        real = terminal_size_now(self)
        if real is not None and real != self.size:
            self.post_message(events.Resize(real, real))

    def check_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height, plain=self.ctx.plain):
            if showing:
                self.screen.show_size(width, height)  # type: ignore[attr-defined]
            else:  # (one left under a screen that came up meanwhile goes when back on top)
                self.push_screen(TooSmallScreen(plain=self.ctx.plain))
        elif showing:
            self.pop_screen()
