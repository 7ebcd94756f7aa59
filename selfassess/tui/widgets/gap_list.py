"""GapList: the statement review's list of what is missing or weak; Enter opens the criterion to fix it."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class GapList(OptionList):
    """Gaps, most severe first; the screen handles ``OptionList.OptionSelected``."""

    HELP_TITLE = "Gaps list"
    BINDINGS = [Binding("enter", "select", "Open the criterion to fix it", id="gaps-open", show=False)]
