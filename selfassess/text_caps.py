"""Keeping typed or pasted text within a box's caps (characters a line, lines a box): what goes over is
cut where a line or a word ends, and one line says what was kept. Plain Python, for any screen."""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # a terminal's paste may end its lines with CR alone


def cut_at_word(text: str, room: int) -> str:
    """``text`` if it fits in ``room`` characters, else its longest start that does and ends where a word
    ends (cut mid-word only when the start holds no space)."""
    if len(text) <= room:
        return text
    if room <= 0:
        return ""
    head = text[:room]
    if text[room].isspace():
        return head.rstrip()
    space = max(head.rfind(" "), head.rfind("\t"))
    return head[:space].rstrip() if space > 0 else head


def capped(insert: str, before: str, after: str, limit: int, lines_left: int | None = None) -> str:
    """``insert`` trimmed so that no line of ``before + insert + after`` (``before`` and ``after`` being the
    rest of the line around the insertion) is longer than ``limit``, and, with ``lines_left``, so that it
    makes at most that many non-blank lines; lines are cut where a word ends, whole lines dropped."""
    parts = LINE_BREAK.split(insert)
    out: list[str] = []
    used = 0
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        room = limit - (len(before) if n == 0 else 0) - (len(after) if last else 0)
        part = cut_at_word(part, room)
        line = (before if n == 0 else "") + part + (after if last else "")
        if lines_left is not None and line.strip():
            if used >= lines_left:
                if out:  # the rest of the line after the insertion now follows the last part kept
                    out[-1] = cut_at_word(out[-1], limit - (len(before) if len(out) == 1 else 0) - len(after))
                break
            used += 1
        out.append(part)
    return "\n".join(out)


def _lines(text: str) -> int:
    return sum(1 for line in LINE_BREAK.split(text) if line.strip())


def kept_message(pasted: str, kept: str, limit: int, max_lines: int | None = None) -> str:
    """One line saying that the text went over the box's caps, and how much of it was kept."""
    cap = f"at most {limit:,} characters a line" + (f" and {max_lines} lines" if max_lines is not None else "")
    if len(pasted) <= 1:
        return f"This box holds {cap}: the rest was not added."
    return (
        f"Pasted text over the cap ({cap}): kept {_lines(kept)} of {_lines(pasted)} lines, "
        f"{len(kept):,} of {len(pasted):,} characters, cut where a line or word ends."
    )
