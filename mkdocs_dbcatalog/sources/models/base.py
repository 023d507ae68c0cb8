"""What every models reader gives back: the structure the code declares, and where it says so."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...catalog.model import Database

Where = Mapping[tuple[str, ...], str]
"""`file:line` of a table (`(key,)`) or column (`(key, column)`) in the application's code."""

BOOKKEEPING = frozenset(
    {
        "_prisma_migrations",
        "django_migrations",
        "alembic_version",
        "schema_migrations",
        "ar_internal_metadata",
        "flyway_schema_history",
        "goose_db_version",
        "databasechangelog",
        "databasechangeloglock",
    }
)
"""Tables a migration tool keeps for itself: in the database, never in the models."""


@dataclass(frozen=True)
class ModelsRead:
    """A database's structure as its models declare it (`Database.origin` is MODELS)."""

    database: Database
    where: Where = field(default_factory=dict)
    complete: bool = True
    """Whether the models declare the whole database (every table but bookkeeping), so that a table
    the database has and the models lack is drift; False for Django limited to some apps."""

    def location(self, table: str, column: str | None = None) -> str | None:
        return self.where.get((table, column) if column else (table,)) or self.where.get((table,))


class ModelsError(Exception):
    """Models that cannot be read: one sentence, for a CatalogError at the database file's `models:`."""


__all__ = ["BOOKKEEPING", "ModelsError", "ModelsRead", "Where"]
