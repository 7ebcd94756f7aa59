"""British English spelling, offline: the shipped en_GB Hunspell word list, checks and suggestions."""

from .check import Issue, british_form, check_spelling
from .dictionary import WordList, shared
from .suggest import suggest

__all__ = ["Issue", "WordList", "british_form", "check_spelling", "shared", "suggest"]
