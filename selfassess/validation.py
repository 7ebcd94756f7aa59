"""Pydantic validation errors as the project's one-line BadInput."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import BadInput

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
        raise error(f"{what}: {first_problem(exc)}") from exc
