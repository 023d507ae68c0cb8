"""Ground truth for the models readers: the catalog read from the models against the live read of the
database the application's own tooling made (migrations, `migrate`, `create_all`).

Compared, per table: the columns (name, type, nullability), the primary key (columns and name), the
foreign keys (name, columns, target, target columns, ON DELETE, ON UPDATE) and the indexes (name,
columns, unique). Types are compared as `merge.canonical_type` spells them, the comparison drift
uses: `varchar(40)` and `character varying(40)` alike, MySQL integer display widths aside. What
a model cannot know, and is therefore left out:

- the migration tool's own bookkeeping table (`_prisma_migrations`, `django_migrations`...);
- column order: a column a later migration adds is last in the database, wherever the model has it;
- a view's column types and nullability, which the engine derives from its query;
- a relationship the models declare and the database does not enforce (no constraint).
"""

from __future__ import annotations

from typing import Any

from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.merge import canonical_type
from mkdocs_dbcatalog.sources.models.base import BOOKKEEPING

Shape = dict[str, dict[str, Any]]


def shape(database: Database, *, defaults: bool = False) -> Shape:
    out: Shape = {}
    for table in database.tables:
        if table.name in BOOKKEEPING:
            continue
        view = table.kind.is_view
        columns = sorted(
            (c.name,) if view else (c.name, canonical_type(c.type or ""), c.nullable) for c in table.columns
        )
        out[table.key] = {
            "kind": table.kind.value,
            "columns": columns,
            "primary_key": (table.primary_key.columns, table.primary_key.name) if table.primary_key else None,
            "foreign_keys": sorted(
                (fk.name, fk.columns, fk.target.key, fk.target_columns, fk.on_delete, fk.on_update)
                for fk in table.foreign_keys
                if fk.enforced
            ),
            "indexes": sorted((i.name, i.columns, i.unique) for i in table.indexes),
        }
        if defaults:
            out[table.key]["defaults"] = sorted((c.name, (c.default or "").lower() or None) for c in table.columns)
    return out


def differences(live: Database, models: Database, *, defaults: bool = False) -> list[str]:
    read, declared = shape(live, defaults=defaults), shape(models, defaults=defaults)
    found = []
    if sorted(read) != sorted(declared):
        only_live, only_models = sorted(set(read) - set(declared)), sorted(set(declared) - set(read))
        found.append(f"tables: live only {only_live}, models only {only_models}")
    for key in sorted(set(read) & set(declared)):
        for aspect, value in read[key].items():
            if value != declared[key][aspect]:
                found.append(f"{key} {aspect}: live {value} != models {declared[key][aspect]}")
    return found
