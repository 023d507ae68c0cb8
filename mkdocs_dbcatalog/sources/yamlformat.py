"""The per-database YAML file format: every key, its type, and the hints for common mistakes.

Declarative on purpose: this module is the reference for what a file may say (the README's key
list follows it), and `yamlspec` turns each mistake into a message with file, line and key path.
"""

from __future__ import annotations

from ..catalog.model import TableKind
from .ddl.dialects import NAMES as DDL_DIALECTS
from .yamlspec import Boolean, Choice, Count, Integer, ListOf, MapOf, Obj, Reusable, Shaped, Size, Text, When

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

DEFERRABLE = ("DEFERRABLE INITIALLY DEFERRED", "DEFERRABLE INITIALLY IMMEDIATE")

_names = ListOf(Text())
_check = Obj({"name": Text(), "expression": Text(), "description": Text()}, shorthand="expression")
_rule = Choice(*RULES, aliases={"null": "SET NULL", "noaction": "NO ACTION"})
_tags = ListOf(Text())
"""Classification tags (`pii`, `pii:email`, `gdpr`): one word, or a list."""
_owner = Obj({"team": Text(), "contact": Text()}, required=("team",), shorthand="team", what="owner mapping")
_docs = MapOf(Text())
"""Reusable descriptions by name, referenced as `description: {doc: name}` from any file of the catalog."""

COLUMN = Obj(
    {
        "type": Text(),
        "nullable": Boolean(),
        "default": Text(),
        "description": Reusable(),
        "primary_key": Boolean(),
        "unique": Boolean(),
        "references": Text(),
        "identity": Text(),
        "generated": Text(),
        "generation": Choice("stored", "virtual", aliases={"persistent": "stored"}),
        "on_update": Text(),
        "charset": Text(),
        "collation": Text(),
        "invisible": Boolean(),
        "tags": _tags,
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
        "options": MapOf(Text()),
        "include": _names,
        "purpose": Reusable(),
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
        "match": Choice("FULL", "PARTIAL", "SIMPLE"),
        "deferrable": Choice(*DEFERRABLE, aliases={"deferred": DEFERRABLE[0], "immediate": DEFERRABLE[1]}),
        "on_delete_columns": _names,
        "description": Reusable(),
    },
    required=("columns", "references"),
    what="foreign key mapping",
    hints={"column": "columns", "target": "references", "ondelete": "on_delete"},
)
TABLE = Obj(
    {
        "kind": Choice(*(k.value for k in TableKind), aliases={"materialized": "materialized view"}),
        "purpose": Reusable(),
        "row_estimate": Count(),
        "size": Size(),
        "columns": MapOf(COLUMN),
        "primary_key": Obj(
            {"name": Text(), "columns": _names, "type": Text(), "description": Text()},
            shorthand="columns",
            what="primary key mapping",
        ),
        "indexes": ListOf(INDEX, single=False),
        "foreign_keys": ListOf(FOREIGN_KEY, single=False),
        "unique": ListOf(
            Obj({"name": Text(), "columns": _names, "description": Text()}, shorthand="columns"), single=False
        ),
        "checks": ListOf(_check, single=False),
        "exclusions": ListOf(
            Obj({"name": Text(), "definition": Text(), "description": Text()}, shorthand="definition"), single=False
        ),
        "triggers": ListOf(
            Obj(
                {"name": Text(), "timing": Text(), "events": _names, "definition": Text(), "description": Text()},
                required=("name",),
            ),
            single=False,
        ),
        "definition": Text(),
        "partition_key": Text(),
        "partitions": ListOf(
            Obj(
                {
                    "name": Text(),
                    "bound": Text(),
                    "row_estimate": Count(),
                    "size": Size(),
                    "indexes": ListOf(INDEX, single=False),
                },
                required=("name",),
            ),
            single=False,
        ),
        "engine": Text(),
        "charset": Text(),
        "collation": Text(),
        "row_format": Text(),
        "auto_increment": Count(),
        "persistence": Choice("unlogged", "temporary"),
        "row_security": Choice("enabled", "forced", "disabled"),
        "policies": ListOf(
            Obj(
                {
                    "name": Text(),
                    "command": Choice("ALL", "SELECT", "INSERT", "UPDATE", "DELETE"),
                    "permissive": Boolean(),
                    "roles": _names,
                    "using": Text(),
                    "check": Text(),
                },
                required=("name",),
                what="policy mapping",
            ),
            single=False,
        ),
        "tags": _tags,
        "owner": _owner,
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
MODELS = Obj(
    {
        "prisma": Text(),
        "rails": Text(),
        "django": Obj(
            {"settings": Text(), "apps": ListOf(Text()), "database": Text()},
            required=("settings",),
            shorthand="settings",
            what="django models mapping",
        ),
        "sqlalchemy": Text(),
        "path": ListOf(Text()),
    },
    what="models mapping",
    hints={"schema": "prisma", "schema_rb": "rails", "sys_path": "path", "pythonpath": "path"},
)
"""`models:` the application's own models: a schema.prisma or db/schema.rb file, or the Django settings
(with the app labels and DATABASES alias) or SQLAlchemy declarative base (`module:attribute`) imported
with the `path` folders first on sys.path."""
REFERENCE_FROM = Shaped(r"^[\s\S]+\.[^.]+$")
"""`table.column` (`billing.invoices.user_id`): a column after the last dot, a table before it."""
REFERENCE_TO = Shaped(r"^[^/]+/[\s\S]+\.[^.]+$")
"""`database-or-service/table.column`."""
REFERENCE = Obj(
    {"from": REFERENCE_FROM, "to": REFERENCE_TO, "description": Reusable()},
    required=("from", "to"),
    what="reference mapping",
)
RELATION_FROM = Shaped(r"^[^()]+\([^()]*[^()\s,][^()]*\)\s*$|^[^()]*\.[^()]*$")
"""A relation's source names its columns: `orders.user_id`, or `orders(a, b)` with at least one."""
RELATION = Obj(
    {"from": RELATION_FROM, "to": Text(), "description": Text()},
    required=("from", "to"),
    what="relation mapping",
    hints={"source": "from", "target": "to", "references": "to"},
)
VIEWPOINT = Obj(
    {
        "name": Text(),
        "description": Text(),
        "tables": _names,
        "distance": Integer(0, 5),
        "groups": ListOf(Obj({"name": Text(), "tables": _names}, required=("name", "tables")), single=False),
    },
    required=("name", "tables"),
    what="viewpoint mapping",
    hints={"purpose": "description", "table": "tables", "depth": "distance", "boxes": "groups"},
)
DATABASE_FILE = Obj(
    {
        "database": Text(),
        "service": Text(),
        "description": Reusable(),
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
                "ddl": Text(),
                "dialect": Choice(
                    *DDL_DIALECTS,
                    aliases={"postgresql": "postgres", "mariadb": "mysql", "mssql": "tsql", "sql server": "tsql"},
                ),
            },
            shorthand="url",
            what="connection mapping",
            hints={"file": "ddl", "sql": "ddl", "structure": "ddl", "schema_file": "ddl"},
        ),
        "extensions": MapOf(Obj({"purpose": Text(), "version": Text(), "schema": Text()}, shorthand="purpose")),
        "tables": MapOf(TABLE),
        "enums": MapOf(ListOf(Text(), single=False)),
        "domains": MapOf(
            Obj(
                {
                    "type": Text(),
                    "nullable": Boolean(),
                    "default": Text(),
                    "checks": ListOf(_check, single=False),
                    "description": Text(),
                },
                required=("type",),
                shorthand="type",
                what="domain mapping",
            )
        ),
        "models": MODELS,
        "references": ListOf(REFERENCE, single=False),
        "relations": ListOf(RELATION, single=False),
        "infer_relations": Boolean(),
        "viewpoints": ListOf(VIEWPOINT, single=False),
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
        "tags": _tags,
        "owner": _owner,
        "docs": _docs,
    },
    required=("database",),
    free_prefix="x-",
    what="database file",
    hints={"name": "database", "db": "database", "seed": "seed_data", "seeds": "seed_data", "labels": "tags"},
)
DOCS_FILE = Obj({"docs": _docs}, required=("docs",), free_prefix="x-", what="docs file")
"""A file of the catalog that holds only reusable descriptions: no `database:` key, a `docs:` mapping."""
