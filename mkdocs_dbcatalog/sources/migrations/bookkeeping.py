"""Reading a tool's bookkeeping table from a live database: SELECT only, never created.

Several tools' own status commands create their table when it is missing (Django's
`ensure_schema`, golang-migrate's `ensureVersionTable`); this reader only lists tables and selects,
so a database that never ran a migration stays untouched and simply has nothing applied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .base import Applied
from .tools import Tool

# Tables sharing the name `schema_migrations`, told apart by their columns (research §16).
_OWNERS = (("dirty", "golang-migrate"), ("inserted_at", "Ecto"))


def read_applied(
    conn: Connection,
    tool: Tool,
    table: str | None = None,
    *,
    scrub: Callable[[str], str] = str,
) -> Applied:
    """What `conn`'s database records as applied for `tool`.

    `table` overrides the default name and may be `schema.table`. A missing table means nothing is
    applied. A table that is not the tool's, or that cannot be read, gives an `Applied` with
    `readable=False` and a problem saying why; `scrub` removes secrets from driver messages.
    """
    schema, _, name = (table or tool.table).rpartition(".")
    shown = table or tool.table
    # A failed statement aborts a PostgreSQL transaction: a savepoint keeps the caller's usable.
    outer = conn.in_transaction()
    savepoint = conn.begin_nested() if outer and conn.dialect.name != "sqlite" else None
    try:
        applied = _read(conn, tool, schema or None, name, shown)
    except sa.exc.SQLAlchemyError as problem:
        if savepoint is not None and savepoint.is_active:
            savepoint.rollback()
        elif not outer:
            conn.rollback()
        message = scrub(str(getattr(problem, "orig", None) or problem)).strip().splitlines()
        first = message[0] if message else type(problem).__name__
        return Applied(shown, True, readable=False, problems=(f"{shown} could not be read: {first}",))
    if savepoint is not None and savepoint.is_active:
        savepoint.commit()
    return applied


class Tables(Protocol):
    """What the reader needs of a database: its table names, a table's columns, and a SELECT."""

    def names(self, schema: str | None) -> list[str]: ...

    def columns(self, table: str, schema: str | None) -> dict[str, Any]:
        """Column name in lower case -> the column (`"name"`: its real name; anything else the
        implementation needs to select it)."""
        ...

    def select(self, table: str, schema: str | None, columns: list[Any]) -> list[dict[str, Any]]:
        """The rows of those columns (as `columns` returned them), keyed by lower-case column name."""
        ...


class _Inspected:
    """`Tables` through SQLAlchemy's Inspector, with typed columns so that SQLite's text timestamps
    come back as datetimes like everywhere else."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.inspector = sa.inspect(conn)

    def names(self, schema: str | None) -> list[str]:
        return self.inspector.get_table_names(schema=schema)

    def columns(self, table: str, schema: str | None) -> dict[str, Any]:
        return {c["name"].lower(): c for c in self.inspector.get_columns(table, schema=schema)}

    def select(self, table: str, schema: str | None, columns: list[Any]) -> list[dict[str, Any]]:
        wanted: list[sa.ColumnClause[Any]] = [sa.column(c["name"], type_=c["type"]) for c in columns]
        query = sa.select(*wanted).select_from(sa.table(table, schema=schema))
        return [{column.lower(): value for column, value in row._mapping.items()} for row in self.conn.execute(query)]


def _read(conn: Connection, tool: Tool, schema: str | None, name: str, shown: str) -> Applied:
    return read_from(_Inspected(conn), tool, schema, name, shown)


def read_from(tables: Tables, tool: Tool, schema: str | None, name: str, shown: str) -> Applied:
    """The tool's bookkeeping table as `tables` finds it (exceptions are the caller's to report)."""
    names = tables.names(schema)
    actual = _find(names, name)
    if actual is None and tool.name == "flyway" and name == tool.table:
        legacy = _find(names, "schema_version")  # Flyway 4 and older
        if legacy is not None and {"installed_rank", "success"} <= tables.columns(legacy, schema).keys():
            actual, shown = legacy, legacy
    if actual is None:
        return Applied(shown, False)
    columns = tables.columns(actual, schema)
    missing = [c for c in tool.required if c not in columns]
    owner = next((who for column, who in _OWNERS if column in columns and who != tool.name), None)
    if missing or (owner and name.lower() == "schema_migrations"):
        what = f"it looks like {owner}'s" if owner else f"it has no {', '.join(missing)} column"
        if not owner and tool.name == "golang-migrate":
            rails = _find(names, "ar_internal_metadata") is not None
            what = "it has no dirty column, so it looks like " + ("Rails'" if rails else "Rails' or dbmate's")
        return Applied(
            shown,
            True,
            readable=False,
            problems=(f"{shown} is not {tool.name}'s bookkeeping table ({what}); set migrations.table",),
        )
    records = tables.select(actual, schema, [columns[c] for c in tool.columns if c in columns])
    return Applied(shown, True, tuple(tool.rows(records)))


def _find(names: list[str], wanted: str) -> str | None:
    """The table named `wanted`: exact first, else ignoring case (Liquibase's DATABASECHANGELOG is
    upper case on MySQL and lower case on PostgreSQL)."""
    if wanted in names:
        return wanted
    return next((n for n in names if n.lower() == wanted.lower()), None)
