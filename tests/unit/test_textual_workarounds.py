"""The workarounds for Textual bugs: invalid input bytes (#6456), and paging an option list
before it was laid out."""

from __future__ import annotations

import codecs
import os
import sys
import types

import pytest
from textual.app import App, ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList

from backrun_tui.tui.workarounds import (
    command_palette_class,
    dismiss_once,
    page_only_when_laid_out,
    replacing_decoder,
    terminal_hung_up,
    tolerate_invalid_bytes,
)


def test_the_replacing_decoder_turns_invalid_bytes_into_a_replacement_character() -> None:
    decode = replacing_decoder("utf-8")().decode
    assert decode(b"a\xe9b") == "a\ufffdb"
    assert decode(b"\xc3") == ""  # half a character waits for the rest
    assert decode(b"\xa9") == "\u00e9"  # é, whole again


def fake_driver(monkeypatch: pytest.MonkeyPatch, decoder: object) -> type:
    module = types.ModuleType("fake_driver_module")
    module.getincrementaldecoder = decoder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return type("FakeDriver", (), {"__module__": module.__name__})


def test_a_driver_with_the_strict_decoder_gets_the_replacing_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    driver = fake_driver(monkeypatch, codecs.getincrementaldecoder)
    tolerate_invalid_bytes(driver)
    assert sys.modules[driver.__module__].getincrementaldecoder is replacing_decoder


def test_a_driver_that_decodes_otherwise_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    own = object()  # e.g. a fixed Textual, or the Windows driver (which reads Unicode)
    driver = fake_driver(monkeypatch, own)
    tolerate_invalid_bytes(driver)
    assert sys.modules[driver.__module__].getincrementaldecoder is own
    tolerate_invalid_bytes(type("NoModule", (), {"__module__": "not_loaded_anywhere"}))


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList("a", "b", "c")


async def test_paging_an_option_list_not_laid_out_yet_does_nothing() -> None:
    """As in the command palette when keys come faster than the screen."""
    page_only_when_laid_out()
    app = OneList()
    async with app.run_test() as pilot:
        options = app.query_one(OptionList)
        options.display = False  # like a list whose new options are not laid out yet
        await pilot.pause()
        options.clear_options()
        options.add_options(["x", "y", "z"])
        options.highlighted = 1
        options.action_page_down()  # KeyError in Textual 8 without the workaround
        options.action_page_up()
        assert options.highlighted == 1
        options.display = True
        await pilot.pause()
        options.action_page_down()
        assert options.highlighted == 2  # laid out: paging works as before


async def test_a_palette_closed_while_it_gathers_commands_ends_quietly() -> None:
    """Esc right after Ctrl+P, faster than the screen (found by the random-input run): the
    gathering worker finds no list on the closed palette, and says nothing of it."""
    palette_class = command_palette_class()
    gather = palette_class._gather_commands.__wrapped__  # type: ignore[attr-defined]
    closed = palette_class(id="--command-palette")  # never mounted: no list inside
    await gather(closed, "")  # Textual 8's own raises NoMatches here
    from textual.command import CommandPalette
    from textual.css.query import NoMatches

    with pytest.raises(NoMatches):
        await CommandPalette._gather_commands.__wrapped__(closed, "")  # type: ignore[attr-defined]


class TwoScreens(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList("a")


async def test_a_screen_dismissed_twice_pops_only_itself() -> None:
    """Two clicks queued to the palette's background dismissed it twice: InvalidStateError,
    and the screen below was popped as well."""
    dismiss_once()
    app = TwoScreens()
    answers: list[object] = []
    async with app.run_test() as pilot:
        middle, top = ModalScreen[bool](), ModalScreen[bool]()
        app.push_screen(middle)
        app.push_screen(top, answers.append)
        await pilot.pause()
        top.dismiss(True)
        top.dismiss(False)  # already queued: changes nothing
        await pilot.pause()
        assert app.screen is middle
        assert answers == [True]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_terminal_hang_up_is_seen() -> None:
    master, slave = os.openpty()
    try:
        assert not terminal_hung_up(slave)
        os.close(master)
        assert terminal_hung_up(slave)
    finally:
        os.close(slave)


def test_key_codes_out_of_range_are_dropped_by_the_parser() -> None:
    from textual._xterm_parser import XTermParser

    from backrun_tui.tui.workarounds import skip_impossible_key_codes

    skip_impossible_key_codes()
    skip_impossible_key_codes()  # twice is once
    for sequence in ("\x1b[1114112u", "\x1b[999999999999999999A", "\x1b[97;1;1114112u"):
        parser = XTermParser()
        keys = [*parser.feed(sequence + "a"), *parser.feed("")]
        assert [getattr(k, "key", None) for k in keys] == ["a"], sequence
