"""SQLAlchemy column types written in a migration, spelled as the database will spell them.

`sa.String(40)` is built as SQLAlchemy's own `String(40)` (only classes of SQLAlchemy's type
modules, only literal arguments: nothing of the migration runs) and compiled by the dialect of the
database's engine, so an Alembic history shows `varchar(40)`, `uuid` or `timestamp with time zone`
as the database has them. A type SQLAlchemy does not ship (a project's own, `sqlalchemy_utils`)
stays unknown rather than guessed.
"""

from __future__ import annotations

import ast
import importlib
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from .pyast import Scope, Unreadable

_MODULES = ("sqlalchemy", "sqlalchemy.types", "sqlalchemy.sql.sqltypes")
_DIALECTS = {
    "postgresql": "sqlalchemy.dialects.postgresql",
    "mysql": "sqlalchemy.dialects.mysql",
    "mariadb": "sqlalchemy.dialects.mysql",
    "sqlite": "sqlalchemy.dialects.sqlite",
    "mssql": "sqlalchemy.dialects.mssql",
    "oracle": "sqlalchemy.dialects.oracle",
}


@cache
def dialect(engine: str | None) -> Dialect:
    """The SQLAlchemy dialect types are compiled for; PostgreSQL's when the engine is not known."""
    module = importlib.import_module(_DIALECTS.get(engine or "", "sqlalchemy.dialects.postgresql"))
    made: Dialect = module.dialect()
    if engine == "mariadb":
        made.is_mariadb = True  # type: ignore[attr-defined]
    return made


def type_class(qualified: str | None) -> type[TypeEngine[Any]] | None:
    """The SQLAlchemy type class a dotted name denotes (`sqlalchemy.String`, `...postgresql.JSONB`)."""
    if not qualified:
        return None
    module_name, _, name = qualified.rpartition(".")
    candidates = [module_name] if module_name.startswith("sqlalchemy.dialects.") else []
    if module_name in ("sqlalchemy", "sqlalchemy.types", "sqlalchemy.sql.sqltypes", "sa"):
        candidates = list(_MODULES)
    elif module_name.startswith("sqlalchemy.dialects.") and module_name.count(".") > 2:
        candidates = [".".join(module_name.split(".")[:3])]
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        found = getattr(module, name, None)
        if isinstance(found, type) and issubclass(found, TypeEngine):
            return found
    return None


def is_type(node: ast.expr, scope: Scope) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return type_class(scope.qualified(target)) is not None if isinstance(target, (ast.Name, ast.Attribute)) else False


def build(node: ast.expr, scope: Scope) -> TypeEngine[Any]:
    """The SQLAlchemy type object a migration writes; Unreadable when it is not one of SQLAlchemy's."""
    if isinstance(node, (ast.Name, ast.Attribute)):
        cls = type_class(scope.qualified(node))
        if cls is None:
            raise Unreadable(node, "not a SQLAlchemy type")
        return _make(cls, [], {}, node)
    if isinstance(node, ast.Call):
        cls = type_class(scope.qualified(node.func)) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
        if cls is None:
            raise Unreadable(node, "not a SQLAlchemy type")
        args = [build(a, scope) if is_type(a, scope) else scope.value(a) for a in node.args]
        kwargs = {}
        for k in node.keywords:
            if k.arg is None:
                raise Unreadable(node, "type arguments given as **kwargs")
            kwargs[k.arg] = build(k.value, scope) if is_type(k.value, scope) else _value(k.value, scope)
        return _make(cls, args, kwargs, node)
    raise Unreadable(node, "not a SQLAlchemy type")


def spelled(node: ast.expr, scope: Scope, engine: str | None) -> str | None:
    """The type as `engine` spells it (lower case), or None when it cannot be known statically."""
    try:
        made = build(node, scope)
    except Unreadable:
        return None
    return compile_type(made, engine)


def compile_type(made: TypeEngine[Any], engine: str | None) -> str | None:
    try:
        text = str(made.compile(dialect=dialect(engine)))
    except (sa.exc.CompileError, sa.exc.UnsupportedCompilationError, TypeError, ValueError, AttributeError):
        try:
            text = str(made.compile(dialect=dialect("postgresql")))
        except Exception:
            return None
    return _lower(text)


def _lower(text: str) -> str:
    """Keywords in lower case as catalogs show them; quoted names and literals (enum values) as written."""
    parts = text.split("'")
    return "'".join(p if i % 2 or '"' in p else p.lower() for i, p in enumerate(parts))


def _value(node: ast.expr, scope: Scope) -> Any:
    try:
        return scope.value(node)
    except Unreadable:
        name = scope.qualified(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        if name and name.rpartition(".")[2] in ("Text", "Unicode", "UnicodeText"):
            return None
        raise


def _make(cls: type[TypeEngine[Any]], args: list[Any], kwargs: dict[str, Any], node: ast.expr) -> TypeEngine[Any]:
    kwargs = {k: v for k, v in kwargs.items() if k not in ("create_type", "native_enum") or v is not None}
    try:
        return cls(*args, **kwargs)
    except Exception as problem:
        raise Unreadable(node, f"{cls.__name__}(...) cannot be built: {problem}") from None


__all__ = ["build", "compile_type", "dialect", "is_type", "spelled", "type_class"]
