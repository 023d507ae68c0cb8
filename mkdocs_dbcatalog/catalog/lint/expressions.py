"""What the key rules need to know about SQL expressions (checks, partial-index predicates), via sqlglot.

Expressions are the database's own text (`pg_get_expr`, `CHECK_CLAUSE`, a YAML `where:`). One that
does not parse answers None, and each rule then errs on the side of reporting nothing it cannot
stand behind.
"""

from __future__ import annotations

from functools import lru_cache

_DIALECTS = {"postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql", "sqlite": "sqlite"}


@lru_cache(maxsize=4096)
def _parse(expression: str, engine: str | None):  # type: ignore[no-untyped-def]
    import sqlglot  # only rules with expressions to read pay for the import
    from sqlglot.errors import SqlglotError

    try:
        return sqlglot.parse_one(expression, read=_DIALECTS.get(engine or ""))
    except (SqlglotError, ValueError):
        return None


def columns_in(expression: str, engine: str | None) -> frozenset[str] | None:
    """The column names an expression reads, or None when it does not parse."""
    from sqlglot import exp

    tree = _parse(expression, engine)
    if tree is None:
        return None
    return frozenset(column.name for column in tree.find_all(exp.Column))


def not_null_columns(predicate: str, engine: str | None) -> frozenset[str] | None:
    """The columns of `a IS NOT NULL [AND b IS NOT NULL ...]`; None for a predicate of any other shape."""
    from sqlglot import exp

    tree = _parse(predicate, engine)
    if tree is None:
        return None
    found: set[str] = set()
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, exp.Paren):
            pending.append(node.this)
        elif isinstance(node, exp.And):
            pending += [node.left, node.right]
        elif isinstance(node, exp.Not) and isinstance(node.this, exp.Is) and isinstance(node.this.this, exp.Column):
            if not isinstance(node.this.expression, exp.Null):
                return None
            found.add(node.this.this.name)
        elif isinstance(node, exp.Is) and node.args.get("negate") and isinstance(node.this, exp.Column):
            if not isinstance(node.expression, exp.Null):
                return None
            found.add(node.this.name)
        else:
            return None
    return frozenset(found)
