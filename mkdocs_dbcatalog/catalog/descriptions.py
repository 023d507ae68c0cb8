"""Inherited descriptions: a column with no words of its own shows those of the column it refers to.

`orders.customer_id` with a foreign key to `customers.id` says what `customers.id` says, marked
"from `customers.id`", so a key is described once, where it lives. Declared cross-service references
pass descriptions across databases the same way; opt-in, a column takes the description of a
column of the same name elsewhere in its database. Inherited text is kept apart from the column's
own (`Column.inherited`), so coverage can count it separately and nothing is written back as if
people had said it there.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Catalog, Column, Database

Key = tuple[str, str, str]
"""(database, table key, column)."""

_MAX_HOPS = 16


def with_inherited_descriptions(catalog: Catalog, *, same_name: bool = False) -> Catalog:
    """The catalog with `inherited`/`inherited_from` set on every column that has no text of its own."""
    own: dict[Key, str] = {}
    for database in catalog.databases:
        for table in database.tables:
            for column in table.columns:
                if column.text:
                    own[(database.name, table.key, column.name)] = column.text
    parents = _parents(catalog)

    def by_keys(key: Key) -> Key | None:
        """The first described column up the chain of keys, however long (cycles end it)."""
        seen = {key}
        current = parents.get(key)
        while current is not None and current not in seen and len(seen) < _MAX_HOPS:
            if current in own:
                return current
            seen.add(current)
            current = parents.get(current)
        return None

    origins = {key: found for key in parents if key not in own and (found := by_keys(key)) is not None}
    if same_name:
        homes = _homes(catalog, own, origins)
        for database in catalog.databases:
            for table in database.tables:
                for column in table.columns:
                    key = (database.name, table.key, column.name)
                    home = homes.get((database.name, column.name))
                    if key not in own and key not in origins and home is not None:
                        origins[key] = home

    databases = []
    for database in catalog.databases:
        tables = []
        for table in database.tables:
            columns, changed = [], False
            for column in table.columns:
                found = origins.get((database.name, table.key, column.name))
                if found is not None:
                    column = replace(column, inherited=own[found], inherited_from=_label(database, found))
                    changed = True
                columns.append(column)
            tables.append(replace(table, columns=tuple(columns)) if changed else table)
        databases.append(replace(database, tables=tuple(tables)))
    return replace(catalog, databases=tuple(databases))


def _parents(catalog: Catalog) -> dict[Key, Key]:
    """Each column's parent: the column its foreign key (or declared cross-service reference) targets."""
    parents: dict[Key, Key] = {}
    for database in catalog.databases:
        for table in database.tables:
            for fk in table.foreign_keys:
                for name, target in zip(fk.columns, fk.target_columns, strict=False):
                    parents.setdefault((database.name, table.key, name), (database.name, fk.target.key, target))
        for ref in database.references:
            target_db = catalog.find_database(ref.target_database)
            if ref.inferred or target_db is None:
                continue
            key = (database.name, ref.source.key, ref.source_column)
            parents.setdefault(key, (target_db.name, ref.target.key, ref.target_column))
    return parents


def _homes(catalog: Catalog, own: dict[Key, str], origins: dict[Key, Key]) -> dict[tuple[str, str], Key]:
    """Per database and column name, where a same-named column takes its words from: the column of
    that name that is its table's whole primary key, else one described by people, else one that
    inherits through its keys; the first table by name breaks a tie. The value is the described origin."""
    best: dict[tuple[str, str], tuple[tuple[bool, bool, str], Key]] = {}
    for database in catalog.databases:
        for table in database.tables:
            pk = table.primary_key.columns if table.primary_key else ()
            for column in table.columns:
                key = (database.name, table.key, column.name)
                origin = key if key in own else origins.get(key)
                if origin is None:
                    continue
                rank = (pk != (column.name,), key not in own, table.key)
                name = (database.name, column.name)
                if name not in best or rank < best[name][0]:
                    best[name] = (rank, origin)
    return {name: origin for name, (_, origin) in best.items()}


def _label(database: Database, found: Key) -> str:
    db, table, column = found
    return f"{table}.{column}" if db == database.name else f"{db}/{table}.{column}"


def shown(column: Column) -> str | None:
    """What a reader sees as the column's description: its own, else the inherited one."""
    return column.text or column.inherited


__all__ = ["shown", "with_inherited_descriptions"]
