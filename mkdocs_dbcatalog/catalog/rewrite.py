"""Rewriting every text inside a model object: for what must hold of all of them at once.

The sources apply `urls.mask_text` to what they produce this way, so a connection URL written in
any description, comment, command or view definition (literally or through `${VAR}`) reaches the
pages, the search index, the cache and every output masked, without each field remembering to.

A catalog of 1,000 tables holds a few hundred thousand values, so each model class gets a plan,
made once from its type hints, that visits only the fields that can hold text. A change that leaves
almost every text as it is says which texts it may alter (`may_change`, a test of what a text
contains): an object's texts are then joined and tested at once, in C, and the object is walked
only when the test holds; a catalog without a URL in it costs one scan.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")
Change = Callable[[str], str]
Handler = Callable[[Any, Change], Any]
Strings = Callable[[Any], Iterable[Any]]

_NO_TEXT = (bool, int, float, date, datetime, type(None))


def map_text(value: T, change: Change, may_change: Callable[[str], bool] | None = None) -> T:
    """`value` with `change` applied to every string in it; objects are rebuilt only where a string changed.

    `may_change`: true of every text that `change` alters, and of every text that contains one
    (a test of substrings, such as `urls.may_mask` for `mask_text`); objects whose texts, joined,
    fail it are left as they are without calling `change`.
    """
    result: T = _any(value, _Guarded(change, may_change) if may_change else change)
    return result


class _Opaque(Exception):
    """A value whose strings cannot be listed from its type (a mapping): walk it instead."""


class _Guarded:
    """A change that can tell, from all of an object's texts at once, that it would alter none."""

    __slots__ = ("change", "may_change")

    def __init__(self, change: Change, may_change: Callable[[str], bool]) -> None:
        self.change = change
        self.may_change = may_change

    def __call__(self, text: str) -> str:
        return self.change(text)

    def untouched(self, strings: Strings, value: Any) -> bool:
        """True when joined, the strings that `strings` lists of `value` (None left out) fail
        `may_change`: none of them would change."""
        try:
            joined = "".join(filter(None, strings(value)))  # one C-level pass over all of them
        except (TypeError, _Opaque):  # not all strings: look at each
            return False
        return not self.may_change(joined)


class _Plan:
    """How to visit one model class: its text fields, its other fields that can hold text (each with
    how to visit it), and how to list all the strings an object holds, nested ones included."""

    __slots__ = ("cls", "flat", "get_texts", "listers", "others", "strings", "texts", "tuples")

    def __init__(self, cls: type) -> None:
        hints = typing.get_type_hints(cls)
        texts, others, listers, tuples = [], [], [], []
        for f in fields(cls):
            hint = hints[f.name]
            handler = _handler(hint) if f.init else None
            if handler is _text:
                texts.append(f.name)
            elif handler is not None:
                others.append((f.name, handler))
                listers.append(_lister(f.name, hint))
                if typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, Ellipsis):
                    tuples.append(attrgetter(f.name))
        self.cls = cls
        self.texts = tuple(texts)
        self.others: tuple[tuple[str, Handler], ...] = tuple(others)
        self.listers: tuple[Strings, ...] = tuple(listers)
        """Per field of `others`, the strings it holds."""
        self.flat = len(tuples) == len(listers)
        """Only texts and tuples of texts: the strings of many such objects are listed in C."""
        self.tuples = tuple(tuples)
        get_texts: Strings = attrgetter(*texts) if len(texts) > 1 else _one(texts[0]) if texts else _none
        self.get_texts = get_texts
        self.strings: Strings = lambda value: chain(get_texts(value), *[lister(value) for lister in listers])

    def strings_of_all(self, items: tuple[Any, ...]) -> Iterable[Any]:
        """The strings of objects of this class, without a Python call per object when it is flat."""
        if not self.flat or set(map(type, items)) != {self.cls}:  # a subclass may hold more
            return chain.from_iterable(map(_strings, items))
        return chain(
            chain.from_iterable(map(self.get_texts, items)), *[chain.from_iterable(map(g, items)) for g in self.tuples]
        )


def _same(value: Any) -> Any:
    return value


def _none(_: Any) -> tuple[()]:
    return ()


def _one(name: str) -> Strings:
    get = attrgetter(name)
    return lambda value: (get(value),)


def _lister(name: str, hint: Any) -> Strings:
    """The strings a field holds: a tuple of strings is its own list; tuples of model objects are
    listed by their class's plan; anything else is found at run time."""
    get = attrgetter(name)
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:
            return get
        if isinstance(args[0], type) and is_dataclass(args[0]):
            item_class = args[0]

            def items(value: Any) -> Iterable[Any]:
                found = get(value)
                return _plan(item_class).strings_of_all(found) if found else ()

            return items
    return lambda value: _strings(get(value))


def _strings(value: Any) -> Iterable[Any]:
    if value is None:
        return ()
    kind = type(value)
    if kind is str:
        return (value,)
    if kind is tuple:
        return chain.from_iterable(map(_strings, value))
    plan = _PLANS.get(kind)
    if plan is not None:
        return plan.strings(value)
    if is_dataclass(value) and not isinstance(value, type):
        return _plan(kind).strings(value)
    if isinstance(value, (enum.Enum, *_NO_TEXT)):  # enum members are fixed words: never changed
        return ()
    raise _Opaque


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _Plan(cls)
    return plan


_PLANS: dict[type, _Plan] = {}


def _text(value: Any, change: Change) -> Any:
    if type(value) is not str:
        return value
    new = change(value)
    return value if new == value else new


def _object(value: Any, change: Change) -> Any:
    if value is None:
        return None
    plan = _plan(type(value))
    guard = change if isinstance(change, _Guarded) else None
    if guard is not None and plan.flat and guard.untouched(plan.strings, value):
        return value
    changed = {}
    # Guarded, each field is tested on its own: a database whose URL holds `@` is not walked
    # table by table for it.
    if guard is None or not guard.untouched(plan.get_texts, value):
        for name in plan.texts:  # the hot loop: most of a catalog's values are these
            old = getattr(value, name)
            if type(old) is str:
                new = change(old)
                if new != old:
                    changed[name] = new
    for (name, handler), lister in zip(plan.others, plan.listers, strict=True):
        if guard is not None and guard.untouched(lister, value):
            continue
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
    if not value or (handler is _text and isinstance(change, _Guarded) and change.untouched(_same, value)):
        return value
    items = tuple(handler(item, change) for item in value)
    return value if all(a is b for a, b in zip(items, value, strict=True)) else items


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
