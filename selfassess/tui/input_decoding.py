"""Undecodable bytes from the terminal are read as U+FFFD, never a crash.

Textual's Linux drivers decode stdin in their input thread with a strict UTF-8 incremental decoder
(``getincrementaldecoder("utf-8")()``), so one byte a UTF-8 terminal would never send (a Latin-1 "é",
the bytes of a lone surrogate) raises UnicodeDecodeError there and the app dies with the text typed
after it. ``install`` gives those drivers a decoder that replaces what it cannot decode instead.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable


def replacing_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """``codecs.getincrementaldecoder`` with errors="replace": a factory the drivers call with no arguments."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def install() -> None:
    """Make the terminal drivers decode input with ``replacing_decoder`` (call before the app runs)."""
    from textual.drivers import linux_driver, linux_inline_driver

    for module in (linux_driver, linux_inline_driver):
        module.getincrementaldecoder = replacing_decoder  # type: ignore[attr-defined]
