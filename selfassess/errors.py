"""Errors that carry a message fit for one line on stderr or one notification."""

from __future__ import annotations


class BadInput(Exception):
    """Input the user or a file gave us that we cannot use; the CLI exits 2.

    ``problems`` holds one line per problem, each naming the file or field.
    """

    def __init__(self, *problems: str) -> None:
        self.problems = [p for p in problems if p] or ["bad input"]
        super().__init__(self.problems[0])

    def __str__(self) -> str:
        return "\n".join(self.problems)
