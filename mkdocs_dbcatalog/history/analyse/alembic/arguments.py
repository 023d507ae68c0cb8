"""Arguments of Alembic directives and SQLAlchemy constructs, read as literal values.

Each helper gives what an argument says (a table, column names, a server default as the database
shows it) or raises `Unreadable` when only running the migration could tell.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import Any

from ....catalog.model import TableRef
from ..pyast import Scope, Unreadable, keywords, short


def argument_of(call: ast.Call, position: int, keyword: str) -> ast.expr:
    for k in call.keywords:
        if k.arg == keyword:
            return k.value
    if position < len(call.args) and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    raise Unreadable(call, f"`{short(call)}` has no {keyword} argument that can be read")


def table_ref(name: Any, schema: Any) -> TableRef:
    if not isinstance(name, str):
        raise Unreadable(ast.Constant(None), "a table name that is not literal")
    return TableRef(name, schema if isinstance(schema, str) and schema else None)


def sa_name(node: ast.expr, scope: Scope) -> str | None:
    """`Column` for `sa.Column(...)`, `sqlalchemy.Column(...)` or `Column(...)` imported from SQLAlchemy."""
    target = node.func if isinstance(node, ast.Call) else node
    name = scope.qualified(target) if isinstance(target, (ast.Name, ast.Attribute)) else None
    if name is None:
        return None
    head, _, last = name.rpartition(".")
    if head.startswith("sqlalchemy") or head in ("sa", "") or last in ("Column",):
        return last
    return None


def column_names(scope: Scope, nodes: Iterable[ast.expr]) -> list[str]:
    """Column names (or expressions, `sa.text("lower(email)")`) from strings, lists of them, or columns."""
    found: list[str] = []
    for node in nodes:
        if isinstance(node, ast.Starred):
            raise Unreadable(node, "column names computed at run time")
        if isinstance(node, (ast.List, ast.Tuple)):
            found += column_names(scope, node.elts)
            continue
        if isinstance(node, ast.Call) and sa_name(node, scope) in ("text", "literal_column"):
            found.append(str(scope.value(node.args[0])))
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "f":
            found.append(str(scope.value(node.args[0])))
            continue
        value = scope.value(node)
        if isinstance(value, list):
            found += [str(v) for v in value]
        else:
            found.append(str(value))
    return found


def text_of(scope: Scope, node: ast.expr | None) -> str | None:
    """SQL text given as a string, `sa.text(...)` or `sa.literal_column(...)`."""
    if node is None:
        return None
    if isinstance(node, ast.Call) and sa_name(node, scope) in ("text", "literal_column"):
        return str(scope.value(node.args[0]))
    value = scope.value(node)
    return None if value is None else str(value)


def optional_text(scope: Scope, node: ast.expr | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "f":
        return str(scope.value(node.args[0]))
    value = scope.value(node)
    return None if value is None else str(value)


_FUNCTIONS = {"now": "now()", "current_timestamp": "CURRENT_TIMESTAMP", "true": "true", "false": "false"}


def server_default(scope: Scope, node: ast.expr | None) -> str | None:
    """A server default as the database shows it: a string is a quoted literal, `text()` is SQL."""
    if node is None or (isinstance(node, ast.Constant) and node.value is None):
        return None
    if isinstance(node, ast.Call):
        name = scope.qualified(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
        last = (name or "").rpartition(".")[2]
        if last in ("text", "literal_column") and node.args:
            return str(scope.value(node.args[0]))
        if name and ".func." in f".{name}" and not node.args:
            return _FUNCTIONS.get(last.lower(), f"{last}()")
        if last in ("true", "false") and not node.args:
            return last
        raise Unreadable(node, f"the server default `{short(node)}` is not read")
    value = scope.value(node)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def rule(scope: Scope, node: ast.expr | None) -> str | None:
    value = scope.value(node) if node is not None else None
    return str(value).upper() if value else None


def flag(scope: Scope, call: ast.expr, name: str) -> bool:
    if not isinstance(call, ast.Call):
        return False
    node = keywords(call).get(name)
    return bool(scope.value(node)) if node is not None else False
