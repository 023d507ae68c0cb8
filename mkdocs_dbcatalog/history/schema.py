"""A schema as migrations build it up: table key → catalog `Table`, changed one operation at a time.

The tables are the catalog's own frozen `Table`s, replaced on every change, so a state can be
copied in O(tables) (a dict copy) before a migration and compared with the state after it, and the
folded result is the catalog structure itself. Names are looked up exactly first, then ignoring
case (SQL folds unquoted names; a migration may spell a table differently from the one that
created it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..catalog.model import Column, Table, TableRef


class Schema:
    """The tables of one database, in the order migrations created them."""

    def __init__(self, tables: Iterable[Table] = ()) -> None:
        self.tables: dict[str, Table] = {t.key: t for t in tables}
        self._folded: dict[str, str] = {key.lower(): key for key in self.tables}
        self.placeholders: set[str] = set()
        """Tables a migration changed without any analysed migration creating them."""
        self.renamed: dict[str, str] = {}
        """Table renames of the current migration: new key → key before it."""
        self.renamed_columns: dict[tuple[str, str], str] = {}
        """Column renames of the current migration: (table key, new name) → name before it."""
        self.problems: list[str] = []
        """What the current migration's operations could not apply (a SQL statement the applier skipped)."""

    def copy(self) -> dict[str, Table]:
        return dict(self.tables)

    def __iter__(self) -> Iterator[Table]:
        return iter(self.tables.values())

    def __len__(self) -> int:
        return len(self.tables)

    def key_of(self, ref: TableRef | str) -> str | None:
        """The key of an existing table, matched exactly, else ignoring case."""
        key = ref if isinstance(ref, str) else ref.key
        if key in self.tables:
            return key
        return self._folded.get(key.lower())

    def get(self, ref: TableRef | str) -> Table | None:
        key = self.key_of(ref)
        return self.tables[key] if key is not None else None

    def put(self, table: Table) -> None:
        """Add or replace a table (a replaced one keeps its place)."""
        self.tables[table.key] = table
        self._folded[table.key.lower()] = table.key

    def remove(self, ref: TableRef | str) -> Table | None:
        key = self.key_of(ref)
        if key is None:
            return None
        self._folded.pop(key.lower(), None)
        self.placeholders.discard(key)
        return self.tables.pop(key)

    def require(self, ref: TableRef) -> Table:
        """The table, or an empty placeholder for one that no analysed migration created."""
        table = self.get(ref)
        if table is None:
            table = Table(name=ref.table, schema=ref.schema)
            self.put(table)
            self.placeholders.add(table.key)
        return table

    def column_type(self, ref: TableRef, column: str) -> str | None:
        """The type of a column (a foreign key column without a type takes its target's, as SQLAlchemy does)."""
        table = self.get(ref)
        found = column_named(table, column) if table else None
        return found.type if found else None

    def retarget(self, old: TableRef, new: TableRef) -> None:
        """Foreign keys that pointed at a renamed table point at its new name (as the database keeps them)."""
        for key, table in list(self.tables.items()):
            if any(same_ref(fk.target, old) for fk in table.foreign_keys):
                keys = tuple(replace(fk, target=new) if same_ref(fk.target, old) else fk for fk in table.foreign_keys)
                self.tables[key] = replace(table, foreign_keys=keys)

    def rename_target_column(self, target: TableRef, old: str, new: str) -> None:
        """Foreign keys to a renamed column name its new name."""
        for key, table in list(self.tables.items()):
            keys = tuple(
                replace(fk, target_columns=tuple(new if c == old else c for c in fk.target_columns))
                if same_ref(fk.target, target) and old in fk.target_columns
                else fk
                for fk in table.foreign_keys
            )
            if keys != table.foreign_keys:
                self.tables[key] = replace(table, foreign_keys=keys)


def column_named(table: Table, name: str) -> Column | None:
    """A column by name, exactly or ignoring case."""
    found = table.column(name)
    if found is None:
        lowered = name.lower()
        found = next((c for c in table.columns if c.name.lower() == lowered), None)
    return found


def same_ref(a: TableRef, b: TableRef) -> bool:
    return a.table.lower() == b.table.lower() and (a.schema or "").lower() == (b.schema or "").lower()


__all__ = ["Schema", "column_named", "same_ref"]
