"""The two lists of the review screen: source lines (used ones marked, a range selectable) and criteria."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList

from ...methods import method_codes
from ...role_draft import DraftCriterion
from ...safetext import plain
from ...source_lines import display


class SourceList(OptionList):
    """The document's lines; used lines show the ids of the criteria made from them."""

    def __init__(self, lines: Sequence[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines = list(lines)
        self.range_start: int | None = None
        self.used: dict[int, list[str]] = {}
        self._drawn: list[Text] = []

    def selection(self) -> tuple[int, int] | None:
        """First and last line of the marked range (or the highlighted line alone), None without a cursor."""
        cursor = self.highlighted
        if cursor is None:
            return None
        start = cursor if self.range_start is None else self.range_start
        return min(start, cursor), max(start, cursor)

    def toggle_mark(self) -> None:
        """Start a range at the highlighted line, or drop the mark."""
        self.range_start = None if self.range_start is not None else self.highlighted
        self.redraw()

    def _prompt(self, index: int, marked: tuple[int, int] | None) -> Text:
        ids = self.used.get(index)
        marker = f"{ids[0]}{'+' if len(ids) > 1 else ''}" if ids else "·"
        prompt = Text(f"{marker:>5} ", style="bold green" if ids else "dim")
        prompt.append_text(plain(display(self.lines[index]) or " ", "" if ids else "dim"))
        if marked and marked[0] <= index <= marked[1]:
            prompt.stylize("reverse")
        return prompt

    def show(self, used: dict[int, list[str]]) -> None:
        """Mark the lines in use; only lines whose marking changed are replaced."""
        self.used = used
        self.redraw()

    def redraw(self) -> None:
        marked = self.selection() if self.range_start is not None else None
        prompts = [self._prompt(i, marked) for i in range(len(self.lines))]
        if not self._drawn:
            self.add_options(prompts)
        else:
            for index, prompt in enumerate(prompts):
                if prompt != self._drawn[index]:
                    self.replace_option_prompt_at_index(index, prompt)
        self._drawn = prompts

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.range_start is not None:
            self.redraw()


class CriteriaList(OptionList):
    """The criteria in the employer's order: ! when uncertain, id, text, category and how assessed."""

    @staticmethod
    def prompt(c: DraftCriterion) -> Text:
        out = Text("!" if c.uncertain else " ", style="bold yellow")
        out.append(f"{c.id:<4}", style="bold green" if c.kind == "essential" else "bold cyan")
        out.append_text(plain(c.text))
        extra = " · ".join(x for x in (c.category, method_codes(list[str](c.assessed_by))) if x)
        if extra:
            out.append_text(plain(f"  [{extra}]", "dim"))
        return out

    def show(self, criteria: list[DraftCriterion], row: int) -> None:
        self.clear_options()
        self.add_options(self.prompt(c) for c in criteria)
        if criteria:
            self.highlighted = max(0, min(row, len(criteria) - 1))
