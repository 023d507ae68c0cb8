"""The few words of a statement sqlglot keeps as an opaque Command, read from sqlglot's own tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from .dialects import Dialect
from .statements import Statement, tokenize

if TYPE_CHECKING:
    from .state import SchemaState


def words(statement: Statement, dialect: Dialect) -> list[tuple[str, str]]:
    """(upper text, text) of each token, for the few words of a Command."""
    try:
        tokens = tokenize(statement.text, dialect)
    except TokenError:
        return []
    return [(t.text.upper(), t.text) for t in tokens]


def table_named(state: SchemaState, text: str) -> exp.Table | None:
    try:
        return exp.to_table(text, dialect=state.dialect.sqlglot)
    except (ParseError, TokenError, ValueError):
        return None


__all__ = ["table_named", "words"]
