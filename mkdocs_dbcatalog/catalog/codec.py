"""The catalog model as plain JSON data and back, for the on-disk cache and snapshots.

Generic over the frozen dataclasses of `model`: fields are written by name (defaults left out),
tuples as lists, enums by value, dates in ISO 8601. Reading rebuilds the exact objects from the
type hints, so `from_data(Database, to_data(db)) == db`.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import functools
import types
import typing
from datetime import date, datetime
from typing import Any, TypeVar, Union

T = TypeVar("T")


def to_data(value: Any) -> Any:
    """JSON-ready data for a model object (or any value inside one)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for item in dataclasses.fields(value):
            current = getattr(value, item.name)
            if item.default is not dataclasses.MISSING and current == item.default:
                continue
            if item.default_factory is not dataclasses.MISSING and current == item.default_factory():
                continue
            out[item.name] = to_data(current)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, collections.abc.Mapping):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def from_data(cls: type[T], data: Any) -> T:
    """The model object of type `cls` that `to_data` wrote. Raises ValueError on data of another shape."""
    result: T = _read(cls, data)
    return result


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A model class's field types and names, resolved once (a cached read holds a hundred thousand objects)."""
    return typing.get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls))


def _read(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if data is None:
            return None
        if datetime in options and isinstance(data, str) and "T" in data:
            return datetime.fromisoformat(data)
        errors = []
        for option in options:
            try:
                return _read(option, data)
            except (TypeError, ValueError) as problem:
                errors.append(problem)
        raise ValueError(f"{data!r} fits none of {options}: {errors}")
    if origin in (dict, collections.abc.Mapping):
        key_type, value_type = typing.get_args(hint) or (str, Any)
        if not isinstance(data, dict):
            raise ValueError(f"expected a mapping, got {data!r}")
        return {_read(key_type, k): _read(value_type, v) for k, v in data.items()}
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {data!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], v) for v in data)
        return tuple(_read(a, v) for a, v in zip(args, data, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"expected a mapping for {hint.__name__}, got {data!r}")
        hints, names = _shape(hint)
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown fields for {hint.__name__}: {sorted(unknown)}")
        return hint(**{name: _read(hints[name], value) for name, value in data.items()})
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(data)
    if hint is datetime:
        return datetime.fromisoformat(data)
    if hint is date:
        return date.fromisoformat(data)
    if hint in (str, int, float, bool):
        accepted = (int, float) if hint is float else hint
        if (hint is int and isinstance(data, bool)) or not isinstance(data, accepted):
            raise TypeError(f"expected {hint.__name__}, got {data!r}")
        return data
    if hint is Any:
        return data
    raise TypeError(f"cannot read {hint!r}")
