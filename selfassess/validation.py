"""Pydantic validation errors as the project's one-line BadInput."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import BadInput
from .safetext import mend_surrogates

M = TypeVar("M", bound=BaseModel)


def first_problem(exc: ValidationError) -> str:
    """'field.path: message' for the first error ('message' alone when it concerns the whole record)."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def validated(model: type[M], what: str, data: dict[str, Any], error: type[BadInput] = BadInput) -> M:
    """``model`` validated from ``data``; ``error('<what>: <field>: <problem>')`` if it does not validate."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        mended = _mended(data)
        if mended != data:  # a lone surrogate is replaced, not a reason to refuse (or lose) the text
            return validated(model, what, mended, error)
        raise error(f"{what}: {first_problem(exc)}") from exc


def _mended(value: Any) -> Any:
    """``value`` with every string (keys too) made writable as UTF-8 (see safetext.mend_surrogates)."""
    if isinstance(value, str):
        return mend_surrogates(value)
    if isinstance(value, dict):
        return {_mended(k): _mended(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_mended(v) for v in value]
    return value
