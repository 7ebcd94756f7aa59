"""The role library: load and validate role files (TOML), scale presets, write imported roles."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from . import paths
from .controls import CONTROL
from .errors import BadInput
from .fileio import atomic_write, ensure_private_dir, read_bounded
from .models import Role, Scale
from .role_index import MAX_ROLE_FILE_BYTES, SCALES_FILE, role_files


@dataclass
class Library:
    """The roles the app offers, and one line per role file that could not be used."""

    roles: list[Role] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    raw = read_bounded(path, MAX_ROLE_FILE_BYTES, "a role file")
    if b"\x00" in raw:
        raise BadInput(f"{path}: binary file, not a TOML role file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def _loc_to_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


class _Lines:
    """Where keys and ``[[criteria]]`` tables start in a TOML role file, indexed once (linear time)."""

    _KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}  # key -> line, before the first table header
        self.tables: list[dict[str, int]] = []  # per [[criteria]]: key -> line; "" -> its header line
        target: dict[str, int] | None = self.top
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped == "[[criteria]]":
                self.tables.append({"": number})
                target = self.tables[-1]
            elif stripped.startswith("["):
                target = target if self.tables else None  # keys under other tables are not top-level keys
            elif target is not None and (match := self._KEY.match(line)):
                target.setdefault(match.group(1), number)

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """Best-effort line number for a pydantic error location."""
        if loc and loc[0] == "criteria" and len(loc) >= 2 and isinstance(loc[1], int):
            if loc[1] >= len(self.tables):
                return None
            table = self.tables[loc[1]]
            if len(loc) >= 3 and isinstance(loc[2], str) and loc[2] in table:
                return table[loc[2]]
            return table[""]
        if loc and isinstance(loc[0], str):
            return self.top.get(loc[0])
        return None


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line number in a TOML role file for a pydantic error location."""
    return _Lines(text).line_of(loc)


def _validation_lines(name: str, text: str, exc: ValidationError) -> list[str]:
    out = []
    index = _Lines(text)
    for err in exc.errors():
        loc = tuple(err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        line = index.line_of(loc)
        where = f"{name}:{line}" if line else name
        out.append(f"{where}: {_loc_to_path(loc)}: {message}")
    return out


def parse_role(text: str, name: str, default_id: str | None = None) -> Role:
    """Parse and validate role TOML; BadInput lists every problem as 'NAME[:LINE]: field: message'."""
    return _role_from(_toml(text, name), text, name, default_id)


def _toml(text: str, name: str) -> dict[str, Any]:
    """The TOML document; BadInput names the file (and the line) when it is not TOML we accept."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        where = f"{name}:{match.group(1)}" if match else name
        raise BadInput(f"{where}: TOML syntax error: {message}") from exc
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, nesting thousands deep
        raise BadInput(f"{name}: TOML not accepted ({type(exc).__name__}: {str(exc)[:80]})") from exc


def _role_from(data: dict[str, Any], text: str, name: str, default_id: str | None) -> Role:
    if default_id and "id" not in data:
        data["id"] = default_id
    try:
        role = Role.model_validate(data)
    except ValidationError as exc:
        raise BadInput(*_validation_lines(name, text, exc)) from exc
    known = scales()
    if role.scale not in known:
        line = _line_of(text, ("scale",))
        where = f"{name}:{line}" if line else name
        raise BadInput(f"{where}: scale: unknown scale {role.scale!r} (known: {', '.join(sorted(known))})")
    return role


def _control_fields(value: Any, loc: tuple[Any, ...] = ()) -> list[str]:
    """The fields of a TOML document whose text holds control characters (the role keeps them out)."""
    if isinstance(value, str):
        return [_loc_to_path(loc)] if CONTROL.search(value) else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    return [field for key, item in items for field in _control_fields(item, (*loc, key))]


def _stem_id(path: Path) -> str | None:
    stem = path.stem.lower()
    return stem if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", stem) else None


def check_file(path: str | os.PathLike[str]) -> Role:
    """Load one role file, raising BadInput with one line per problem."""
    path = Path(path)
    return parse_role(_read_text(path), str(path), _stem_id(path))


def check_report(path: str | os.PathLike[str]) -> tuple[Role, list[str]]:
    """``check_file``, and the fields whose control characters (escape, bell) the role leaves out."""
    path = Path(path)
    text = _read_text(path)
    data = _toml(text, str(path))
    return _role_from(data, text, str(path), _stem_id(path)), _control_fields(data)


# --- scales ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def scales() -> dict[str, Scale]:
    """Scale presets shipped with the package, by id."""
    path = paths.builtin_roles_dir() / SCALES_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {s.id: s for s in (Scale.model_validate(item) for item in data["scale"])}


def get_scale(scale_id: str) -> Scale:
    """One scale preset; BadInput when unknown."""
    known = scales()
    if scale_id not in known:
        raise BadInput(f"unknown scale {scale_id!r} (known: {', '.join(sorted(known))})")
    return known[scale_id]


# --- the library -----------------------------------------------------------------------


def scan_library(imported_dir: str | os.PathLike[str] | None = None) -> Library:
    """Built-in roles, then imported ones; a bad or clashing file is skipped with a problem line."""
    result = Library()
    seen: dict[str, Path] = {}
    imported_paths: set[Path] = set()
    for path, imported in role_files(imported_dir):
        try:
            role = check_file(path)
        except BadInput as exc:
            result.problems.append(exc.problems[0])
            continue
        if role.id in seen:
            why = "shadows the built-in role" if imported and seen[role.id] not in imported_paths else "already used by"
            result.problems.append(f"{path}: id {role.id!r} {why} {seen[role.id]}; give it its own id (not used)")
            continue
        if imported:
            imported_paths.add(path)
        seen[role.id] = path
        result.roles.append(role)
    return result


def library(imported_dir: str | os.PathLike[str] | None = None) -> list[Role]:
    """The roles the app offers (built-in and imported), in library order."""
    return scan_library(imported_dir).roles


def load_role(id_or_path: str | os.PathLike[str], imported_dir: str | os.PathLike[str] | None = None) -> Role:
    """One role, by library id or by path to a role file."""
    text = str(id_or_path)
    if text.endswith(".toml") or os.sep in text or Path(text).is_file():
        return check_file(text)
    roles = library(imported_dir)
    for role in roles:
        if role.id == text:
            return role
    raise BadInput(f"{text}: no such role (known: {', '.join(r.id for r in roles)})")


# --- writing ---------------------------------------------------------------------------


def role_to_toml(role: Role) -> str:
    """A human-editable TOML rendering of a role (round-trips through parse_role)."""
    data = role.model_dump(mode="json", exclude_none=True)
    data["limits"] = {k: v for k, v in data.get("limits", {}).items() if v is not None}
    if not data["limits"]:
        del data["limits"]
    for criterion in data["criteria"]:
        if criterion.get("weight") == 1.0:
            del criterion["weight"]
        if not criterion.get("questions"):
            criterion.pop("questions", None)
    header = "# selfassess role file: edit freely, then run `selfassess check FILE`.\n"
    return header + tomli_w.dumps(data, multiline_strings=True)


def write_role(role: Role, folder: str | os.PathLike[str] | None = None, force: bool = False) -> Path:
    """Save a role into the imported-roles folder; refuses to replace an existing id unless forced."""
    target_dir = ensure_private_dir(paths.imported_roles_dir(folder))
    target = target_dir / f"{role.id}.toml"
    if any(r.id == role.id for r in scan_library(os.devnull).roles):  # built-in roles only
        raise BadInput(f"{target}: {role.id!r} is a built-in role's id; give the imported role its own id")
    if not force:
        clash = next((r for r in library(target_dir) if r.id == role.id), None)
        if clash is not None or target.exists():
            raise BadInput(f"{target}: role {role.id!r} already exists (use --force to replace it)")
    atomic_write(target, role_to_toml(role).encode("utf-8"), mode=0o600)
    return target
