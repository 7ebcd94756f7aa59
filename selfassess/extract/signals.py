"""Lines that hold only a signal for criteria above them: an E/D letter or how-assessed codes.

One such line belongs to the criterion before it (methods: to every criterion of its group that has
none, as when a method trails a group of criteria). A run of them after a group of criteria (a list of
criteria, then a list of E/D letters, then a list of methods) is matched to the group by position when
the counts agree, and left unassigned when they do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cells import ordered
from .item import Item


@dataclass
class Signal:
    """One signal line: a kind, or methods (an empty list: a cell such as 'Both' that names no method).

    A lone 'D' under a how-assessed heading has both: it is a kind when the run holds other E/D letters.
    """

    number: int
    kind: str | None = None
    methods: list[str] | None = None


@dataclass
class PendingSignals:
    """Signal lines waiting for the end of their run."""

    signals: list[Signal] = field(default_factory=list)

    def add(self, signal: Signal) -> None:
        self.signals.append(signal)

    def flush(self, group: list[Item], target: Item | None) -> None:
        """Give the run of signals to the group of items above it (``target``: the item just before)."""
        sure_kinds = any(s.kind is not None and s.methods is None for s in self.signals)
        kinds = [s for s in self.signals if s.kind is not None and (sure_kinds or s.methods is None)]
        methods = [s for s in self.signals if s.methods is not None and s not in kinds]
        self.signals = []
        if target is None:
            return
        if len(kinds) == 1:
            target.kind_value = kinds[0].kind
            target.touch(kinds[0].number)
        elif len(kinds) > 1 and len(kinds) == len(group):
            for item, signal in zip(group, kinds):
                item.kind_value = signal.kind
                item.touch(signal.number)
        if len(methods) > 1 and len(group) <= 1:  # several method lines under one criterion
            for signal in methods:
                target.methods = ordered((target.methods or []) + (signal.methods or []))
                target.touch(signal.number)
        elif len(methods) == 1:
            # a method cell that wrapped onto its own line: rows above that had no method of their own
            # shared the cell (their criterion cell ran over several lines), so they get all of it
            shared = target.methods if target.row else None
            receivers = [i for i in group if i.methods is None and i is not target] + [target]
            for item in receivers:
                own = shared if item is not target and shared else item.methods
                item.methods = ordered((own or []) + (methods[0].methods or []))
                item.touch(methods[0].number)
        elif len(methods) > 1 and len(methods) == len(group):
            for item, signal in zip(group, methods):
                if signal.methods:
                    item.methods = ordered((item.methods or []) + signal.methods)
                item.touch(signal.number)
