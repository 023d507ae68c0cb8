"""Descriptions written back as database comments, as SQL for people to review and run: never by us.

`plan()` compares what a database file says (table purposes, column descriptions, with `{doc: ...}`
blocks resolved; never inherited or database-made text) with the comments a live read found, and
keeps what differs. Each engine module turns a plan into a script: PostgreSQL `COMMENT ON`,
MariaDB/MySQL `ALTER TABLE ... MODIFY COLUMN` restating each column's definition as the server
prints it, SQL Server `sp_addextendedproperty` / `sp_updateextendedproperty`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog.model import Database, Table, TableKind


@dataclass(frozen=True)
class Comment:
    """One comment to write: on a table (`column` None) or on one of its columns."""

    table: Table
    """The table as the database has it (the live read) or, without one, as the file describes it."""
    column: str | None
    text: str
    current: str | None = None
    """The comment the database has now (None: none, or not read)."""


@dataclass
class Plan:
    database: Database
    comments: list[Comment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What was left out and why, said in the script and on stderr."""
    read_live: bool = False
    left_out: list[Comment] = field(default_factory=list)
    """Comments an engine's script cannot hold (too long, a view...), each said in `notes`."""

    def leave_out(self, comments: list[Comment], note: str) -> None:
        self.left_out += comments
        self.notes.append(note)

    @property
    def written(self) -> list[Comment]:
        """The comments the script writes."""
        left_out = {id(c) for c in self.left_out}
        return [c for c in self.comments if id(c) not in left_out]

    def tables(self) -> list[Table]:
        """The tables with something to write, in the order of the database."""
        seen: dict[str, Table] = {}
        for comment in self.comments:
            seen.setdefault(comment.table.key, comment.table)
        return list(seen.values())

    def of(self, table: Table) -> list[Comment]:
        return [c for c in self.comments if c.table.key == table.key]


def plan(described: Database, live: Database | None) -> Plan:
    """What the file says that the database's comments do not (all of it when it is not read)."""
    result = Plan(described, read_live=live is not None)
    for own in described.tables:
        table = live.table(own.key) if live is not None else own
        if table is None:
            if own.purpose or any(c.description for c in own.columns):
                result.notes.append(f"table {own.key} is described but the database has no such table")
            continue
        if own.purpose and own.purpose != table.comment:
            result.comments.append(Comment(table, None, own.purpose, table.comment))
        for column in own.columns:
            if not column.description:
                continue
            found = table.column(column.name)
            if found is None:
                result.notes.append(f"column {own.key}.{column.name} is described but the table has no such column")
            elif column.description != found.comment:
                result.comments.append(Comment(table, column.name, column.description, found.comment))
    return result


def object_kind(table: Table) -> str:
    """How PostgreSQL's COMMENT ON names the kind of relation."""
    return {
        TableKind.VIEW: "VIEW",
        TableKind.MATERIALIZED_VIEW: "MATERIALIZED VIEW",
        TableKind.FOREIGN: "FOREIGN TABLE",
    }.get(table.kind, "TABLE")


__all__ = ["Comment", "Plan", "object_kind", "plan"]
