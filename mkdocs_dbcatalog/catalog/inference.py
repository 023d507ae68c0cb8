"""Cross-service references guessed from naming, for teams that have not declared theirs yet.

A column `<singular>_id` (or `<Singular>Id`) with no foreign key, in a database that has no table of
that name, is a candidate reference to another database's table of that name whose primary key is a
single `id` column. Candidates are marked `inferred` and shown apart from declared references.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Catalog, CrossReference, Database, Table

_ID_SUFFIX = re.compile(r"^(?P<stem>.+?)(?:_id|Id|ID)$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def normalize(name: str) -> str:
    """`BillingAccount`, `billing_account`, `billing-account` → `billing_account`."""
    return re.sub(r"[^a-z0-9]+", "_", _CAMEL.sub("_", name).lower()).strip("_")


def singular(word: str) -> str:
    """English singular of a table name, enough for the names tables usually have."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes", "uses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stem(column: str) -> str | None:
    """The entity a column names by ID: `user_id` → `user`, `BillingAccountId` → `billing_account`."""
    match = _ID_SUFFIX.match(column)
    if not match or match.group("stem").endswith("_"):
        return None
    return normalize(match.group("stem")) or None


def _entity(table: Table) -> str:
    return singular(normalize(table.name))


def _id_key(table: Table) -> str | None:
    if table.kind.is_view or not table.primary_key or len(table.primary_key.columns) != 1:
        return None
    column = table.primary_key.columns[0]
    return column if column.lower() == "id" else None


def inferred_references(catalog: Catalog) -> dict[str, list[CrossReference]]:
    """Candidate references per source database name, sorted; declared ones are never repeated."""
    targets: dict[str, list[tuple[Database, Table, str]]] = {}
    for database in catalog.databases:
        for table in database.tables:
            key = _id_key(table)
            if key:
                targets.setdefault(_entity(table), []).append((database, table, key))
    found: dict[str, list[CrossReference]] = {}
    for database in catalog.databases:
        local = {_entity(t) for t in database.tables}
        declared = {(r.source, r.source_column) for r in database.references}
        for table in database.tables:
            if table.kind.is_view:
                continue
            keyed = {name for fk in table.foreign_keys for name in fk.columns}
            primary = table.primary_key.columns if table.primary_key else ()
            for column in table.columns:
                entity = stem(column.name)
                if (
                    entity is None
                    or entity in local
                    or column.name in keyed
                    or primary == (column.name,)
                    or (table.ref, column.name) in declared
                ):
                    continue
                for target_db, target, key in targets.get(singular(entity), []):
                    if target_db.name == database.name:
                        continue
                    found.setdefault(database.name, []).append(
                        CrossReference(
                            source=table.ref,
                            source_column=column.name,
                            target_database=target_db.name,
                            target=target.ref,
                            target_column=key,
                            inferred=True,
                        )
                    )
    for refs in found.values():
        refs.sort(key=lambda r: (r.source.key, r.source_column, r.target_database, r.target.key))
    return found


def with_inferred_references(catalog: Catalog) -> Catalog:
    """The catalog with each database's inferred candidates appended to its references."""
    found = inferred_references(catalog)
    if not found:
        return catalog
    return Catalog(
        tuple(
            replace(d, references=d.references + tuple(found.get(d.name, ()))) if d.name in found else d
            for d in catalog.databases
        )
    )
