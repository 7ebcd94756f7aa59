"""A screen mix-in: keys bound with ``show=False`` appear in the footer when the terminal is wide enough.

The screen names them in ``FOOTER_EXTRAS`` (binding ids, most useful first); each one that fits beside
the keys always shown is shown, so no key is cut at the right edge and F1 help lists the rest.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.screen import Screen

from ..footer_fit import extras_that_fit, label_width


class FittedFooterKeys(Screen):
    """Shows the optional keys that fit the width; call ``fit_footer`` on resize."""

    FOOTER_EXTRAS: tuple[str, ...] = ()
    _footer_extras: frozenset[str] = frozenset()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active = super().active_bindings
        if not self._footer_extras:
            return active
        return {
            key: a._replace(binding=replace(a.binding, show=True)) if a.binding.id in self._footer_extras else a
            for key, a in active.items()
        }

    def fit_footer(self) -> None:
        """Choose the optional keys for the current width; the footer redraws if the choice changed."""
        active = super().active_bindings.values()
        seen: set[str] = set()
        shown, optional = [], {}
        for a in active:
            width = label_width(self.app.get_key_display(a.binding), a.binding.description)
            if a.binding.show and a.binding.action not in seen:
                seen.add(a.binding.action)
                shown.append(width)
            elif a.binding.id in self.FOOTER_EXTRAS:
                optional[a.binding.id] = width
        extras = [(name, optional[name]) for name in self.FOOTER_EXTRAS if name in optional]
        chosen = frozenset(extras_that_fit(shown, extras, self.size.width))
        if chosen != self._footer_extras:
            self._footer_extras = chosen
            self.refresh_bindings()
