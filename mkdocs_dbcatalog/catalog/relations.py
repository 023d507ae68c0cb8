"""Relationships derived from keys: cardinality, junction tables, and who references whom.

Peer tools draw every foreign key as one-to-many. Here a foreign key whose columns are also the
primary key or a unique key is one-to-one, a nullable one is optional, one whose columns belong to
the child's primary key is identifying, and a table that exists to pair two others (a key made of
two foreign keys, few other columns) is one many-to-many relation "via" it.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, replace

from .model import Catalog, Column, CrossReference, Database, ForeignKey, Table, TableRef
from .unenforced import as_foreign_key

JUNCTION_EXTRA_COLUMNS = 3
"""Columns a junction may have besides its two keys and a surrogate id (timestamps, a position, a role)."""


class Kind(str, enum.Enum):
    ONE_TO_MANY = "one-to-many"
    ONE_TO_ONE = "one-to-one"
    MANY_TO_MANY = "many-to-many"


@dataclass(frozen=True, slots=True)
class Relationship:
    """`parent 1---* child`, `parent 1---1 child`, or `parent *---* child via junction`.

    For a many-to-many relation `parent` and `child` are the two tables the junction pairs (in
    sorted order) and `foreign_keys` are the junction's keys to each of them, in that order.
    """

    kind: Kind
    parent: TableRef
    child: TableRef
    columns: tuple[str, ...]
    """Foreign-key columns in `child` (for many-to-many: the junction's columns to `child`)."""
    optional: bool = False
    """The child may exist without a parent: a foreign-key column is nullable."""
    via: TableRef | None = None
    foreign_key: ForeignKey | None = None
    identifying: bool = False
    """The foreign-key columns are part of the child's primary key (the child cannot exist alone)."""
    foreign_keys: tuple[ForeignKey, ...] = ()
    inferred: bool = False
    """Proposed from column names (`infer_relations`), not declared: shown apart."""

    @property
    def enforced(self) -> bool:
        """A foreign key of the database enforces it (not declared in YAML, not inferred)."""
        return not self.inferred and all(fk.enforced for fk in self.foreign_keys)

    @property
    def declared_in(self) -> str | None:
        """Where an unenforced relationship is declared ("YAML"), for the mark next to it."""
        return next((fk.declared_in for fk in self.foreign_keys if not fk.enforced and fk.declared_in), None)

    @property
    def notation(self) -> str:
        return {Kind.ONE_TO_MANY: "1---*", Kind.ONE_TO_ONE: "1---1", Kind.MANY_TO_MANY: "*---*"}[self.kind]

    @property
    def self_reference(self) -> bool:
        return self.parent == self.child

    @property
    def composite(self) -> bool:
        """The key has more than one column (a junction: either of its keys)."""
        return any(len(fk.columns) > 1 for fk in self.foreign_keys) or len(self.columns) > 1

    @property
    def parent_columns(self) -> tuple[str, ...]:
        """The referenced columns in `parent` (for many-to-many: the junction's columns to `parent`)."""
        if self.kind is Kind.MANY_TO_MANY and self.foreign_keys:
            return self.foreign_keys[0].columns
        return self.foreign_key.target_columns if self.foreign_key else ()


@dataclass(frozen=True, slots=True)
class Incoming:
    """A foreign key of `table` that points at the table being described."""

    table: Table
    foreign_key: ForeignKey


def _key_sets(table: Table) -> list[frozenset[str]]:
    """Every full (not partial) key of the table: primary key, unique constraints, unique indexes."""
    keys = [frozenset(u.columns) for u in table.unique_constraints]
    keys += [frozenset(i.columns) for i in table.indexes if i.unique and not i.predicate]
    if table.primary_key:
        keys.append(frozenset(table.primary_key.columns))
    return [key for key in keys if key]


def is_unique(table: Table, columns: tuple[str, ...]) -> bool:
    """True when the columns (or a subset of them) are a key of the table."""
    wanted = frozenset(columns)
    return any(key <= wanted for key in _key_sets(table))


def is_optional(table: Table, columns: tuple[str, ...]) -> bool:
    """A foreign key is optional when one of its columns may be NULL.

    Primary-key columns are never NULL. A column whose nullability is not known (a YAML file that
    does not say) counts as mandatory: optional is a claim, made only when the catalog says so.
    """
    primary = set(table.primary_key.columns) if table.primary_key else set()
    return any(name not in primary and _nullable(table.column(name)) for name in columns)


def _nullable(column: Column | None) -> bool:
    return column is not None and column.nullable is True


def is_identifying(table: Table, columns: tuple[str, ...]) -> bool:
    """The foreign-key columns are all part of the table's primary key."""
    return table.primary_key is not None and set(columns) <= set(table.primary_key.columns)


def junction_pair(table: Table) -> tuple[ForeignKey, ForeignKey] | None:
    """The two foreign keys of a junction table, or None if the table is not one.

    A junction has two foreign keys with disjoint columns that together are exactly its primary key
    or one of its unique keys, and at most JUNCTION_EXTRA_COLUMNS other columns besides a surrogate
    primary key. Further foreign keys (an `added_by`) count as other columns.
    """
    if len(table.foreign_keys) < 2 or table.kind.is_view:
        return None
    keys = _key_sets(table)
    if table.primary_key:
        # The primary key first: when several pairs qualify, it names the pair that matters.
        keys.insert(0, frozenset(table.primary_key.columns))
    fks = table.foreign_keys
    for key in keys:
        for i, first in enumerate(fks):
            for second in fks[i + 1 :]:
                a, b = frozenset(first.columns), frozenset(second.columns)
                if a & b or a | b != key:
                    continue
                primary = frozenset(table.primary_key.columns) if table.primary_key else frozenset()
                surrogate = primary if primary != key else frozenset()
                others = [c for c in table.columns if c.name not in key and c.name not in surrogate]
                if len(others) <= JUNCTION_EXTRA_COLUMNS:
                    return first, second
    return None


def foreign_key_relationship(table: Table, fk: ForeignKey) -> Relationship:
    """One foreign key as a one-to-many or one-to-one relationship, with its optionality."""
    return Relationship(
        Kind.ONE_TO_ONE if is_unique(table, fk.columns) else Kind.ONE_TO_MANY,
        fk.target,
        table.ref,
        fk.columns,
        optional=is_optional(table, fk.columns),
        foreign_key=fk,
        identifying=is_identifying(table, fk.columns),
        foreign_keys=(fk,),
    )


def junction_relationship(table: Table, pair: tuple[ForeignKey, ForeignKey]) -> Relationship:
    left, right = sorted(pair, key=lambda fk: (fk.target.key, fk.columns))
    return Relationship(
        Kind.MANY_TO_MANY,
        left.target,
        right.target,
        right.columns,
        via=table.ref,
        identifying=True,
        foreign_keys=(left, right),
    )


def _order(relation: Relationship) -> tuple[str, str, str, tuple[str, ...], str]:
    return (
        relation.parent.key,
        relation.child.key,
        relation.kind.value,
        relation.columns,
        relation.via.key if relation.via else "",
    )


def relationships(database: Database, *, fold_junctions: bool = True) -> list[Relationship]:
    """Every relationship in one database, sorted by parent then child.

    With `fold_junctions` a junction's two foreign keys become one many-to-many relationship; its
    other foreign keys stay one-to-many relationships of their own.
    """
    found: list[Relationship] = []
    for table in database.tables:
        pair = junction_pair(table) if fold_junctions else None
        if pair:
            found.append(junction_relationship(table, pair))
        for fk in table.foreign_keys:
            if pair and fk in pair:
                continue
            found.append(foreign_key_relationship(table, fk))
    return sorted(found, key=_order)


class Relations:
    """Indexes over a whole catalog, built once per build: incoming keys, references, neighbours."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._incoming: dict[tuple[str, str], list[Incoming]] = defaultdict(list)
        self._references_in: dict[tuple[str, str], list[tuple[Database, CrossReference]]] = defaultdict(list)
        self._by_database: dict[str, list[Relationship]] = {}
        self._around: dict[str, dict[TableRef, list[Relationship]]] = {}
        self._inferred: dict[str, list[Relationship]] = {}
        self._refs: dict[str, dict[str, TableRef]] = {}
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

    def references_to(
        self, database: Database, table: Table | None = None, *, inferred: bool | None = None
    ) -> list[tuple[Database, CrossReference]]:
        """Cross-service references from other databases into this one (or into one table).

        `inferred=False` keeps the declared ones, `True` the ones guessed from naming.
        """
        if table is not None:
            found = self._references_in.get((database.name, table.key), [])
        else:
            found = [item for (db, _), items in self._references_in.items() if db == database.name for item in items]
        if inferred is not None:
            found = [item for item in found if item[1].inferred is inferred]
        return sorted(found, key=lambda item: (item[0].name, item[1].source.key, item[1].source_column))

    def relationships(self, database: Database) -> list[Relationship]:
        if database.name not in self._by_database:
            self._by_database[database.name] = relationships(database)
        return self._by_database[database.name]

    def ref(self, database: Database, key: str) -> TableRef:
        """The table of that key (`schema.table` or `table`), as foreign keys name it."""
        if database.name not in self._refs:
            self._refs[database.name] = {t.key: t.ref for t in database.tables}
        found = self._refs[database.name].get(key)
        if found is None:
            schema, dot, name = key.rpartition(".")
            found = TableRef(name, schema or None) if dot else TableRef(key)
        return found

    def inferred(self, database: Database) -> list[Relationship]:
        """Relationships proposed from column names (`infer_relations`), sorted like the others."""
        if database.name not in self._inferred:
            found = []
            for relation in database.relations:
                table = database.table(relation.source.key) if relation.inferred else None
                if table is not None:
                    key = as_foreign_key(database, relation, declared_in=None)
                    found.append(replace(foreign_key_relationship(table, key), inferred=True))
            self._inferred[database.name] = sorted(found, key=_order)
        return self._inferred[database.name]

    def inferred_around(self, database: Database, table: Table | TableRef) -> list[Relationship]:
        ref = table.ref if isinstance(table, Table) else table
        return [r for r in self.inferred(database) if ref in (r.parent, r.child)]

    def around(self, database: Database, table: Table | TableRef) -> list[Relationship]:
        """The relationships a table takes part in: as parent, child, or the junction of one."""
        if database.name not in self._around:
            index: dict[TableRef, list[Relationship]] = defaultdict(list)
            for relation in self.relationships(database):
                for ref in {relation.parent, relation.child, relation.via}:
                    if ref is not None:
                        index[ref].append(relation)
            self._around[database.name] = index
        ref = table.ref if isinstance(table, Table) else table
        return self._around[database.name].get(ref, [])

    def degree(self, database: Database, table: Table | TableRef) -> int:
        """How connected a table is: the relationships it takes part in."""
        return len(self.around(database, table))
