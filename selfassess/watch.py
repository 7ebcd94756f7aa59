"""Notice that a file changed, cheaply: one stat, compared with the last one seen."""

from __future__ import annotations

import os
from collections.abc import Hashable
from pathlib import Path


class _Watch:
    """Remembers a stamp of something on disk and says when it changes."""

    seen: Hashable

    def _stamp(self) -> Hashable:
        raise NotImplementedError

    def changed(self) -> bool:
        """True once per change since the last call."""
        stamp = self._stamp()
        if stamp == self.seen:
            return False
        self.seen = stamp
        return True


class FileWatch(_Watch):
    """Remembers a file's (inode, size, mtime) and says when they change (an atomic replace changes the inode)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen = self._stamp()

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)


class FolderWatch(_Watch):
    """Says when any session file in a folder was added, removed or changed (one scandir per call)."""

    def __init__(self, folder: Path, suffix: str = ".json") -> None:
        self.folder, self.suffix = folder, suffix
        self.seen = self._stamp()

    def _stamp(self) -> frozenset[tuple[str, int, int, int]]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return frozenset()
        out = set()
        for entry in entries:
            if entry.name.endswith(self.suffix) and not entry.name.startswith("."):
                try:
                    st = entry.stat()
                except OSError:
                    continue
                out.add((entry.name, st.st_ino, st.st_size, st.st_mtime_ns))
        return frozenset(out)
