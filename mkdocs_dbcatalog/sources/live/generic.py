"""Any other SQLAlchemy dialect (SQL Server, Oracle, Snowflake, BigQuery, Redshift, Trino...):
the structure as SQLAlchemy's Inspector reflects it, with its bulk `get_multi_*` calls.

One call per kind of object and schema (columns, primary keys, foreign keys, indexes, unique and
check constraints, table comments), so the number of round trips does not grow with the number
of tables, except for view definitions: the Inspector has no bulk call for them, so each view is
one `get_view_definition`. A kind the dialect cannot reflect (`NotImplementedError`) is left out,
not guessed. It runs in the same read-only session, with the same timeouts, as the native readers
(see `session`).

What only the native readers add is listed in the README ("Engines"): sizes, row estimates, index
methods and options, triggers, partitions, enum types and extensions, among others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import ObjectKind
from sqlalchemy.engine.reflection import Inspector

from ...catalog import engines
from ...catalog.model import (
    CheckConstraint,
    Column,
    Database,
    ForeignKey,
    Index,
    PrimaryKey,
    TableKind,
    UniqueConstraint,
)
from ...errors import DatabaseError
from .common import Drafts, Scope, text_or_none, view_query

_T = TypeVar("_T")
Key = tuple[str | None, str]


def read(connection: sa.Connection, scope: Scope, where: str) -> Database:
    """The schemas in scope (default: the dialect's default schema), as the Inspector reflects them."""
    inspector = sa.inspect(connection)
    default_schema = inspector.default_schema_name
    existing: list[str] = _optional(inspector.get_schema_names, [])
    schemas = list(scope.schemas or (default_schema,))
    # Dialects of engines that fold names (Oracle, Snowflake) report them in lower case.
    known = {name.lower() for name in existing}
    missing = [s for s in schemas if s is not None and known and s.lower() not in known]
    if missing:
        raise DatabaseError(
            f"schema {missing[0]!r} does not exist (or this user may not see it)",
            where=where,
            hint="schemas in this database: " + ", ".join(existing),
        )
    drafts = Drafts(default_schema)
    for schema in schemas:
        _read_schema(inspector, connection.dialect, schema or default_schema, scope, drafts)
    dialect = connection.dialect
    version = dialect.server_version_info
    return Database(
        name="",
        engine=engines.normalize(dialect.name) or dialect.name,
        version=".".join(str(part) for part in version) if version else None,
        schemas=tuple(s for s in schemas if s),
        tables=drafts.tables(),
    )


def _read_schema(inspector: Inspector, dialect: sa.Dialect, schema: str | None, scope: Scope, drafts: Drafts) -> None:
    # Keys of the get_multi_* results: (None, name) in the default schema, else (schema, name).
    asked = None if schema == inspector.default_schema_name else schema
    real = schema or ""
    none: list[str] = []
    kinds = {name: TableKind.TABLE for name in inspector.get_table_names(schema=asked)}
    kinds |= {name: TableKind.VIEW for name in _optional(lambda: inspector.get_view_names(schema=asked), none)}
    kinds |= {
        name: TableKind.MATERIALIZED_VIEW
        for name in _optional(lambda: inspector.get_materialized_view_names(schema=asked), none)
    }
    for name, kind in sorted(kinds.items()):
        if scope.keeps(drafts.shown_schema(schema), name):
            added = drafts.add(real, name, kind)
            if kind.is_view:
                definition = _view_definition(inspector, name, asked)
                # MySQL-like dialects return the whole CREATE VIEW statement.
                added.definition = view_query(definition, None) if definition else None
    here = {name: draft for (s, name), draft in drafts.by_key.items() if s == real}
    if not here:
        return
    wanted = list(here)
    every = ObjectKind.ANY
    tables = ObjectKind.TABLE | ObjectKind.MATERIALIZED_VIEW

    def multi(call: Callable[..., Mapping[Key, _T]], kind: ObjectKind) -> dict[str, _T]:
        empty: Mapping[Key, _T] = {}
        found = _optional(lambda: call(schema=asked, filter_names=wanted, kind=kind), empty)
        return {name: value for (_, name), value in found.items() if name in here}

    for name, columns in multi(inspector.get_multi_columns, every).items():
        here[name].columns = [_column(c, dialect) for c in columns]
    for name, comment in multi(inspector.get_multi_table_comment, every).items():
        here[name].comment = text_or_none(comment.get("text"))
    for name, pk in multi(inspector.get_multi_pk_constraint, tables).items():
        if pk.get("constrained_columns"):
            here[name].primary_key = PrimaryKey(tuple(pk["constrained_columns"]), pk.get("name"))
    for name, keys in multi(inspector.get_multi_foreign_keys, tables).items():
        here[name].foreign_keys = [_foreign_key(fk, drafts, schema) for fk in keys]
    for name, indexes in multi(inspector.get_multi_indexes, tables).items():
        here[name].indexes = [_index(i) for i in indexes if not i.get("duplicates_constraint")]
    for name, uniques in multi(inspector.get_multi_unique_constraints, tables).items():
        here[name].unique_constraints = [
            UniqueConstraint(tuple(u["column_names"]), u.get("name")) for u in uniques if u.get("column_names")
        ]
    for name, checks in multi(inspector.get_multi_check_constraints, tables).items():
        here[name].check_constraints = [
            CheckConstraint(c["sqltext"], c.get("name")) for c in checks if c.get("sqltext")
        ]


def _column(column: Mapping[str, Any], dialect: sa.Dialect) -> Column:
    computed = column.get("computed")
    identity = column.get("identity")
    default = None if computed or column.get("default") is None else str(column["default"])
    on_update = None
    if default is not None and " ON UPDATE " in default.upper():  # MySQL's reflection folds it in
        at = default.upper().index(" ON UPDATE ")
        default, on_update = default[:at], default[at + len(" ON UPDATE ") :]
    how = None
    if identity:
        how = "identity always" if identity.get("always") else "identity by default"
    elif column.get("autoincrement") is True:
        how = "auto_increment"
    return Column(
        name=column["name"],
        type=_type_text(column["type"], dialect),
        nullable=bool(column.get("nullable", True)),
        default=default,
        comment=text_or_none(column.get("comment")),
        identity=how,
        on_update=on_update,
        generated=str(computed["sqltext"]) if computed else None,
        generation=(
            None
            if not computed or computed.get("persisted") is None
            else ("stored" if computed.get("persisted") else "virtual")
        ),
    )


def _type_text(type_: Any, dialect: sa.Dialect) -> str | None:
    """The type as the dialect writes it in DDL (`VARCHAR(45)`); its generic name if it cannot."""
    try:
        return str(type_.compile(dialect=dialect))
    except Exception:  # a reflected NullType, or a type the dialect's DDL compiler lacks
        return None if isinstance(type_, sa.types.NullType) else str(type_)


def _foreign_key(fk: Mapping[str, Any], drafts: Drafts, schema: str | None) -> ForeignKey:
    options = fk.get("options") or {}
    deferrable = None
    if options.get("deferrable"):
        deferrable = f"DEFERRABLE INITIALLY {str(options.get('initially') or 'IMMEDIATE').upper()}"
    match = str(options["match"]).upper() if options.get("match") else None
    return ForeignKey(
        tuple(fk["constrained_columns"]),
        drafts.ref(fk.get("referred_schema") or schema, fk["referred_table"]),
        tuple(fk["referred_columns"]),
        name=fk.get("name"),
        # The Inspector leaves a rule out when it is the default: NO ACTION, as the SQL standard says.
        on_delete=str(options.get("ondelete") or "NO ACTION").upper(),
        on_update=str(options.get("onupdate") or "NO ACTION").upper(),
        match=None if match == "SIMPLE" else match,
        deferrable=deferrable,
        comment=text_or_none(fk.get("comment")),
    )


def _index(index: Mapping[str, Any]) -> Index:
    names = index.get("column_names") or []
    expressions = index.get("expressions") or []
    columns = tuple(name if name is not None else str(expressions[i]) for i, name in enumerate(names))
    if not columns and expressions:
        columns = tuple(str(e) for e in expressions)
    sorting = index.get("column_sorting") or {}
    options = tuple(" ".join(word.upper().replace("_", " ") for word in sorting.get(c, ())) for c in columns)
    # Dialect options are named <dialect>_using, <dialect>_where...: read them whatever the dialect.
    extra = {key.partition("_")[2]: value for key, value in (index.get("dialect_options") or {}).items()}
    method = extra.get("using") or extra.get("prefix")
    return Index(
        columns,
        name=index.get("name"),
        unique=bool(index.get("unique")),
        method=str(method).lower() if method else None,
        predicate=str(extra["where"]) if extra.get("where") is not None else None,
        options=options if any(options) else (),
        include=tuple(index.get("include_columns") or extra.get("include") or ()),
        comment=text_or_none(index.get("comment")),
    )


def _view_definition(inspector: Inspector, name: str, schema: str | None) -> str | None:
    try:
        return inspector.get_view_definition(name, schema=schema)
    except NotImplementedError:
        return None


def _optional(call: Callable[[], _T], fallback: _T) -> _T:
    """What the dialect reflects, or `fallback` where it cannot reflect that kind of object."""
    try:
        return call()
    except NotImplementedError:
        return fallback
