"""A hard time cap on reading one job document, and a cap on how many criteria one may hold.

Every reader is bounded by size (doc_limits), but a document under every size cap can still take long
to lay out and extract. ``time_cap`` stops the work after ``doc_limits.SECONDS`` with one BadInput line:
in the main thread by a timer signal (so it fires inside any reader, not only where a reader checks),
elsewhere (the app's worker threads) the readers' own checks and the size caps bound the work.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from . import doc_limits
from .errors import BadInput

MAX_CRITERIA = 500  # criteria in one document: a person specification has tens, a long one about a hundred


class TooSlow(BadInput):
    """Reading a document passed the time cap."""


@contextmanager
def time_cap(name: object, seconds: float | None = None) -> Iterator[None]:
    """Raise TooSlow (naming ``name``) if the block runs longer than ``seconds`` (default the documents' cap)."""
    limit = doc_limits.SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield  # no signals off the main thread; never disturb a timer someone else set
        return

    def too_slow(_signum: int, _frame: FrameType | None) -> None:
        raise TooSlow(f"{name}: reading took more than {limit:g} s; refused (is this really a job document?)")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_criteria(name: object, count: int) -> None:
    """Refuse a document from which more than MAX_CRITERIA criteria were read."""
    if count > MAX_CRITERIA:
        limit = f"the limit is {MAX_CRITERIA:,}"
        raise BadInput(f"{name}: {count:,} criteria found ({limit}); refused (is this really a job document?)")
