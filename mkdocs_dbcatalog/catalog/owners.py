"""Owners: who answers for each database and table.

A table's owner is its own, else its database's (`Database.owner_of`). The catalog page lists each
owning team with the databases it owns and the tables it owns apart from their database's owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Catalog, Database, Table


@dataclass
class Ownership:
    team: str
    contact: str | None = None
    databases: list[Database] = field(default_factory=list)
    tables: list[tuple[Database, Table]] = field(default_factory=list)
    """Tables owned apart: their own owner is this team and their database's is not."""
    table_count: int = 0
    """Every table the team owns, through its databases or directly."""


def ownership(catalog: Catalog) -> list[Ownership]:
    """Each owning team, sorted by name (the first contact written for a team is shown)."""
    teams: dict[str, Ownership] = {}

    def team(name: str, contact: str | None) -> Ownership:
        found = teams.setdefault(name, Ownership(name))
        found.contact = found.contact or contact
        return found

    for database in catalog.databases:
        if database.owner is not None:
            team(database.owner.team, database.owner.contact).databases.append(database)
        for table in database.tables:
            owner = database.owner_of(table)
            if owner is None:
                continue
            owning = team(owner.team, owner.contact)
            owning.table_count += 1
            if table.owner is not None and (database.owner is None or database.owner.team != table.owner.team):
                owning.tables.append((database, table))
    return [teams[name] for name in sorted(teams, key=lambda n: (n.lower(), n))]


def unowned(catalog: Catalog) -> list[tuple[Database, Table]]:
    """Tables with no owner of their own nor through their database."""
    return [(d, t) for d, t in catalog.tables() if d.owner_of(t) is None]


__all__ = ["Ownership", "ownership", "unowned"]
