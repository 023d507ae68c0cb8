"""Table operations peculiar to Django: constraints it names itself (with a hash we do not
reproduce) dropped or renamed by what they are, and `unique_together` / `index_together` replaced."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ....catalog.model import (
    ForeignKey,
    Index,
    PrimaryKey,
    TableRef,
    UniqueConstraint,
)


@dataclass(frozen=True)
class Together:
    """unique_together / index_together replaced: the unnamed constraints (or indexes) of the old set go."""

    table: TableRef
    unique: bool
    groups: list[tuple[str, ...]]

    def apply(self, schema: Any) -> None:
        table = schema.require(self.table)
        if self.unique:
            kept = tuple(u for u in table.unique_constraints if u.name is not None or len(u.columns) < 2)
            made = tuple(UniqueConstraint(g) for g in self.groups)
            schema.put(replace(table, unique_constraints=kept + made))
        else:
            kept_indexes = tuple(i for i in table.indexes if i.name is not None or len(i.columns) < 2)
            schema.put(replace(table, indexes=kept_indexes + tuple(Index(g) for g in self.groups)))


@dataclass(frozen=True)
class RenameIndex:
    table: TableRef
    old: str | None
    columns: tuple[str, ...]
    new: str

    def apply(self, schema: Any) -> None:
        table = schema.require(self.table)
        indexes = list(table.indexes)
        for i, index in enumerate(indexes):
            if (self.old and index.name == self.old) or (not self.old and index.columns == self.columns):
                indexes[i] = replace(index, name=self.new)
                break
        else:
            indexes.append(Index(self.columns, name=self.new))
        schema.put(replace(table, indexes=tuple(indexes)))


@dataclass(frozen=True)
class DropUnnamed:
    """A constraint Django names itself (with a hash we do not reproduce), dropped by what it is."""

    table: TableRef
    item: Any
    column: str

    def apply(self, schema: Any) -> None:
        table = schema.require(self.table)
        item = self.item
        if isinstance(item, PrimaryKey):
            schema.put(replace(table, primary_key=None))
        elif isinstance(item, ForeignKey):
            schema.put(
                replace(
                    table,
                    foreign_keys=tuple(
                        f for f in table.foreign_keys if self.column not in f.columns or len(f.columns) > 1
                    ),
                )
            )
        elif isinstance(item, UniqueConstraint):
            schema.put(
                replace(
                    table, unique_constraints=tuple(u for u in table.unique_constraints if u.columns != (self.column,))
                )
            )
        elif isinstance(item, Index):
            schema.put(replace(table, indexes=tuple(i for i in table.indexes if i.columns != (self.column,) or i.name)))


def same_constraint(a: Any, b: Any) -> bool:
    """The same kind of constraint on a field before and after AlterField (a foreign key: same target)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, ForeignKey):
        return bool(a.target.table == b.target.table and a.target_columns == b.target_columns)
    return True
