"""The per-database YAML file format: every key, its type, and the hints for common mistakes.

Declarative on purpose: this module is the reference for what a file may say (the README's key
list follows it), and `yamlspec` turns each mistake into a message with file, line and key path.
"""

from __future__ import annotations

from ..catalog.model import TableKind
from .yamlspec import Boolean, Choice, Count, Integer, ListOf, MapOf, Obj, Size, Text, When

RULES = ("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION")
MIGRATION_TOOLS = (
    "alembic",
    "django",
    "flyway",
    "golang-migrate",
    "prisma",
    "rails",
    "dbmate",
    "goose",
    "liquibase",
)

_names = ListOf(Text())
_rule = Choice(*RULES, aliases={"null": "SET NULL", "noaction": "NO ACTION"})

COLUMN = Obj(
    {
        "type": Text(),
        "nullable": Boolean(),
        "default": Text(),
        "description": Text(),
        "primary_key": Boolean(),
        "unique": Boolean(),
        "references": Text(),
        "identity": Text(),
        "generated": Text(),
    },
    shorthand="description",
    what="column mapping",
    hints={"comment": "description", "null": "nullable", "pk": "primary_key", "fk": "references"},
)
INDEX = Obj(
    {
        "name": Text(),
        "columns": _names,
        "type": Text(),
        "unique": Boolean(),
        "where": Text(),
        "purpose": Text(),
    },
    what="index mapping",
    hints={"column": "columns", "method": "type", "description": "purpose", "predicate": "where"},
)
FOREIGN_KEY = Obj(
    {
        "name": Text(),
        "columns": _names,
        "references": Text(),
        "on_delete": _rule,
        "on_update": _rule,
        "description": Text(),
    },
    required=("columns", "references"),
    what="foreign key mapping",
    hints={"column": "columns", "target": "references", "ondelete": "on_delete"},
)
TABLE = Obj(
    {
        "kind": Choice(*(k.value for k in TableKind), aliases={"materialized": "materialized view"}),
        "purpose": Text(),
        "row_estimate": Count(),
        "size": Size(),
        "columns": MapOf(COLUMN),
        "primary_key": Obj({"name": Text(), "columns": _names}, shorthand="columns", what="primary key mapping"),
        "indexes": ListOf(INDEX, single=False),
        "foreign_keys": ListOf(FOREIGN_KEY, single=False),
        "unique": ListOf(Obj({"name": Text(), "columns": _names}, shorthand="columns"), single=False),
        "checks": ListOf(Obj({"name": Text(), "expression": Text()}, shorthand="expression"), single=False),
        "triggers": ListOf(
            Obj({"name": Text(), "timing": Text(), "events": _names, "definition": Text()}, required=("name",)),
            single=False,
        ),
        "definition": Text(),
        "partition_key": Text(),
        "partitions": ListOf(
            Obj({"name": Text(), "bound": Text(), "row_estimate": Count(), "size": Size()}, required=("name",)),
            single=False,
        ),
    },
    shorthand="purpose",
    what="table mapping",
    hints={
        "description": "purpose",
        "rows": "row_estimate",
        "row_count": "row_estimate",
        "fks": "foreign_keys",
        "foreignkeys": "foreign_keys",
        "pk": "primary_key",
    },
)
REFERENCE = Obj(
    {"from": Text(), "to": Text(), "description": Text()},
    required=("from", "to"),
    what="reference mapping",
)
DATABASE_FILE = Obj(
    {
        "database": Text(),
        "service": Text(),
        "description": Text(),
        "engine": Text(),
        "version": Text(),
        "host": Text(),
        "port": Integer(1, 65535),
        "orm": Text(),
        "size": Size(),
        "connection": Obj(
            {
                "url": Text(),
                "introspect": Boolean(),
                "schemas": _names,
                "include": _names,
                "exclude": _names,
            },
            shorthand="url",
            what="connection mapping",
        ),
        "extensions": MapOf(Obj({"purpose": Text(), "version": Text(), "schema": Text()}, shorthand="purpose")),
        "tables": MapOf(TABLE),
        "enums": MapOf(ListOf(Text(), single=False)),
        "references": ListOf(REFERENCE, single=False),
        "migrations": Obj(
            {
                "tool": Choice(
                    *MIGRATION_TOOLS, aliases={"migrate": "golang-migrate", "golang migrate": "golang-migrate"}
                ),
                "path": Text(),
                "table": Text(),
                "commands": Obj({"run": Text(), "rollback": Text(), "status": Text()}),
                "history": ListOf(
                    Obj(
                        {
                            "version": Text(),
                            "name": Text(),
                            "date": When(),
                            "description": Text(),
                            "author": Text(),
                            "status": Choice("applied", "pending", "failed"),
                        },
                        required=("version",),
                    ),
                    single=False,
                ),
            },
            shorthand="path",
        ),
        "seed_data": Obj(
            {
                "location": Text(),
                "tables": ListOf(
                    Obj({"table": Text(), "purpose": Text(), "count": Count()}, required=("table",)),
                    single=False,
                ),
            }
        ),
        "backup": Obj(
            {
                "frequency": Text(),
                "type": Text(),
                "retention": Text(),
                "storage": Text(),
                "commands": Obj({"backup": Text(), "restore": Text()}),
            }
        ),
    },
    required=("database",),
    free_prefix="x-",
    what="database file",
    hints={"name": "database", "owner": "service", "db": "database", "seed": "seed_data", "seeds": "seed_data"},
)
