"""The scoring screen's timer line: the stage, time on the current criterion and in all, and whether
auto-advance is on; one line that fits 80 columns."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def clock_line(stage: str, on_criterion: float, in_all: float, advance: bool) -> Text:
    """The timer line: the stage, time on this criterion and in all, auto-advance."""
    return Text(
        f"{stage} {clock(on_criterion)} on it, {clock(in_all)} in all · auto-advance {'on' if advance else 'off'} (a)",
        style="dim",
    )


class InterviewClock(Static):
    """Ticks once a second; ``read`` is the clock (the screen's, so tests can freeze it)."""

    DEFAULT_CSS = "InterviewClock { height: 1; padding: 0 1; }"

    def __init__(self, stage: str, read: Callable[[], float], **kwargs) -> None:
        super().__init__(**kwargs)
        self.stage, self.read, self.advance = stage, read, True
        self.started = self.criterion_started = read()

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)
        self.tick()

    def new_criterion(self) -> None:
        self.criterion_started = self.read()
        self.tick()

    def set_advance(self, advance: bool) -> None:
        self.advance = advance
        self.tick()

    def tick(self) -> None:
        moment = self.read()
        self.update(clock_line(self.stage, moment - self.criterion_started, moment - self.started, self.advance))
