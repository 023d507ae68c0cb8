"""The catalog as one plain document: what the JSON export holds, described by its published schema.

Hand-designed and versioned rather than the model's own fields (`catalog/codec.py`), so scripts that
read exports keep working while the model grows: a field is added here, and to the schema beside it,
on purpose. Nothing in it depends on when it was made, so the same catalog gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from ..catalog.model import Catalog, Column, Database, ForeignKey, Index, Owner, Table

FORMAT = "mkdocs-dbcatalog-export"
VERSION = 1


def catalog_document(catalog: Catalog, databases: list[Database], schema_url: str | None = None) -> dict[str, Any]:
    """The export of `databases` (of `catalog`, which cross-service references are resolved in)."""
    document: dict[str, Any] = {"$schema": schema_url} if schema_url else {}
    document.update(format=FORMAT, version=VERSION, databases=[database_document(catalog, d) for d in databases])
    return document


def _owner(owner: Owner | None) -> dict[str, Any] | None:
    return {"team": owner.team, "contact": owner.contact} if owner else None


def database_document(catalog: Catalog, database: Database) -> dict[str, Any]:
    return {
        "name": database.name,
        "service": database.service,
        "description": database.text,
        "engine": database.engine,
        "version": database.version,
        "host": database.host,
        "port": database.port,
        "url": database.url,
        "owner": _owner(database.owner),
        "tags": list(database.tags),
        "size_bytes": database.size_bytes,
        "extensions": [{"name": e.name, "version": e.version, "purpose": e.purpose} for e in database.extensions],
        "enums": [{"name": e.name, "schema": e.schema, "values": list(e.values)} for e in database.enums],
        "tables": [table_document(database, t) for t in database.tables],
        "references": [
            {
                "from": {"table": r.source.key, "column": r.source_column},
                "to": {
                    "database": (found.name if (found := catalog.find_database(r.target_database)) else None),
                    "as_written": r.target_database,
                    "table": r.target.key,
                    "column": r.target_column,
                },
                "description": r.description,
                "inferred": r.inferred,
            }
            for r in database.references
        ],
    }


def table_document(database: Database, table: Table) -> dict[str, Any]:
    pk = table.primary_key.columns if table.primary_key else ()
    owner = database.owner_of(table)
    return {
        "name": table.name,
        "schema": table.schema,
        "key": table.key,
        "kind": table.kind.value,
        "description": table.text,
        "comment": table.comment,
        "owner": _owner(owner),
        "owner_from_database": owner is not None and table.owner is None,
        "tags": list(table.tags),
        "row_estimate": table.row_estimate,
        "size_bytes": table.size_bytes,
        "primary_key": list(pk) or None,
        "columns": [column_document(c, c.name in pk) for c in table.columns],
        "indexes": [index_document(i) for i in table.indexes],
        "foreign_keys": [foreign_key_document(fk) for fk in table.foreign_keys],
        "unique_constraints": [{"name": u.name, "columns": list(u.columns)} for u in table.unique_constraints],
        "check_constraints": [{"name": c.name, "expression": c.expression} for c in table.check_constraints],
        "triggers": [
            {"name": t.name, "timing": t.timing, "events": list(t.events), "definition": t.definition}
            for t in table.triggers
        ],
        "definition": table.definition,
    }


def column_document(column: Column, primary_key: bool) -> dict[str, Any]:
    return {
        "name": column.name,
        "type": column.type,
        "nullable": column.nullable,
        "default": column.default,
        "primary_key": primary_key,
        "description": column.text,
        "comment": column.comment,
        "inherited": {"description": column.inherited, "from": column.inherited_from} if column.inherited else None,
        "tags": list(column.tags),
        "identity": column.identity,
        "generated": column.generated,
    }


def index_document(index: Index) -> dict[str, Any]:
    return {
        "name": index.name,
        "columns": list(index.column_texts()),
        "unique": index.unique,
        "method": index.method,
        "predicate": index.predicate,
        "description": index.text,
    }


def foreign_key_document(fk: ForeignKey) -> dict[str, Any]:
    return {
        "name": fk.name,
        "columns": list(fk.columns),
        "references": {"table": fk.target.key, "columns": list(fk.target_columns)},
        "on_delete": fk.on_delete,
        "on_update": fk.on_update,
        "enforced": fk.enforced,
        "description": fk.description or fk.comment,
    }


__all__ = ["FORMAT", "VERSION", "catalog_document", "database_document"]
