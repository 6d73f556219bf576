"""Workarounds for Textual bugs that would end backrun with a traceback: each says which bug,
and when to remove it.

Invalid UTF-8 from the terminal (#6456). Textual's Linux driver decodes stdin with a strict
incremental UTF-8 decoder, so one invalid byte (a Latin-1 terminal, a broken paste) raises
UnicodeDecodeError in its input thread and the app exits. Until Textual fixes it, the driver's
module is given a decoder that replaces such bytes with U+FFFD, which no key binding uses.
Remove when Textual decodes with errors="replace" itself.

A key sequence with a number out of range (Textual 8.2.8, not yet reported upstream; the
report is in `skip_impossible_key_codes`). The parser's thread raised on it and the app ended
with a traceback over the screen. Such a sequence is now ignored, as an unknown one is.

A storm of resizes (Textual 8.2.8; the report is in `resize_screens_to_the_terminal`) kept
screens laying out at stale sizes for ever, at full CPU, and nothing was drawn again.

A storm of resizes could leave the app believing an older size than the terminal's (Textual
8.2.8; the report is in `terminal_size_now`): the app reads the size again once a storm is over.

A footer composed again on every change of bindings kept its old keys alive (Textual 8.2.8; the
report is in `forget_watchers_of_removed_widgets`), so each storm grew memory.

A terminal that goes away without a SIGHUP (backrun not its controlling process, as under some
supervisors): Textual's input thread then reads end-of-file for ever, at full CPU, and the app
never learns of it. `terminal_hung_up` lets the app look, and leave as on SIGHUP. Remove when
Textual's driver ends the app when its input ends."""

from __future__ import annotations

import codecs
import contextlib
import functools
import select
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

CHECKED_ON = "8.2"  # the Textual minor version these were checked on (pyproject pins it)
PATCHED = (  # the private Textual names these lean on: (module, dotted name)
    ("textual._xterm_parser", "XTermParser._parse_extended_key"),
    ("textual.screen", "Screen._on_resize"),
    ("textual.screen", "Screen._refresh_layout"),
    ("textual.dom", "_watch"),
    ("textual.reactive", "Reactive._check_watchers"),
    ("textual.widgets", "OptionList._move_page"),
    ("textual.command", "CommandPalette._gather_commands.__wrapped__"),
    ("textual.command", "CommandPalette._GATHER_COMMANDS_GROUP"),
    ("textual.drivers.linux_driver", "getincrementaldecoder"),
)


def replacing_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """codecs.getincrementaldecoder, but its decoders replace invalid bytes."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def tolerate_invalid_bytes(driver_class: type) -> None:
    """Give the driver's module the replacing decoder, if it decodes with codecs' strict one."""
    module = sys.modules.get(driver_class.__module__)
    if getattr(module, "getincrementaldecoder", None) is codecs.getincrementaldecoder:
        module.getincrementaldecoder = replacing_decoder  # type: ignore[union-attr]


def skip_impossible_key_codes() -> None:
    """An escape sequence whose key code is no character is ignored instead of ending backrun.

    Upstream-ready report (Textual 8.2.8, `textual/_xterm_parser.py`): a Kitty-style key
    sequence with a code point above U+10FFFF, or a number too large for a C int, raises in
    the input thread, the app exits with status 0 and a traceback, and no key after it counts.

        printf '\033[1114112u'                 # ValueError: chr() arg not in range(0x110000)
        printf '\033[999999999999999999A'      # OverflowError: Python int too large ...
        printf '\033[97;1;1114112u'            # ValueError, in _parse_colon_codepoints

        File ".../textual/_xterm_parser.py", line 378, in _parse_extended_key
          key = _character_to_key(text if text else chr(codepoint))
        ValueError: chr() arg not in range(0x110000)

    Expected: the sequence is ignored, like any sequence the parser cannot read. Remove when
    `XTermParser._parse_extended_key` checks its numbers."""
    try:
        from textual import events
        from textual._xterm_parser import XTermParser
        from textual.keys import Keys
    except ImportError:  # Textual moved them: nothing to guard here any more
        return
    parse: Callable[[Any, str], Any] | None = getattr(XTermParser, "_parse_extended_key", None)
    if parse is None or getattr(parse, "guarded", False):
        return

    def guarded(parser: Any, sequence: str) -> Any:
        try:
            return parse(parser, sequence)
        except (ValueError, OverflowError):
            # Textual's own "ignore" key, which its parser drops (None would type the sequence's
            # digits as keys: a pain, a rating).
            return [events.Key(Keys.Ignore, sequence)]

    guarded.guarded = True  # type: ignore[attr-defined]
    setattr(XTermParser, "_parse_extended_key", guarded)  # noqa: B010 (private, on purpose)


def resize_screens_to_the_terminal() -> None:
    """A screen lays itself out at the terminal's size now, not at the size its Resize event
    carries, so a storm of resizes settles instead of going round for ever.

    Upstream-ready report (Textual 8.2.8, `textual/screen.py`): `Screen._refresh_layout` posts
    a Resize to every widget whose size changed, the screen itself included, and
    `Screen._on_resize` lays out the screen and the screens behind it at that event's size.
    With two sizes queued (the window flipped between 79x23 and 80x24 every 50 ms, a dozen
    times), each handling posts its own size again: the default screen behind the others
    passed 25,000 Resize events in ten seconds, at 100% CPU, never drawing; with more screens
    behind, memory grew by megabytes a second. Expected: a resize storm ends in one layout at
    the final size. Remove when `Screen._on_resize` lays out at the app's current size."""
    try:
        from textual import events
        from textual.screen import Screen
    except ImportError:  # pragma: no cover (Textual moved it: nothing to guard)
        return
    on_resize: Callable[[Any, Any], Awaitable[None]] | None = getattr(Screen, "_on_resize", None)
    if on_resize is None or getattr(on_resize, "guarded", False):
        return

    async def at_terminal_size(screen: Any, event: Any) -> None:
        size = screen.app.size
        if event.size != size:  # a stale size from earlier in a storm
            event.stop()
            event = events.Resize(size, size, size, event.pixel_size)
        await on_resize(screen, event)

    at_terminal_size.guarded = True  # type: ignore[attr-defined]
    setattr(Screen, "_on_resize", at_terminal_size)  # noqa: B010 (private, on purpose)


def forget_watchers_of_removed_widgets() -> None:
    """A new watch on a reactive first drops the watchers of widgets that have been removed,
    so a Footer composed again and again does not keep every key it ever had.

    Upstream-ready report (Textual 8.2.8, `textual/reactive.py`): `_watch` appends (node,
    callback) to the watched object's `__watchers`, and only `Reactive._check_watchers` drops
    the entries of closed nodes, when the watched value changes. `Footer.compose` data-binds
    every FooterKey to `Footer.compact`, which hardly ever changes, and the footer recomposes
    on every change of bindings: each screen pushed or popped leaves the old keys, with their
    styles and caches, in `footer.__watchers["compact"]`. Resize storms across the minimum
    size (a "too small" screen pushed and popped each time) grew backrun by about 0.5 MiB a
    storm, 200 FooterKeys after 20 storms, 10 of them on screen. Expected: removing a widget
    lets go of the watchers it registered. Remove when `_watch` or widget removal prunes them."""
    try:
        from textual import dom
    except ImportError:  # pragma: no cover
        return
    watch: Callable[..., None] | None = getattr(dom, "_watch", None)
    if watch is None or getattr(watch, "guarded", False):
        return

    def pruning(node: Any, obj: Any, attribute_name: str, callback: Any, **kwargs: Any) -> None:
        watchers = getattr(obj, "__watchers", {}).get(attribute_name)
        if watchers:
            watchers[:] = [
                (reactable, call)
                for reactable, call in watchers
                if not (
                    getattr(reactable, "_closing", False) or getattr(reactable, "_closed", False)
                )
            ]
        watch(node, obj, attribute_name, callback, **kwargs)

    pruning.guarded = True  # type: ignore[attr-defined]
    setattr(dom, "_watch", pruning)  # noqa: B010 (private, on purpose)


def terminal_size_now(app: Any) -> Any:
    """The terminal's size as it is now, read from the terminal itself (None in a browser, a
    test's headless app, or without a terminal): to put right a stale size after a storm.

    Upstream-ready report (Textual 8.2.8, `textual/drivers/linux_driver.py`): the SIGWINCH
    handler reads the size, then posts it with `run_coroutine_threadsafe`. A second SIGWINCH
    can run its handler inside the first, between the two, so the newer size is posted first
    and the older one last: the app then keeps the older size for good. Dragged between random
    sizes (80 a second, then stopped at 80x24), backrun stayed at 40x42 in about one storm in
    four, with a "too small" notice on top. Expected: the last size posted is the terminal's.
    Remove when the driver reads the size when the event is handled, or serialises it."""
    import os

    from textual.geometry import Size

    if app.is_headless or app.is_web or os.name == "nt":
        return None  # the Windows driver asks the console itself
    for stream in (sys.__stdout__, sys.__stdin__):
        try:
            columns, rows = os.get_terminal_size(stream.fileno())  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            continue
        if columns > 0 and rows > 0:
            return Size(columns, rows)
    return None


def page_only_when_laid_out() -> None:
    """Page Up/Down in an option list that has not been laid out since its options changed
    (the command palette, with keys faster than the screen) raised KeyError in Textual 8
    (OptionList._move_page reads a line cache that is filled only on layout). Such a key now
    does nothing. Remove when OptionList._move_page checks its line cache."""
    from textual.widgets import OptionList

    move_page: Callable[[Any, Any], None] | None = getattr(OptionList, "_move_page", None)
    if move_page is None or getattr(move_page, "guarded", False):
        return

    def guarded(option_list: Any, direction: Any) -> None:
        # Not laid out yet: the key is lost, as a key pressed mid-redraw may be.
        with contextlib.suppress(KeyError, IndexError):
            move_page(option_list, direction)

    guarded.guarded = True  # type: ignore[attr-defined]
    setattr(OptionList, "_move_page", guarded)  # noqa: B010 (a private method, on purpose)


def command_palette_class() -> type[Screen[Any]]:
    """Textual's command palette, except that closing it while it still gathers commands (Esc
    right after Ctrl+P) no longer ends the app: in Textual 8 the gathering worker then looks for
    its list on the closed palette and raises NoMatches. Remove when the worker checks that its
    palette is still open."""
    from textual import work
    from textual.command import CommandPalette
    from textual.css.query import NoMatches

    wrapped = getattr(CommandPalette._gather_commands, "__wrapped__", None)
    if wrapped is None:  # Textual changed: nothing to work around any more
        return CommandPalette
    gather: Callable[[CommandPalette, str], Awaitable[None]] = wrapped

    class SafeCommandPalette(CommandPalette):
        @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
        async def _gather_commands(self, search_value: str) -> None:
            with contextlib.suppress(NoMatches):  # the palette was closed meanwhile
                await gather(self, search_value)

    return SafeCommandPalette


def dismiss_once() -> None:
    """A screen dismissed twice (two clicks or keys already queued to it, as on the command
    palette's background) set its result twice (InvalidStateError) and popped a second screen,
    the one below it. Now a second dismiss of the same screen does nothing. Remove when Textual's
    Screen.dismiss ignores a screen that is already dismissed."""
    from textual.await_complete import AwaitComplete
    from textual.screen import Screen

    dismiss = Screen.dismiss
    if getattr(dismiss, "once", False):
        return

    def once(screen: Screen[Any], result: Any = None) -> AwaitComplete:
        if getattr(screen, "_backrun_dismissed", False):
            return AwaitComplete()
        screen._backrun_dismissed = True  # type: ignore[attr-defined]
        return dismiss(screen, result)

    once.once = True  # type: ignore[attr-defined]
    setattr(Screen, "dismiss", once)  # noqa: B010 (replacing Textual's, on purpose)


def terminal_hung_up(fd: int) -> bool:
    """Whether the terminal on `fd` has hung up (its other side closed). Needs poll(), which
    Windows lacks: there it says False, and a closed console ends the process anyway."""
    make_poller = getattr(select, "poll", None)
    if make_poller is None:
        return False
    poller = make_poller()
    try:
        poller.register(fd, select.POLLIN)
        events = poller.poll(0)
    except (OSError, ValueError):
        return False
    return any(mask & select.POLLHUP for _, mask in events)
