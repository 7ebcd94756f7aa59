"""The role library's files and a quick listing of them (tomllib only, no validation).

`roles.scan_library` validates every file fully; this module lets the first screen list roles before
that has run. Both take the files in the same order: built-in roles, then imported ones.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .errors import BadInput
from .fileio import read_regular

SCALES_FILE = "scales.toml"
MAX_ROLE_FILE_BYTES = 1_000_000


def role_files(imported_dir: str | os.PathLike[str] | None = None) -> list[tuple[Path, bool]]:
    """(path, imported?) of every role file: built-in first, then imported, each sorted by name."""
    out = []
    for folder, imported in ((paths.builtin_roles_dir(), False), (paths.imported_roles_dir(imported_dir), True)):
        if folder.is_dir():
            out += [(p, imported) for p in sorted(folder.glob("*.toml")) if p.name != SCALES_FILE]
    return out


@dataclass(frozen=True)
class QuickRole:
    """What the role list shows, read straight from the file."""

    id: str
    title: str
    organisation: str | None
    essential: int
    desirable: int
    path: Path


_KEY = re.compile(r'^(id|title|organisation) = ("(?:[^"\\]|\\.)*")\s*$', re.M)
_KIND = re.compile(r'^kind = "(essential|desirable)"\s*$', re.M)
_MULTILINE = ('"' * 3, "'" * 3)


def _peek(text: str) -> dict | None:
    """Id, title, organisation and kinds read line by line from a file laid out as `roles.role_to_toml`
    writes it; None for any other layout (the caller then parses the file in full)."""
    head = text.split("[[criteria]]", 1)[0]
    if any(quote in head for quote in _MULTILINE):
        return None
    fields = {key: json.loads(value) for key, value in _KEY.findall(head)}
    kinds = _KIND.findall(text)
    if "title" not in fields or not kinds or len(kinds) != text.count("[[criteria]]"):
        return None
    return {**fields, "criteria": [{"kind": k} for k in kinds]}


def quick_roles(imported_dir: str | os.PathLike[str] | None = None) -> list[QuickRole]:
    """Roles as listed on the first screen; files that do not parse are left for the full scan to report."""
    found: dict[str, QuickRole] = {}
    for path, _imported in role_files(imported_dir):
        try:
            text = read_regular(path, MAX_ROLE_FILE_BYTES, "a role file", within=path.parent).decode("utf-8")
            data = _peek(text) or tomllib.loads(text)
            kinds = [c.get("kind") for c in data["criteria"]]
            role = QuickRole(
                id=str(data.get("id") or path.stem),
                title=str(data["title"]),
                organisation=data.get("organisation"),
                essential=kinds.count("essential"),
                desirable=kinds.count("desirable"),
                path=path,
            )
        except (BadInput, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            continue
        if role.id in found:
            continue  # a later file with a used id (an imported one shadowing a built-in) is not offered
        found[role.id] = role
    return list(found.values())
