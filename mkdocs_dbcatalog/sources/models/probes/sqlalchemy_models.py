"""Import a declarative base or MetaData (`module:attribute`) and describe its tables as JSON.

Types, defaults and check expressions are compiled by the target dialect (`dialect`: postgresql,
mysql, mariadb, sqlite...), so they read as `metadata.create_all` would write them there. Names
are given only where the models (or their naming convention) give them; the engine's own
default names are the reader's business.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from dbcatalog_probe import ProbeError, first_line, located, main  # type: ignore[import-not-found]  # next to this file


def describe(request: dict[str, Any]) -> dict[str, Any]:
    target = request["target"]
    module_name, _, attribute = target.partition(":")
    try:
        import sqlalchemy as sa
    except ImportError:
        raise ProbeError("SQLAlchemy is not installed where the build runs (pip install SQLAlchemy)") from None
    try:
        found: Any = importlib.import_module(module_name)
    except BaseException as problem:  # the application's own failure, in one line
        raise ProbeError(f"importing {module_name} failed: {first_line(problem)}") from None
    for part in attribute.split("."):
        if not hasattr(found, part):
            raise ProbeError(f"{module_name} has no attribute {attribute}")
        found = getattr(found, part)
    metadata = found if isinstance(found, sa.MetaData) else getattr(found, "metadata", None)
    if not isinstance(metadata, sa.MetaData):
        raise ProbeError(f"{target} is a {type(found).__name__}, not a declarative base or MetaData")
    try:
        dialect = sa.engine.make_url(f"{request['dialect']}://").get_dialect()()
    except BaseException as problem:
        raise ProbeError(f"SQLAlchemy has no dialect {request['dialect']!r}: {first_line(problem)}") from None
    classes = _classes(getattr(found, "registry", None))
    return {
        "dialect": dialect.name,
        "mariadb": bool(getattr(dialect, "is_mariadb", False)),
        "tables": [_table(sa, dialect, table, classes.get(table)) for table in metadata.sorted_tables],
    }


def _classes(registry: Any) -> dict[Any, type]:
    """The mapped class of each table, for its docstring and `file:line`."""
    found: dict[Any, type] = {}
    for mapper in getattr(registry, "mappers", ()):
        table = getattr(mapper, "local_table", None)
        if table is not None and table not in found:
            found[table] = mapper.class_
    return found


def _attributes(cls: type, table: Any) -> dict[str, str]:
    """`{column name: attribute}` of the mapped class's columns of `table`. `Mapper.columns` is
    keyed by attribute and needs no configured mappers: a broken relationship elsewhere in the
    application does not keep its tables from being read."""
    found: dict[str, str] = {}
    mapper = getattr(cls, "__mapper__", None)
    for key, column in getattr(mapper, "columns", {}).items():
        if getattr(column, "table", None) is table:
            found.setdefault(column.name, key)
    return found


def _name(value: Any) -> str | None:
    """A constraint's given name (or its naming convention's); None when the engine names it."""
    return str(value) if isinstance(value, str) else None


def _compiled(dialect: Any, clause: Any) -> str:
    return str(clause.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _table(sa: Any, dialect: Any, table: Any, cls: type | None) -> dict[str, Any]:
    ddl = dialect.ddl_compiler(dialect, None)
    constraints = sorted(table.constraints, key=lambda c: getattr(c, "_creation_order", 0))
    primary = table.primary_key
    doc = inspect.cleandoc(cls.__dict__["__doc__"]) if cls is not None and cls.__dict__.get("__doc__") else None
    where, columns_where = located(cls, _attributes(cls, table)) if cls is not None else (None, {})
    return {
        "name": table.name,
        "schema": table.schema,
        "comment": table.comment,
        "doc": doc,
        "where": where,
        "columns_where": columns_where,
        "columns": [_column(sa, dialect, ddl, table, column) for column in table.columns],
        "primary_key": {"name": _name(primary.name), "columns": [c.name for c in primary.columns]}
        if len(primary.columns)
        else None,
        "uniques": [
            {"name": _name(c.name), "columns": [col.name for col in c.columns]}
            for c in constraints
            if isinstance(c, sa.UniqueConstraint)
        ],
        "foreign_keys": [_foreign_key(c) for c in constraints if isinstance(c, sa.ForeignKeyConstraint)],
        "checks": [
            {"name": _name(c.name), "expression": _compiled(dialect, c.sqltext)}
            for c in constraints
            if isinstance(c, sa.CheckConstraint)
        ],
        "indexes": [_index(sa, dialect, index) for index in sorted(table.indexes, key=lambda i: str(i.name))],
    }


def _column(sa: Any, dialect: Any, ddl: Any, table: Any, column: Any) -> dict[str, Any]:
    try:
        type_: str | None = dialect.type_compiler_instance.process(column.type, type_expression=column)
    except Exception:  # a type this dialect cannot create: shown without one
        type_ = None
    enum = None
    if isinstance(column.type, sa.Enum) and column.type.native_enum and column.type.name:
        enum = {"name": column.type.name, "schema": column.type.schema, "values": list(column.type.enums)}
    computed = column.computed
    identity = column.identity
    return {
        "name": column.name,
        "type": type_,
        "integer": isinstance(column.type, sa.Integer),
        "nullable": bool(column.nullable),
        "default": ddl.get_column_default_string(column),
        "autoincrement": table.autoincrement_column is column,
        "sequence": column.default.name if isinstance(column.default, sa.Sequence) else None,
        "identity": None if identity is None else ("always" if identity.always else "by default"),
        "computed": None if computed is None else _compiled(dialect, computed.sqltext),
        "persisted": None if computed is None else computed.persisted,
        "comment": column.comment,
        "doc": column.doc,
        "enum": enum,
    }


def _foreign_key(constraint: Any) -> dict[str, Any]:
    elements = constraint.elements
    try:
        target = elements[0].column.table
        table, schema = target.name, target.schema
        columns = [e.column.name for e in elements]
    except Exception:  # a target outside this MetaData: as the key spells it
        parts = elements[0].target_fullname.split(".")
        table, schema = parts[-2], (".".join(parts[:-2]) or None)
        columns = [e.target_fullname.split(".")[-1] for e in elements]
    return {
        "name": _name(constraint.name),
        "columns": [e.parent.name for e in elements],
        "target_table": table,
        "target_schema": schema,
        "target_columns": columns,
        "ondelete": constraint.ondelete,
        "onupdate": constraint.onupdate,
        "deferrable": constraint.deferrable,
        "initially": constraint.initially,
        "match": constraint.match,
    }


def _index(sa: Any, dialect: Any, index: Any) -> dict[str, Any]:
    columns = [e.name if isinstance(e, sa.Column) else _compiled(dialect, e) for e in index.expressions]
    where, using = _option(dialect, index, "where"), _option(dialect, index, "using")
    return {
        "name": _name(index.name),
        "columns": columns,
        "unique": bool(index.unique),
        "where": None if where is None else _compiled(dialect, where),
        "using": using,
    }


def _option(dialect: Any, index: Any, key: str) -> Any:
    """`postgresql_where=`, `sqlite_where=`, `mysql_using=`...: the target dialect's own option."""
    for name in (dialect.name, "mysql") if dialect.name == "mariadb" else (dialect.name,):
        try:
            value = index.dialect_options[name][key]
        except Exception:  # the dialect has no such option
            continue
        if value is not None:
            return value
    return None


if __name__ == "__main__":
    main(describe)
