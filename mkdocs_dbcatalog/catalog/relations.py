"""Relationships derived from keys: cardinality, junction tables, and who references whom.

Peer tools draw every foreign key as one-to-many. Here a foreign key whose columns are also the
primary key or a unique key is one-to-one, a nullable one is optional, and a table that exists to
pair two others (its key is made of two foreign keys) is one many-to-many relation "via" it.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass

from .model import Catalog, CrossReference, Database, ForeignKey, Table, TableRef

JUNCTION_EXTRA_COLUMNS = 3
"""Columns a junction may have besides its keys (timestamps, a position, a role)."""


class Kind(str, enum.Enum):
    ONE_TO_MANY = "one-to-many"
    ONE_TO_ONE = "one-to-one"
    MANY_TO_MANY = "many-to-many"


@dataclass(frozen=True, slots=True)
class Relationship:
    """`parent 1---* child`, `parent 1---1 child`, or `parent *---* child via junction`."""

    kind: Kind
    parent: TableRef
    child: TableRef
    columns: tuple[str, ...]
    """Foreign-key columns in `child` (for many-to-many: the junction's columns to `child`)."""
    optional: bool = False
    """The child may exist without a parent (nullable foreign key)."""
    via: TableRef | None = None
    foreign_key: ForeignKey | None = None

    @property
    def notation(self) -> str:
        return {Kind.ONE_TO_MANY: "1---*", Kind.ONE_TO_ONE: "1---1", Kind.MANY_TO_MANY: "*---*"}[self.kind]

    @property
    def self_reference(self) -> bool:
        return self.parent == self.child


@dataclass(frozen=True, slots=True)
class Incoming:
    """A foreign key of `table` that points at the table being described."""

    table: Table
    foreign_key: ForeignKey


def _key_sets(table: Table) -> list[frozenset[str]]:
    keys = [frozenset(u.columns) for u in table.unique_constraints]
    keys += [frozenset(i.columns) for i in table.indexes if i.unique and not i.predicate]
    if table.primary_key:
        keys.append(frozenset(table.primary_key.columns))
    return keys


def is_unique(table: Table, columns: tuple[str, ...]) -> bool:
    """True when the columns (or a subset of them) are a key of the table."""
    wanted = frozenset(columns)
    return any(key and key <= wanted for key in _key_sets(table))


def junction_pair(table: Table) -> tuple[ForeignKey, ForeignKey] | None:
    """The two foreign keys of a junction table, or None if the table is not one.

    A junction has exactly two foreign keys, a primary key or unique key made of exactly their
    columns, and at most JUNCTION_EXTRA_COLUMNS other columns (a surrogate id is allowed too).
    """
    if len(table.foreign_keys) != 2 or table.kind.is_view:
        return None
    first, second = table.foreign_keys
    pair = frozenset(first.columns) | frozenset(second.columns)
    if len(pair) != len(first.columns) + len(second.columns):
        return None
    if pair not in _key_sets(table):
        return None
    surrogate: set[str] = set()
    if table.primary_key and frozenset(table.primary_key.columns) != pair:
        surrogate = set(table.primary_key.columns)
    others = [c for c in table.columns if c.name not in pair and c.name not in surrogate]
    if len(others) > JUNCTION_EXTRA_COLUMNS:
        return None
    return first, second


def _nullable(table: Table, columns: tuple[str, ...]) -> bool:
    return any((c := table.column(name)) is not None and c.nullable is True for name in columns)


def relationships(database: Database) -> list[Relationship]:
    """Every relationship in one database, junctions folded, sorted by parent then child."""
    found: list[Relationship] = []
    for table in database.tables:
        pair = junction_pair(table)
        if pair:
            left, right = sorted(pair, key=lambda fk: (fk.target.key, fk.columns))
            found.append(
                Relationship(Kind.MANY_TO_MANY, left.target, right.target, right.columns, via=table.ref)
            )
            continue
        for fk in table.foreign_keys:
            kind = Kind.ONE_TO_ONE if is_unique(table, fk.columns) else Kind.ONE_TO_MANY
            found.append(
                Relationship(
                    kind,
                    fk.target,
                    table.ref,
                    fk.columns,
                    optional=_nullable(table, fk.columns),
                    foreign_key=fk,
                )
            )
    return sorted(found, key=lambda r: (r.parent.key, r.child.key, r.kind.value, r.columns))


class Relations:
    """Indexes over a whole catalog, built once per build: incoming keys and references."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._incoming: dict[tuple[str, str], list[Incoming]] = defaultdict(list)
        self._references_in: dict[tuple[str, str], list[tuple[Database, CrossReference]]] = defaultdict(list)
        self._by_database: dict[str, list[Relationship]] = {}
        for database in catalog.databases:
            for table in database.tables:
                for fk in table.foreign_keys:
                    self._incoming[(database.name, fk.target.key)].append(Incoming(table, fk))
            for ref in database.references:
                target = catalog.find_database(ref.target_database)
                if target is not None:
                    self._references_in[(target.name, ref.target.key)].append((database, ref))

    def incoming(self, database: Database, table: Table) -> list[Incoming]:
        found = self._incoming.get((database.name, table.key), [])
        return sorted(found, key=lambda i: (i.table.key, i.foreign_key.columns))

    def references_to(self, database: Database, table: Table | None = None) -> list[tuple[Database, CrossReference]]:
        """Cross-service references from other databases into this one (or into one table)."""
        if table is not None:
            found = self._references_in.get((database.name, table.key), [])
        else:
            found = [item for (db, _), items in self._references_in.items() if db == database.name for item in items]
        return sorted(found, key=lambda item: (item[0].name, item[1].source.key, item[1].source_column))

    def relationships(self, database: Database) -> list[Relationship]:
        if database.name not in self._by_database:
            self._by_database[database.name] = relationships(database)
        return self._by_database[database.name]
