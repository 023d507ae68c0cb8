"""Documentation coverage: how much of the structure has a description, per table and database.

A table counts as documented when it has a purpose (YAML) or a comment (database); a column when
it has a description or a comment. The same numbers feed the pages and `mkdocs-dbcatalog check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Database, Table


@dataclass(frozen=True, slots=True)
class Coverage:
    documented: int
    total: int

    @property
    def ratio(self) -> float:
        return self.documented / self.total if self.total else 1.0

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(self.documented + other.documented, self.total + other.total)


def table_coverage(table: Table) -> Coverage:
    columns = sum(1 for c in table.columns if c.text)
    return Coverage(columns + (1 if table.text else 0), len(table.columns) + 1)


def column_coverage(table: Table) -> Coverage:
    return Coverage(sum(1 for c in table.columns if c.text), len(table.columns))


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
