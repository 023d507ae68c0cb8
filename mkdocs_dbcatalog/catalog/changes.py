"""Changes to a schema: what a migration did, or what differs between two snapshots.

One shape serves the table pages' History sections, the "What changed" page and
`mkdocs-dbcatalog diff`, so the three always say the same thing the same way. Nothing here knows
where a change was found (a migration file, a git commit, two catalog files).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Action(str, enum.Enum):
    ADDED = "added"
    DROPPED = "dropped"
    CHANGED = "changed"
    RENAMED = "renamed"


@dataclass(frozen=True, slots=True)
class Delta:
    """One attribute that changed: a column's type, nullability or default, an index's uniqueness."""

    attribute: str
    before: str | None
    after: str | None

    def __str__(self) -> str:
        return f"{self.attribute} {_shown(self.before)} → {_shown(self.after)}"


@dataclass(frozen=True, slots=True)
class Change:
    """One thing added, dropped, changed or renamed.

    `what` is the kind of object: table, view, materialized view, column, primary key, foreign key,
    index, unique constraint, check constraint, trigger, comment, enum, extension.
    """

    action: Action
    what: str
    table: str | None
    """Key of the table it concerns (`schema.table` or `table`); None for database-level objects."""
    name: str | None = None
    """The column, index or constraint name; for tables and views, None (the table says it)."""
    detail: str | None = None
    """What the object is, for an added or dropped one: `varchar(20) NOT NULL`, `(email) unique`."""
    deltas: tuple[Delta, ...] = ()
    """For a changed object: each attribute with its value before and after."""
    before: str | None = None
    """For a renamed object: its old name (the old table key for a table)."""
    parts: tuple[Change, ...] = ()
    """For an added table: its columns, keys and indexes, so a reader sees what it was created with."""

    @property
    def subject(self) -> str:
        """`table orders`, `column orders.status`, `index orders.idx_orders_status`."""
        if self.name is None:
            return f"{self.what} {self.table}" if self.table else self.what
        return f"{self.what} {self.table}.{self.name}" if self.table else f"{self.what} {self.name}"

    def __str__(self) -> str:
        text = f"{self.action.value} {self.subject}"
        if self.action is Action.RENAMED and self.before:
            text = f"renamed {self.what} {self.before} to {self.table if self.name is None else self.name}"
            if self.name is not None and self.table:
                text += f" on {self.table}"
        if self.detail:
            text += f" ({self.detail})"
        if self.deltas:
            text += ": " + ", ".join(str(d) for d in self.deltas)
        return text


class Analysis(str, enum.Enum):
    """How much of a migration could be read without running it."""

    ANALYSED = "analysed"
    """Every statement was read: its changes are complete."""
    PARTIAL = "partly analysed"
    """Some statements could not be read (listed); the changes shown are those that could."""
    NOT_ANALYSED = "not analysed"
    """Nothing could be read (the file is not valid, or it is code): no change is claimed."""


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that changed a database's catalog or schema file, with what it changed in the structure."""

    sha: str
    date: str
    """ISO 8601 with the committer's offset, as git prints it."""
    author: str
    subject: str
    path: str
    """The file as the commit has it (renames are followed)."""
    changes: tuple[Change, ...] = ()
    note: str | None = None
    """Why no structural change is shown: the file was created, or could not be read at that commit."""


def _shown(value: str | None) -> str:
    return "none" if value is None else value


__all__ = ["Action", "Analysis", "Change", "Commit", "Delta"]
