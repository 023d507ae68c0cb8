"""Table operations peculiar to Active Record: what it renames along with a table or a column (the
indexes it named itself, PostgreSQL's `_pkey` and id sequence), a default written for the column's
type, an index renamed by name."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ....catalog.model import Table, TableRef
from ....sources.models.rails import SchemaDsl
from ...operations import AlterColumn
from ...schema import Schema, column_named


@dataclass(frozen=True)
class RenameNamedAfter:
    """After `rename_table` (column_table None) or `rename_column`: the indexes whose names are the
    ones Rails generates for the old name get the generated name for the new one."""

    table: TableRef
    old: str
    new: str
    column_table: str | None
    family: str

    def apply(self, schema: Schema) -> None:
        table = schema.get(self.table)
        if table is None:
            return
        if self.column_table is None:
            table = self._table_renamed(table)
        indexes = []
        for index in table.indexes:
            before, after = self._names(table, index.columns)
            indexes.append(replace(index, name=after) if index.name == before else index)
        schema.put(replace(table, indexes=tuple(indexes)))

    def _names(self, table: Table, columns: tuple[str, ...]) -> tuple[str, str]:
        if self.column_table is None:
            return _index_name(self.old, columns), _index_name(self.new, columns)
        old_columns = tuple(self.old if c == self.new else c for c in columns)
        return _index_name(table.name, old_columns), _index_name(table.name, columns)

    def _table_renamed(self, table: Table) -> Table:
        """PostgreSQL's adapter renames `<old>_pkey` and the `<old>_<pk>_seq` sequence too."""
        if self.family != "postgresql" or table.primary_key is None:
            return table
        pk = table.primary_key
        if pk.name == f"{self.old}_pkey":
            table = replace(table, primary_key=replace(pk, name=f"{self.new}_pkey"))
        if len(pk.columns) == 1:
            column = column_named(table, pk.columns[0])
            sequence = f"nextval('{self.old}_{pk.columns[0]}_seq'::regclass)"
            if column is not None and column.default == sequence:
                renamed = replace(column, default=f"nextval('{self.new}_{pk.columns[0]}_seq'::regclass)")
                table = replace(table, columns=tuple(renamed if c is column else c for c in table.columns))
        return table


@dataclass(frozen=True)
class SetDefault:
    """`change_column_default`: the default as the database shows it for the column's type."""

    table: TableRef
    column: str
    value: Any
    dsl: SchemaDsl

    def apply(self, schema: Schema) -> None:
        type_ = schema.column_type(self.table, self.column) or ""
        AlterColumn(self.table, self.column, default=self.dsl.default(self.value, type_)).apply(schema)


@dataclass(frozen=True)
class RenameIndex:
    table: TableRef
    old: str
    new: str

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        indexes = tuple(replace(i, name=self.new) if i.name == self.old else i for i in table.indexes)
        schema.put(replace(table, indexes=indexes))


def _index_name(table: str, columns: tuple[str, ...]) -> str:
    return f"index_{table}_on_{'_and_'.join(columns)}"


__all__ = ["RenameIndex", "RenameNamedAfter", "SetDefault"]
