"""Tags: which databases, tables and columns carry which classification (`pii`, `pii:email`, `gdpr`).

A tag is free text written by people. `pii` and every `pii:<kind>` mark personal data, which is what
the `pii-untagged` lint rule and the Tags page look for first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Catalog, Column, Database, Table


def is_pii(tags: Iterable[str]) -> bool:
    """Whether the tags mark personal data: `pii` or `pii:<kind>`, in any case."""
    return any(t.lower() == "pii" or t.lower().startswith("pii:") for t in tags)


@dataclass(frozen=True, slots=True)
class Tagged:
    """One tagged thing: a database, a table of it, or a column of a table."""

    database: Database
    table: Table | None = None
    column: Column | None = None

    @property
    def kind(self) -> str:
        return "column" if self.column else "table" if self.table else "database"

    @property
    def tags(self) -> tuple[str, ...]:
        return (self.column or self.table or self.database).tags


class TagIndex:
    """Every tagged item of a catalog by tag, in catalog order; tags sorted without regard to case."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._items: dict[str, list[Tagged]] = {}
        for database in catalog.databases:
            self._add(Tagged(database))
            for table in database.tables:
                self._add(Tagged(database, table))
                for column in table.columns:
                    if column.tags:
                        self._add(Tagged(database, table, column))

    def _add(self, item: Tagged) -> None:
        for tag in item.tags:
            self._items.setdefault(tag, []).append(item)

    def __bool__(self) -> bool:
        return bool(self._items)

    def tags(self) -> list[str]:
        return sorted(self._items, key=lambda t: (t.lower(), t))

    def items(self, tag: str) -> list[Tagged]:
        return self._items.get(tag, [])

    def per_database(self, tag: str) -> list[tuple[Database, int]]:
        """How many items carry the tag in each database, in catalog order."""
        counts = Counter(item.database.name for item in self.items(tag))
        return [(d, counts[d.name]) for d in self.catalog.databases if counts[d.name]]


def page_tags(database: Database, table: Table | None = None) -> tuple[str, ...]:
    """The tags of what a page shows in full: a table and its columns, or a database alone."""
    if table is None:
        return database.tags
    found = [*table.tags, *(t for c in table.columns for t in c.tags)]
    return tuple(dict.fromkeys(found))


__all__ = ["TagIndex", "Tagged", "is_pii", "page_tags"]
