"""The workarounds for Textual bugs: invalid input bytes (#6456), and paging an option list
before it was laid out."""

from __future__ import annotations

import codecs
import sys
import types

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from backrun_tui.textual_workarounds import (
    page_only_when_laid_out,
    replacing_decoder,
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
