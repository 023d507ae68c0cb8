"""What applying a statement gives: its status and changes, and the mutable table statements build."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields

from ...catalog.model import Table
from ..live.common import Draft as LiveDraft
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
class Draft(LiveDraft):
    """A table being built by statements: the live readers' draft, with what only statements know."""

    incomplete: list[str] = field(default_factory=list)
    """What of its statements could not be read."""
    parent: Key | None = None
    """A partition: the table it belongs to, under which it is listed (as live reads list partitions)."""

    @classmethod
    def of(cls, table: Table, schema: str | None) -> Draft:
        """A draft of a table read before (a migration history's state), to apply more statements to."""
        draft = cls(table.name, schema)
        for name in LIVE_FIELDS:
            value = getattr(table, name)
            setattr(draft, name, list(value) if isinstance(value, tuple) else value)
        draft.schema = schema
        draft.incomplete = [table.incomplete] if table.incomplete else []
        return draft

    def add(self, pieces: Pieces) -> None:
        self.columns += pieces.columns
        if pieces.primary_key is not None:
            self.primary_key = pieces.primary_key
        self.unique_constraints += pieces.uniques
        self.foreign_keys += pieces.foreign_keys
        self.check_constraints += pieces.checks
        self.indexes += pieces.indexes
        self.incomplete += pieces.problems


LIVE_FIELDS = tuple(f.name for f in fields(LiveDraft) if f.name not in ("name", "schema"))


__all__ = ["Applied", "Change", "Draft", "Key", "Status"]
