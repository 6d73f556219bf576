"""The workaround for Textual #6456: only a driver decoding with codecs' strict decoder changes."""

from __future__ import annotations

import codecs
import sys
import types

import pytest

from backrun_tui.input_bytes import replacing_decoder, tolerate_invalid_bytes


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
