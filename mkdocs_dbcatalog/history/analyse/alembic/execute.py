"""`op.execute()`: the SQL text it runs, when the file writes it literally.

The text goes to the SQL analyser; a SQLAlchemy data statement (`table.update()...`) changes rows,
not structure; SQL built from variables is not analysed.
"""

from __future__ import annotations

import ast

from ..pyast import Scope, Unreadable, short
from .arguments import argument_of, sa_name

_DATA_STATEMENTS = ("update", "insert", "delete", "values", "where", "select")


def sql_text(call: ast.Call, scope: Scope) -> str | None:
    """The SQL of `op.execute(...)` (or a connection's `execute`); None for a data statement."""
    node = argument_of(call, 0, "sqltext")
    if isinstance(node, ast.Call) and sa_name(node, scope) == "text":
        node = argument_of(node, 0, "text")
    try:
        text = scope.value(node)
    except Unreadable:
        text = None
    if isinstance(text, str):
        return text
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _DATA_STATEMENTS:
        return None
    raise Unreadable(call, f"`{short(call)}`: SQL built at run time")
