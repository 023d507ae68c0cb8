"""The grammars the static readers parse with (schema.prisma, Rails' Ruby DSL): lark LALR parsers,
built once per process from the `.lark` file beside their reader, and their errors in words."""

from __future__ import annotations

import re
import threading
from importlib import resources
from typing import Any

_parsers: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()


def parser(package: str, name: str, **options: Any) -> Any:
    """The lark parser of `package`'s grammar file `name` (lark is imported only when one is needed)."""
    import lark

    with _lock:
        found = _parsers.get((package, name))
        if found is None:
            grammar = resources.files(package).joinpath(name).read_text(encoding="utf-8")
            found = _parsers[(package, name)] = lark.Lark(grammar, parser="lalr", maybe_placeholders=False, **options)
        return found


def unexpected(problem: Any, text: str) -> str:
    """What a parser stopped at, in words: `unexpected 'end'`, `unexpected end of file`."""
    token = getattr(problem, "token", None)
    if token is not None and getattr(token, "type", "") == "$END":
        return "unexpected end of file"
    if token is not None:
        return f"unexpected {str(token).strip()!r}" if str(token).strip() else "unexpected end of line"
    word = re.match(r"\S+", text[getattr(problem, "pos_in_stream", 0) or 0 :])
    return f"unexpected {word.group(0)[:30]!r}" if word else "unexpected end of file"


__all__ = ["parser", "unexpected"]
