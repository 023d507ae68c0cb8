"""What applying a statement gives: its status and changes, and the mutable table statements build."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ...catalog.model import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Partition,
    PrimaryKey,
    Table,
    TableKind,
    Trigger,
    UniqueConstraint,
)
from .statements import Statement
from .translate import Pieces

Key = tuple[str, str]
"""A table's identity in a state: (schema, name), folded for engines that ignore case."""


class Status(str, enum.Enum):
    APPLIED = "applied"
    NO_EFFECT = "no effect"
    """Cannot change what the catalog shows (SET, GRANT, functions, data), or a client command."""
    SKIPPED = "skipped"
    """Could not be parsed, or names something the state does not have: reported, never fatal."""


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a statement changed: `Change("add column", "orders", "status")`."""

    action: str
    target: str
    """The table (view, type, schema) key: `orders`, `sales.orders`."""
    name: str | None = None
    """The column, index or constraint, where the change is to one."""


@dataclass(frozen=True, slots=True)
class Applied:
    statement: Statement
    status: Status
    changes: tuple[Change, ...] = ()
    reason: str | None = None
    """Skipped: why. Applied: what of the statement could not be read, when something could not."""


@dataclass
class Draft:
    """A table being built by statements."""

    name: str
    schema: str | None
    kind: TableKind = TableKind.TABLE
    comment: str | None = None
    columns: list[Column] = field(default_factory=list)
    primary_key: PrimaryKey | None = None
    indexes: list[Index] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    uniques: list[UniqueConstraint] = field(default_factory=list)
    checks: list[CheckConstraint] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    definition: str | None = None
    partition_key: str | None = None
    partitions: list[Partition] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    engine: str | None = None
    charset: str | None = None
    collation: str | None = None
    auto_increment: int | None = None
    parent: Key | None = None
    """A partition: the table it belongs to, under which it is listed (as live reads list partitions)."""

    @classmethod
    def of(cls, table: Table, schema: str | None) -> Draft:
        return cls(
            table.name,
            schema,
            table.kind,
            table.comment,
            list(table.columns),
            table.primary_key,
            list(table.indexes),
            list(table.foreign_keys),
            list(table.unique_constraints),
            list(table.check_constraints),
            list(table.triggers),
            table.definition,
            table.partition_key,
            list(table.partitions),
            [table.incomplete] if table.incomplete else [],
            table.engine,
            table.charset,
            table.collation,
            table.auto_increment,
        )

    def add(self, pieces: Pieces) -> None:
        self.columns += pieces.columns
        if pieces.primary_key is not None:
            self.primary_key = pieces.primary_key
        self.uniques += pieces.uniques
        self.foreign_keys += pieces.foreign_keys
        self.checks += pieces.checks
        self.indexes += pieces.indexes
        self.incomplete += pieces.problems


__all__ = ["Applied", "Change", "Draft", "Key", "Status"]
