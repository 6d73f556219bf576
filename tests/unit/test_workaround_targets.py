"""The private Textual names the workarounds patch are still there: a Textual that moved one makes
this fail, instead of a workaround quietly doing nothing."""

from __future__ import annotations

import importlib
import os
from importlib.metadata import version

import pytest

from backrun_tui.tui.workarounds import CHECKED_ON, PATCHED


def test_textual_is_the_minor_version_the_workarounds_were_checked_on() -> None:
    assert version("textual").startswith(CHECKED_ON + ".")


@pytest.mark.parametrize(("module", "name"), PATCHED, ids=[f"{m}:{n}" for m, n in PATCHED])
def test_a_patched_private_name_is_still_in_textual(module: str, name: str) -> None:
    if module.endswith("linux_driver") and os.name == "nt":
        pytest.skip("the Linux driver does not import on Windows")
    found: object = importlib.import_module(module)
    for part in name.split("."):
        assert hasattr(found, part), f"{module}.{name} is gone: check the workaround that uses it"
        found = getattr(found, part)
