"""Rewriting every text inside a model object: for what must hold of all of them at once.

The sources apply `urls.mask_text` to what they produce this way, so a connection URL written in
any description, comment, command or view definition (literally or through `${VAR}`) reaches the
pages, the search index, the cache and every output masked, without each field remembering to.

A catalog of 1,000 tables holds a few hundred thousand values, so each model class gets a plan,
made once from its type hints, that visits only the fields that can hold text.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from typing import Any, TypeVar

T = TypeVar("T")
Change = Callable[[str], str]
Handler = Callable[[Any, Change], Any]

_PLANS: dict[type, tuple[tuple[str, ...], tuple[tuple[str, Handler], ...]]] = {}
"""Per model class: its text fields, then its other fields that can hold text (with how to visit each)."""
_NO_TEXT = (bool, int, float, date, datetime, type(None))


def map_text(value: T, change: Change) -> T:
    """`value` with `change` applied to every string in it; objects are rebuilt only where a string changed."""
    result: T = _any(value, change)
    return result


def _text(value: Any, change: Change) -> Any:
    if type(value) is not str:
        return value
    new = change(value)
    return value if new == value else new


def _object(value: Any, change: Change) -> Any:
    if value is None:
        return None
    plan = _PLANS.get(type(value))
    if plan is None:
        plan = _PLANS[type(value)] = _plan(type(value))
    texts, others = plan
    changed = {}
    for name in texts:  # the hot loop: most of a catalog's values are these
        old = getattr(value, name)
        if type(old) is str:
            new = change(old)
            if new != old:
                changed[name] = new
    for name, handler in others:
        old = getattr(value, name)
        new = handler(old, change)
        if new is not old:
            changed[name] = new
    return replace(value, **changed) if changed else value


def _any(value: Any, change: Change) -> Any:
    """Any value, its kind found at run time (fields whose type hint says little)."""
    if type(value) is str:  # not enum members (str subclasses): their value is a fixed word
        return _text(value, change)
    if isinstance(value, tuple):
        return _items(value, change, _any)
    if is_dataclass(value) and not isinstance(value, type):
        return _object(value, change)
    if isinstance(value, Mapping):
        mapped = {key: _any(item, change) for key, item in value.items()}
        return value if all(mapped[k] is v for k, v in value.items()) else mapped
    return value


def _items(value: tuple[Any, ...], change: Change, handler: Handler) -> tuple[Any, ...]:
    items = tuple(handler(item, change) for item in value)
    return value if all(a is b for a, b in zip(items, value, strict=True)) else items


def _plan(cls: type) -> tuple[tuple[str, ...], tuple[tuple[str, Handler], ...]]:
    hints = typing.get_type_hints(cls)
    texts, others = [], []
    for f in fields(cls):
        handler = _handler(hints[f.name]) if f.init else None
        if handler is _text:
            texts.append(f.name)
        elif handler is not None:
            others.append((f.name, handler))
    return tuple(texts), tuple(others)


def _handler(hint: Any) -> Handler | None:
    """How to visit a field of this type; None when it can hold no text."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        found = [h for h in (_handler(a) for a in args if a is not type(None)) if h is not None]
        return found[0] if len(found) == 1 else (_any if found else None)
    if hint is str:
        return _text
    if isinstance(hint, type) and (issubclass(hint, (enum.Enum, *_NO_TEXT))):
        return None
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _handler(args[0])
        return None if item is None else lambda value, change: _items(value, change, item)
    if isinstance(hint, type) and is_dataclass(hint):
        return _object
    return _any
