"""Command palette on the home screen: make a new role from scratch, or import one."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = (
    ("New role", "Build a role from scratch in the review editor", "new_role"),
    ("Import role", "Read a job document or pasted text, then review it", "import_document"),
)


class RoleCommands(Provider):
    """'New role' and 'Import role' for the screen that has those actions."""

    def _commands(self):
        for name, help_text, action in COMMANDS:
            method = getattr(self.screen, f"action_{action}", None)
            if method is not None:
                yield name, help_text, method

    async def discover(self) -> Hits:
        for name, help_text, method in self._commands():
            yield DiscoveryHit(name, method, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, method in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), method, help=help_text)
