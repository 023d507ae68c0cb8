"""Rules about keys and indexes: what makes rows identifiable, joins fast and pairs unique."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Catalog, Database, ForeignKey, Index, Table, TableKind
from ..relations import is_unique, junction_pair
from .base import LintSettings, Problem, columns_text, structure_known, table_path

# --- table-without-primary-key -------------------------------------------------------------------

_KEYED_KINDS = (TableKind.TABLE, TableKind.PARTITIONED)


def no_primary_key(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.kind in _KEYED_KINDS and table.primary_key is None and structure_known(database, table):
            yield (
                f"table {table.key} has no primary key: rows cannot be told apart, updated or replicated safely",
                table.key,
                None,
                table_path(table),
            )


# --- foreign-key-without-index -------------------------------------------------------------------


def _is_btree(index: Index) -> bool:
    return index.method in (None, "btree")


def _leadingcolumns_text(table: Table) -> list[tuple[str, ...]]:
    """Column lists whose leading columns an index can search: plain indexes and the keys behind them."""
    found = [i.columns for i in table.indexes if _is_btree(i) and not i.predicate]
    found += [u.columns for u in table.unique_constraints]
    if table.primary_key:
        found.append(table.primary_key.columns)
    return found


def _supported(table: Table, fk: ForeignKey) -> bool:
    wanted = set(fk.columns)
    return any(set(columns[: len(wanted)]) == wanted for columns in _leadingcolumns_text(table))


def fk_without_index(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        if table.kind.is_view or not structure_known(database, table):
            continue
        for fk in table.foreign_keys:
            if not _supported(table, fk):
                yield (
                    f"foreign key {table.key}({columns_text(fk.columns)}) → {fk.target.key} has no index starting with "
                    f"its column(s): each delete or key change in {fk.target.key} scans all of {table.key}; "
                    f"add an index on ({columns_text(fk.columns)})",
                    table.key,
                    fk.columns[0],
                    table_path(table, "columns", fk.columns[0]),
                )


# --- nullable-foreign-key-to-required-parent -----------------------------------------------------


def _required_parent(table: Table, fk: ForeignKey) -> str | None:
    """Why the row cannot exist without its parent, or None when nothing says so."""
    if (fk.on_delete or "").upper() == "CASCADE":
        return "ON DELETE CASCADE deletes them with it"
    if table.primary_key and set(fk.columns) <= set(table.primary_key.columns):
        return "the foreign key is part of the primary key"
    return None


def nullable_fk_to_required_parent(catalog: Catalog, database: Database, settings: LintSettings) -> Iterator[Problem]:
    for table in database.tables:
        for fk in table.foreign_keys:
            nullable = [name for name in fk.columns if (c := table.column(name)) is not None and c.nullable is True]
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
    return _Key(label, index.name, index.columns, index.unique, index.method or "btree", index.predicate)


def _covers(other: _Key, index: _Key) -> bool:
    """True when `other` makes `index` unnecessary: it serves every lookup and enforces every rule it does."""
    if other.method != index.method or other.predicate != index.predicate:
        return False
    if index.unique:
        return other.unique and other.columns == index.columns
    if index.method != "btree":
        return other.columns == index.columns
    return other.columns[: len(index.columns)] == index.columns


def _backs(index: _Key, key: _Key) -> bool:
    """Whether an index is the one the engine keeps for a key, not a copy of it.

    MySQL and PostgreSQL report those under the key's name; SQLite calls them
    `sqlite_autoindex_<table>_<n>` and its keys have no name.
    """
    if index.name and key.name == index.name:
        return True
    same = index.unique and index.columns == key.columns
    return same and key.name is None and (index.name or "").startswith("sqlite_autoindex_")


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
                and not (other.columns == index.columns and other.unique == index.unique and j > position)
            ]
            cover = next((other for other in others if _covers(other, index)), None)
            if cover is None:
                continue
            same = cover.columns == index.columns
            relation = "duplicates" if same else "is a leading part of"
            yield (
                f"{index.label} on {table.key}({columns_text(index.columns)}) {relation} {cover.label}"
                f"{'' if same else ' (' + columns_text(cover.columns) + ')'}: drop it, it only slows down writes",
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


