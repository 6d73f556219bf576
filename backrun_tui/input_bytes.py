"""Invalid UTF-8 from the terminal becomes a wrong key instead of stopping Textual's input.

Textual's Linux driver decodes stdin with a strict incremental UTF-8 decoder, so one invalid
byte (a Latin-1 terminal, a broken paste) raises UnicodeDecodeError in its input thread and the
app exits (Textual issue #6456). Until Textual fixes it, the driver's module is given a decoder
that replaces such bytes with U+FFFD, which no key binding uses. Remove when Textual decodes
with errors="replace" itself."""

from __future__ import annotations

import codecs
import functools
import sys
from collections.abc import Callable


def replacing_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """codecs.getincrementaldecoder, but its decoders replace invalid bytes."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def tolerate_invalid_bytes(driver_class: type) -> None:
    """Give the driver's module the replacing decoder, if it decodes with codecs' strict one."""
    module = sys.modules.get(driver_class.__module__)
    if getattr(module, "getincrementaldecoder", None) is codecs.getincrementaldecoder:
        module.getincrementaldecoder = replacing_decoder  # type: ignore[union-attr]
