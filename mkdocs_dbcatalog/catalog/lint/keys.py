"""Rules about keys and indexes: what makes rows identifiable, joins fast and pairs unique."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Catalog, Database, ForeignKey, Index, Table, TableKind
from ..relations import is_unique, junction_pair
from .base import LintSettings, Problem, Severity, columns_text, structure_known, table_path
from .expressions import columns_in, not_null_columns

# --- table-without-primary-key -------------------------------------------------------------------

_KEYED_KINDS = (TableKind.TABLE, TableKind.PARTITIONED)


def _identifying_unique(table: Table) -> tuple[str, tuple[str, ...]] | None:
    """A unique key on NOT NULL columns (constraint, or full unique index): it tells rows apart."""
    candidates = [(f"unique constraint {u.name}" if u.name else "a unique constraint", u.columns)
                  for u in table.unique_constraints]  # fmt: skip
    candidates += [(f"unique index {i.name}" if i.name else "a unique index", i.columns)
                   for i in table.indexes if i.unique and not i.predicate]  # fmt: skip
    for label, columns in candidates:
        found = [table.column(name) for name in columns]
        if columns and all(c is not None and c.nullable is False for c in found):
            return label, columns
    return None


def no_primary_key(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.kind not in _KEYED_KINDS or table.primary_key is not None or not structure_known(database, table):
            continue
        unique = _identifying_unique(table)
        if unique is None:
            yield (
                f"table {table.key} has no primary key: rows cannot be told apart, updated or replicated safely",
                table.key,
                None,
                table_path(table),
            )
            continue
        label, columns = unique
        yield (
            f"table {table.key} has no primary key, but {label} on NOT NULL ({columns_text(columns)}) tells its "
            "rows apart (InnoDB clusters the table on it): declare it the primary key, so that tools and "
            "replication that look for one find it",
            table.key,
            None,
            table_path(table),
            Severity.WARNING,
        )


# --- foreign-key-without-index -------------------------------------------------------------------


def _serves(index: Index, fk: ForeignKey, engine: str | None) -> bool:
    """Whether the engine can use the index to find a parent's rows by the foreign key's columns.

    A btree whose leading columns are the key's (in any order, with any operator class or sort
    order: equality is what the check looks up), a hash index on exactly them, and a partial index
    whose predicate only requires them to be NOT NULL, which `column = value` implies (PostgreSQL
    plans its foreign-key checks with such an index).
    """
    wanted = set(fk.columns)
    if index.method in (None, "btree"):
        if set(index.columns[: len(wanted)]) != wanted:
            return False
    elif index.method != "hash" or set(index.columns) != wanted or len(index.columns) != len(wanted):
        return False
    if not index.predicate:
        return True
    required = not_null_columns(index.predicate, engine)
    return required is not None and required <= wanted


def _unserved_partitions(table: Table, fk: ForeignKey, engine: str | None) -> list[str] | None:
    """The partitions a lookup by the key would scan; None when an index of the table itself serves it."""
    wanted = set(fk.columns)
    keys = [u.columns for u in table.unique_constraints]
    if table.primary_key:
        keys.append(table.primary_key.columns)
    if any(set(columns[: len(wanted)]) == wanted for columns in keys):
        return None
    if any(_serves(index, fk, engine) for index in table.indexes):
        return None
    # A partitioned table's key is served where a partition has an index of its own for it.
    return [p.name for p in table.partitions if not any(_serves(index, fk, engine) for index in p.indexes)]


def fk_without_index(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.kind.is_view or not structure_known(database, table):
            continue
        for fk in table.foreign_keys:
            unserved = _unserved_partitions(table, fk, database.engine)
            if unserved is None or (table.partitions and not unserved):
                continue
            where = table.key
            if table.partitions and len(unserved) < len(table.partitions):
                where = f"partition{'s' if len(unserved) > 1 else ''} {', '.join(unserved)} of {table.key}"
                lacks = f"has no index starting with its column(s) on {where} (the other partitions have one)"
            else:
                lacks = "has no index starting with its column(s)"
            yield (
                f"foreign key {table.key}({columns_text(fk.columns)}) → {fk.target.key} {lacks}: each delete or key "
                f"change in {fk.target.key} scans all of {where}; add an index on ({columns_text(fk.columns)})",
                table.key,
                fk.columns[0],
                table_path(table, "columns", fk.columns[0]),
            )


# --- nullable-foreign-key-to-required-parent -----------------------------------------------------


def _required_parent(table: Table, fk: ForeignKey) -> str | None:
    """Why the row cannot exist without its parent, or None when nothing says so.

    Only a key that is part of the primary key says so. `ON DELETE CASCADE` does not: it says what
    happens to the rows that have a parent, and real schemas use it as often on optional links.
    """
    if table.primary_key and set(fk.columns) <= set(table.primary_key.columns):
        return "the foreign key is part of the primary key"
    return None


def _may_be_null_by_design(table: Table, fk: ForeignKey, column: str, engine: str | None) -> bool:
    """A self-reference (a tree's roots have no parent) or a check that decides when the column is NULL."""
    if fk.target.key == table.key:
        return True
    for check in table.check_constraints:
        named = columns_in(check.expression, engine)
        if named is None or column in named:  # unparsed: it may be the rule that makes NULL right
            return True
    return False


def nullable_fk_to_required_parent(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        for fk in table.foreign_keys:
            nullable = [name for name in fk.columns if (c := table.column(name)) is not None and c.nullable is True]
            nullable = [n for n in nullable if not _may_be_null_by_design(table, fk, n, database.engine)]
            reason = _required_parent(table, fk) if nullable else None
            if reason:
                yield (
                    f"{table.key}.{nullable[0]} may be NULL, but rows of {table.key} belong to their {fk.target.key} "
                    f"row ({reason}): make it NOT NULL",
                    table.key,
                    nullable[0],
                    table_path(table, "columns", nullable[0]),
                )


# --- redundant-index -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Key:
    """An index, or a key the engine keeps an index for, as far as redundancy is concerned."""

    label: str
    name: str | None
    columns: tuple[str, ...]
    unique: bool
    method: str
    predicate: str | None
    options: tuple[str, ...] = ()
    """Per column: operator class, collation, order (what makes `(name)` and `(name text_pattern_ops)` differ)."""
    include: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[tuple[str, str], ...]:
        options = self.options or ("",) * len(self.columns)
        return tuple(zip(self.columns, options, strict=False))

    @property
    def stored(self) -> set[str]:
        return {*self.columns, *self.include}


def _key_structures(table: Table) -> list[_Key]:
    keys = []
    if table.primary_key:
        keys.append(_Key("the primary key", table.primary_key.name, table.primary_key.columns, True, "btree", None))
    for u in table.unique_constraints:
        label = f"unique constraint {u.name}" if u.name else f"the unique constraint on ({columns_text(u.columns)})"
        keys.append(_Key(label, u.name, u.columns, True, "btree", None))
    return keys


def _index_key(index: Index) -> _Key:
    label = f"index {index.name}" if index.name else f"the index on ({columns_text(index.columns)})"
    return _Key(
        label, index.name, index.columns, index.unique, index.method or "btree", index.predicate, index.options,
        index.include,
    )


def _covers(other: _Key, index: _Key) -> bool:
    """True when `other` makes `index` unnecessary: it serves every lookup and enforces every rule it does.

    Columns are compared with their operator class, collation and sort order (a `text_pattern_ops`
    index serves LIKE 'abc%', the plain one does not), and the other index must store every column
    this one INCLUDEs (for index-only scans).
    """
    if other.method != index.method or other.predicate != index.predicate:
        return False
    if not set(index.include) <= other.stored:
        return False
    if index.unique:
        return other.unique and other.keys == index.keys
    if index.method != "btree":
        return other.keys == index.keys
    return other.keys[: len(index.keys)] == index.keys


def _same(a: _Key, b: _Key) -> bool:
    return (a.keys, a.unique, a.method, a.predicate, a.include) == (b.keys, b.unique, b.method, b.predicate, b.include)


def _backs(index: _Key, key: _Key) -> bool:
    """Whether an index is the one the engine keeps for a key, not a copy of it.

    MySQL and PostgreSQL report those under the key's name; SQLite calls them
    `sqlite_autoindex_<table>_<n>` and its keys have no name.
    """
    if index.name and key.name == index.name:
        return True
    same = index.unique and index.columns == key.columns
    return same and key.name is None and (index.name or "").startswith("sqlite_autoindex_")


def _key_text(key: _Key) -> str:
    return ", ".join(f"{c} {o}" if o else c for c, o in key.keys)


def redundant_index(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        indexes = [_index_key(i) for i in table.indexes]
        keys = _key_structures(table)
        for position, index in enumerate(indexes):
            others = [k for k in keys if not _backs(index, k)]
            others += [
                other
                for j, other in enumerate(indexes)
                if j != position
                # Two identical indexes: only the later one is reported, as a copy of the first.
                and not (_same(other, index) and j > position)
            ]
            cover = next((other for other in others if _covers(other, index)), None)
            if cover is None:
                continue
            same = cover.keys == index.keys
            relation = "duplicates" if same else "is a leading part of"
            yield (
                f"{index.label} on {table.key}({_key_text(index)}) {relation} {cover.label}"
                f"{'' if same else ' (' + _key_text(cover) + ')'}: drop it, it only slows down writes",
                table.key,
                None,
                table_path(table, "indexes", position),
            )


# --- junction-without-unique-pair ----------------------------------------------------------------


def _junction_candidate(table: Table) -> tuple[ForeignKey, ForeignKey] | None:
    """Two foreign keys and nothing that makes the table an entity of its own.

    With no key on the pair nothing says what the table is, so the shape must: the pair and at most
    one column (a timestamp, a position) when the table has no primary key, or the pair and a
    surrogate id alone. A surrogate id plus more columns is an entity where the same pair twice can
    be right: Pagila's `inventory` holds several copies of a film in a store.
    """
    if len(table.foreign_keys) != 2 or table.kind.is_view:
        return None
    first, second = table.foreign_keys
    pair = set(first.columns) | set(second.columns)
    if len(pair) != len(first.columns) + len(second.columns):
        return None
    pk = set(table.primary_key.columns) if table.primary_key else set()
    others = [c for c in table.columns if c.name not in pair and c.name not in pk]
    if not pk:
        allowed = 1
    elif len(pk) == 1 and not pk & pair:
        allowed = 0
    else:
        return None  # a key of its own that includes other columns: a child table such as (order_id, line_no)
    return (first, second) if len(others) <= allowed else None


def junction_without_unique_pair(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if junction_pair(table) is not None or not structure_known(database, table):
            continue
        candidate = _junction_candidate(table)
        if candidate is None:
            continue
        first, second = candidate
        columns = first.columns + second.columns
        if is_unique(table, columns):
            continue
        yield (
            f"{table.key} pairs {first.target.key} with {second.target.key}, but nothing stops the same "
            f"({columns_text(columns)}) pair from being stored twice: "
            "make the pair its primary key or a unique constraint",
            table.key,
            None,
            table_path(table),
        )


