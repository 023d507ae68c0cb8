"""Documentation coverage: how much of the structure has a description, per table and database.

A table counts as documented when it has a purpose (YAML) or a comment (database); a column when
it has a description or a comment, or inherits one (see descriptions.py): inherited ones are also
counted apart, so a page can say how much was written where it is shown. The same numbers feed the
pages and `mkdocs-dbcatalog check`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Database, Table


@dataclass(frozen=True, slots=True)
class Coverage:
    documented: int
    total: int
    inherited: int = 0
    """How many of `documented` are columns described only by the column they refer to."""

    @property
    def ratio(self) -> float:
        return self.documented / self.total if self.total else 1.0

    @property
    def percent(self) -> float:
        """In percent, rounded down to one decimal (99.96% must not read as 100%): the one figure every page,
        message and output shows."""
        return math.floor(1000 * self.ratio) / 10

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(
            self.documented + other.documented, self.total + other.total, self.inherited + other.inherited
        )


def table_coverage(table: Table) -> Coverage:
    columns = column_coverage(table)
    return Coverage(columns.documented + (1 if table.text else 0), columns.total + 1, columns.inherited)


def column_coverage(table: Table) -> Coverage:
    own = sum(1 for c in table.columns if c.text)
    inherited = sum(1 for c in table.columns if c.inherited and not c.text)
    return Coverage(own + inherited, len(table.columns), inherited)


def database_coverage(database: Database) -> Coverage:
    total = Coverage(0, 0)
    for table in database.tables:
        total += table_coverage(table)
    return total


def tables_described(database: Database) -> Coverage:
    return Coverage(sum(1 for t in database.tables if t.text), len(database.tables))


def columns_described(database: Database) -> Coverage:
    total = Coverage(0, 0)
    for table in database.tables:
        total += column_coverage(table)
    return total
