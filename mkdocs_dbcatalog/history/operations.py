"""What a migration does to the schema, one operation at a time, as every analyser reports it.

Alembic's `op.add_column`, Django's `AddField`, Rails' `add_column` and a SQL `ALTER TABLE ... ADD
COLUMN` all become the same `AddColumn`; folding applies them to a `Schema` in the tool's order.
An operation changes only what the database itself would change: dropping a column drops the
indexes and constraints on it, renaming a table keeps the foreign keys that point at it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Protocol

from ..catalog.model import CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table, TableRef, UniqueConstraint
from .schema import Schema, column_named, same_ref


class Keep(enum.Enum):
    """An attribute an `AlterColumn` leaves as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP

Constraint = PrimaryKey | ForeignKey | UniqueConstraint | CheckConstraint | Index


@dataclass(frozen=True)
class CreateTable:
    table: Table
    if_not_exists: bool = False

    def apply(self, schema: Schema) -> None:
        if self.if_not_exists and schema.get(self.table.ref) is not None:
            return
        schema.remove(self.table.ref)
        schema.put(with_inherited_types(self.table, schema))


@dataclass(frozen=True)
class DropTable:
    table: TableRef

    def apply(self, schema: Schema) -> None:
        schema.remove(self.table)


@dataclass(frozen=True)
class RenameTable:
    table: TableRef
    new: TableRef

    def apply(self, schema: Schema) -> None:
        key = schema.key_of(self.table)
        unknown = key is None or key in schema.placeholders
        old = schema.remove(self.table) or Table(self.table.table, self.table.schema)
        schema.put(replace(old, name=self.new.table, schema=self.new.schema))
        if unknown:
            schema.placeholders.add(self.new.key)
        schema.renamed[self.new.key] = schema.renamed.pop(old.key, old.key)
        schema.retarget(self.table, self.new)


@dataclass(frozen=True)
class AddColumn:
    table: TableRef
    column: Column

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        columns = [c for c in table.columns if c.name != self.column.name]
        schema.put(replace(table, columns=(*columns, self.column)))


@dataclass(frozen=True)
class DropColumn:
    table: TableRef
    name: str

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        column = column_named(table, self.name)
        name = column.name if column else self.name
        pk = table.primary_key
        schema.put(
            replace(
                table,
                columns=tuple(c for c in table.columns if c.name != name),
                primary_key=None if pk and name in pk.columns else pk,
                indexes=tuple(i for i in table.indexes if name not in i.columns),
                foreign_keys=tuple(fk for fk in table.foreign_keys if name not in fk.columns),
                unique_constraints=tuple(u for u in table.unique_constraints if name not in u.columns),
            )
        )


@dataclass(frozen=True)
class AlterColumn:
    table: TableRef
    name: str
    type: str | Keep | None = KEEP
    nullable: bool | Keep | None = KEEP
    default: str | Keep | None = KEEP
    comment: str | Keep | None = KEEP

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        column = column_named(table, self.name) or Column(self.name)
        changed = column
        for attribute in ("type", "nullable", "default", "comment"):
            value = getattr(self, attribute)
            if value is not KEEP:
                changed = replace(changed, **{attribute: value})
        if column_named(table, self.name) is None:
            schema.put(replace(table, columns=(*table.columns, changed)))
        else:
            schema.put(replace(table, columns=tuple(changed if c is column else c for c in table.columns)))


@dataclass(frozen=True)
class RenameColumn:
    table: TableRef
    name: str
    new: str

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        column = column_named(table, self.name)
        old = column.name if column else self.name

        def names(columns: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(self.new if c == old else c for c in columns)

        pk = table.primary_key
        schema.put(
            replace(
                table,
                columns=tuple(replace(c, name=self.new) if c.name == old else c for c in table.columns),
                primary_key=replace(pk, columns=names(pk.columns)) if pk else None,
                indexes=tuple(replace(i, columns=names(i.columns)) for i in table.indexes),
                foreign_keys=tuple(replace(fk, columns=names(fk.columns)) for fk in table.foreign_keys),
                unique_constraints=tuple(replace(u, columns=names(u.columns)) for u in table.unique_constraints),
            )
        )
        schema.rename_target_column(self.table, old, self.new)
        key = schema.key_of(self.table) or self.table.key
        earlier = schema.renamed_columns.pop((key, old), old)
        schema.renamed_columns[(key, self.new)] = earlier


@dataclass(frozen=True)
class AddConstraint:
    """A primary key, foreign key, unique or check constraint, or an index, added to a table."""

    table: TableRef
    constraint: Constraint

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        item = self.constraint
        if isinstance(item, PrimaryKey):
            table = replace(table, primary_key=item)
        elif isinstance(item, ForeignKey):
            keys = tuple(k for k in table.foreign_keys if not _same_name(k.name, item.name))
            table = with_inherited_types(replace(table, foreign_keys=(*keys, item)), schema)
        elif isinstance(item, UniqueConstraint):
            uniques = tuple(u for u in table.unique_constraints if not _same_name(u.name, item.name))
            table = replace(table, unique_constraints=(*uniques, item))
        elif isinstance(item, CheckConstraint):
            checks = tuple(c for c in table.check_constraints if not _same_name(c.name, item.name))
            table = replace(table, check_constraints=(*checks, item))
        else:
            indexes = tuple(i for i in table.indexes if not _same_name(i.name, item.name))
            table = replace(table, indexes=(*indexes, item))
        schema.put(table)


@dataclass(frozen=True)
class DropConstraint:
    """A constraint or index dropped by name; `table` may be unknown (`DROP INDEX name`)."""

    table: TableRef | None
    name: str
    kind: str | None = None
    """primary key, foreign key, unique, check, index; None: whichever has the name."""

    def apply(self, schema: Schema) -> None:
        candidates = [schema.get(self.table)] if self.table is not None else list(schema)
        for table in candidates:
            if table is None:
                continue
            dropped = _drop(table, self.name, self.kind)
            if dropped is not table:
                schema.put(dropped)
                return


@dataclass(frozen=True)
class SetComment:
    table: TableRef
    column: str | None
    text: str | None

    def apply(self, schema: Schema) -> None:
        table = schema.require(self.table)
        if self.column is None:
            schema.put(replace(table, comment=self.text))
            return
        AlterColumn(self.table, self.column, comment=self.text).apply(schema)


class Operation(Protocol):
    """Anything that changes a `Schema` as the database would (the classes above, and tools' own)."""

    def apply(self, schema: Schema) -> None: ...


@dataclass
class Analysed:
    """One migration, read: its operations in order, and what could not be read (`line N: why`)."""

    operations: list[Operation] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    failed: bool = False
    """Nothing at all could be read (a file that is not valid, a migration that is code)."""


def with_inherited_types(table: Table, schema: Schema) -> Table:
    """Foreign key columns written without a type take their target column's (SQLAlchemy, Rails references)."""
    if all(c.type is not None for c in table.columns):
        return table
    inherited: dict[str, str] = {}
    for fk in table.foreign_keys:
        target = table if same_ref(fk.target, table.ref) else schema.get(fk.target)
        for name, target_name in zip(fk.columns, fk.target_columns, strict=False):
            found = column_named(target, target_name) if target else None
            if found is not None and found.type:
                inherited[name] = found.type
    if not inherited:
        return table
    columns = tuple(
        replace(c, type=inherited[c.name]) if c.type is None and c.name in inherited else c for c in table.columns
    )
    return replace(table, columns=columns)


def _same_name(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.lower() == b.lower()


def _drop(table: Table, name: str, kind: str | None) -> Table:
    lowered = name.lower()

    def named(item: object) -> bool:
        own = getattr(item, "name", None)
        return own is not None and own.lower() == lowered

    if kind in (None, "primary key") and table.primary_key and named(table.primary_key):
        return replace(table, primary_key=None)
    if kind in (None, "primary key") and kind is not None and table.primary_key:
        return replace(table, primary_key=None)  # unnamed: the table's only primary key
    if kind in (None, "foreign key") and any(named(k) for k in table.foreign_keys):
        return replace(table, foreign_keys=tuple(k for k in table.foreign_keys if not named(k)))
    if kind in (None, "unique") and any(named(u) for u in table.unique_constraints):
        return replace(table, unique_constraints=tuple(u for u in table.unique_constraints if not named(u)))
    if kind in (None, "check") and any(named(c) for c in table.check_constraints):
        return replace(table, check_constraints=tuple(c for c in table.check_constraints if not named(c)))
    if kind in (None, "index", "unique") and any(named(i) for i in table.indexes):
        return replace(table, indexes=tuple(i for i in table.indexes if not named(i)))
    return table


__all__ = [
    "KEEP",
    "AddColumn",
    "AddConstraint",
    "AlterColumn",
    "Analysed",
    "Constraint",
    "CreateTable",
    "DropColumn",
    "DropConstraint",
    "DropTable",
    "Keep",
    "Operation",
    "RenameColumn",
    "RenameTable",
    "SetComment",
    "with_inherited_types",
]
