"""The two lists of the review screen: source lines (source_view.py, a virtual list) and criteria."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList

from ...methods import method_codes
from ...role_draft import DraftCriterion
from ...safetext import plain
from .source_view import SourceList

__all__ = ["CriteriaList", "SourceList"]


class CriteriaList(OptionList):
    """The criteria in the employer's order: ! when uncertain, id, text, category and how assessed."""

    HELP_TITLE = "Criteria list"
    BINDINGS = [Binding("enter", "select", "Edit the criterion's text", id="criteria-edit", show=False)]

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
        """Show the criteria; when their number is unchanged only the prompts that changed are replaced."""
        prompts = [self.prompt(c) for c in criteria]
        drawn = getattr(self, "_drawn", None)
        if drawn is not None and len(drawn) == len(prompts) == self.option_count:
            for index, prompt in enumerate(prompts):
                if prompt != drawn[index]:
                    self.replace_option_prompt_at_index(index, prompt)
        else:
            self.clear_options()
            self.add_options(prompts)
        self._drawn = prompts
        if criteria:
            self.highlighted = max(0, min(row, len(criteria) - 1))
