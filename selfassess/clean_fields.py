"""Text field types for the models: text from files and imports kept without control characters.

As names are: control characters (escape, bell) are never kept, so no renderer (terminal, screen header,
export) can be made to obey them; lines are kept where the field has lines.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from .controls import clean_text, one_clean_line, required_line, required_text, strip_controls

CleanLine = Annotated[str | None, AfterValidator(one_clean_line)]  # a name: one line, no controls
TitleLine = Annotated[str, AfterValidator(required_line)]  # one line, not empty
CleanText = Annotated[str | None, AfterValidator(clean_text)]  # lines kept
CleanStr = Annotated[str, AfterValidator(clean_text)]
RequiredText = Annotated[str, AfterValidator(required_text)]  # lines kept, not empty
NoControls = Annotated[str, AfterValidator(strip_controls)]  # a note or reason as typed, controls dropped
