"""Pastes keep their order when they hold escape characters.

Textual's input parser reads an escape character inside a bracketed paste as the start of a key
sequence: it gathers the next characters and, finding no key, types them as keys before the paste
arrives, so a piece from the middle of the paste lands at the cursor first (and the escape as "^[").
Here the raw input is cleaned first: inside a paste, every escape that does not end the paste is
dropped (the store keeps no control character anyway), so the paste arrives whole and in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

START, END = "\x1b[200~", "\x1b[201~"


class PasteFilter:
    """Fed the terminal's input in pieces; returns it with escapes inside bracketed pastes removed."""

    def __init__(self) -> None:
        self.in_paste = False
        self.pending = ""  # the start of a possible end marker, split across two reads

    def __call__(self, data: str) -> str:
        data, self.pending = self.pending + data, ""
        out: list[str] = []
        i = 0
        while i < len(data):
            if not self.in_paste:
                j = data.find(START, i)
                if j == -1:
                    tail = next((n for n in range(2, len(START)) if data.endswith(START[:n])), 0)
                    if len(data) - tail < i:
                        tail = 0
                    # a paste's start split across reads waits for the rest; a lone Escape key never waits
                    out.append(data[i : len(data) - tail])
                    self.pending = data[len(data) - tail :] if tail else ""
                    break
                out.append(data[i : j + len(START)])
                self.in_paste, i = True, j + len(START)
                continue
            j = data.find("\x1b", i)
            if j == -1:
                out.append(data[i:])
                break
            out.append(data[i:j])
            rest = data[j:]
            if rest.startswith(END):
                out.append(END)
                self.in_paste, i = False, j + len(END)
            elif END.startswith(rest):
                self.pending = rest
                break
            else:
                i = j + 1  # an escape inside the paste: dropped
        return "".join(out)


class CleanPasteParser(XTermParser):
    """Textual's parser, fed through a PasteFilter."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._paste_filter = PasteFilter()

    def feed(self, data: str) -> Iterable[Message]:
        return super().feed(self._paste_filter(data) if data else data)


def install() -> None:
    """Make the terminal driver read input through CleanPasteParser (call before the app runs)."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = CleanPasteParser  # type: ignore[misc]
