"""One row per column with its table around it: the shape of the CSV and spreadsheet exports."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog.model import Column, Database, Table
from ..render.renderer import column_keys

HEADER = (
    "database",
    "schema",
    "table",
    "table_kind",
    "table_description",
    "table_owner",
    "table_tags",
    "position",
    "column",
    "type",
    "nullable",
    "default",
    "keys",
    "description",
    "description_source",
    "tags",
)


def _source(column: Column) -> str:
    if column.description:
        return "yaml"
    if column.comment:
        return "database comment"
    if column.inherited:
        return f"inherited from {column.inherited_from}"
    return ""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("YES" if value else "NO")


def rows(database: Database) -> Iterator[tuple[str | int, ...]]:
    """Every column of every table of the database, in table and column order (values as text or int)."""
    for table in database.tables:
        yield from table_rows(database, table)


def table_rows(database: Database, table: Table) -> Iterator[tuple[str | int, ...]]:
    keys = column_keys(database, table)
    owner = database.owner_of(table)
    for position, column in enumerate(table.columns, start=1):
        labels = [kind + (f" {label}" if label else "") for kind, _, _, label in keys.get(column.name, ())]
        yield (
            database.name,
            table.schema or "",
            table.name,
            table.kind.value,
            table.text or "",
            str(owner) if owner else "",
            ", ".join(table.tags),
            position,
            column.name,
            column.type or "",
            _yes_no(column.nullable),
            column.default if column.default is not None else "",
            "; ".join(labels),
            column.text or column.inherited or "",
            _source(column),
            ", ".join(column.tags),
        )
