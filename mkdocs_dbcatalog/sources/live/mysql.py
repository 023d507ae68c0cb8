"""MariaDB and MySQL: bulk `information_schema` queries, one per kind of object for all tables.

SQLAlchemy's Inspector runs `SHOW CREATE TABLE` per table on these engines; a handful of
information_schema queries filtered by schema read the same in a fraction of the time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from ...catalog.model import (
    CheckConstraint,
    Column,
    Database,
    ForeignKey,
    Index,
    Partition,
    PrimaryKey,
    TableKind,
    Trigger,
    UniqueConstraint,
)
from ...errors import DatabaseError
from .common import Draft, Drafts, Scope, text_or_none

SERVER = "SELECT VERSION() AS version, DATABASE() AS current_db"
SCHEMATA = "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME"

TABLES = """
SELECT t.TABLE_SCHEMA AS s, t.TABLE_NAME AS tbl, t.TABLE_TYPE AS kind, t.TABLE_ROWS AS rows_, t.DATA_LENGTH AS data,
       t.INDEX_LENGTH AS idx, t.TABLE_COMMENT AS comment, t.CREATE_OPTIONS AS options, t.ENGINE AS engine,
       t.ROW_FORMAT AS row_format, t.AUTO_INCREMENT AS auto_increment, t.TABLE_COLLATION AS collation,
       co.CHARACTER_SET_NAME AS charset
FROM information_schema.TABLES t
LEFT JOIN information_schema.COLLATIONS co ON co.COLLATION_NAME = t.TABLE_COLLATION
WHERE t.TABLE_SCHEMA IN :schemas
"""

VIEWS = (
    "SELECT TABLE_SCHEMA AS s, TABLE_NAME AS tbl, VIEW_DEFINITION AS definition FROM information_schema.VIEWS "
    "WHERE TABLE_SCHEMA IN :schemas"
)

COLUMNS = """
SELECT TABLE_SCHEMA AS s, TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
       COLUMN_DEFAULT AS default_, EXTRA AS extra, COLUMN_COMMENT AS comment, GENERATION_EXPRESSION AS generated,
       CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN :schemas
ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION
"""

STATISTICS = """
SELECT TABLE_SCHEMA AS s, TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS col,
       SUB_PART AS sub_part, INDEX_TYPE AS method, INDEX_COMMENT AS comment, COLLATION AS sort
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN :schemas
ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
"""

KEY_COLUMNS = """
SELECT TABLE_SCHEMA AS s, TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, COLUMN_NAME AS col,
       REFERENCED_TABLE_SCHEMA AS target_schema, REFERENCED_TABLE_NAME AS target, REFERENCED_COLUMN_NAME AS target_col
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA IN :schemas AND REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION
"""

RULES = """
SELECT CONSTRAINT_SCHEMA AS s, TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, UPDATE_RULE AS on_update,
       DELETE_RULE AS on_delete
FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN :schemas
"""

CHECKS_MARIADB = """
SELECT CONSTRAINT_SCHEMA AS s, TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause
FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN :schemas
"""

CHECKS_MYSQL = """
SELECT c.CONSTRAINT_SCHEMA AS s, t.TABLE_NAME AS tbl, c.CONSTRAINT_NAME AS name, c.CHECK_CLAUSE AS clause
FROM information_schema.CHECK_CONSTRAINTS c
JOIN information_schema.TABLE_CONSTRAINTS t
  ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'
WHERE c.CONSTRAINT_SCHEMA IN :schemas
"""

TRIGGERS = """
SELECT EVENT_OBJECT_SCHEMA AS s, EVENT_OBJECT_TABLE AS tbl, TRIGGER_NAME AS name, EVENT_MANIPULATION AS event,
       ACTION_TIMING AS timing, ACTION_STATEMENT AS statement
FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA IN :schemas
"""

PARTITIONS = """
SELECT TABLE_SCHEMA AS s, TABLE_NAME AS tbl, PARTITION_NAME AS name, PARTITION_METHOD AS method,
       PARTITION_EXPRESSION AS expression, PARTITION_DESCRIPTION AS description, TABLE_ROWS AS rows_,
       DATA_LENGTH AS data, INDEX_LENGTH AS idx
FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA IN :schemas AND PARTITION_NAME IS NOT NULL
ORDER BY TABLE_SCHEMA, TABLE_NAME, PARTITION_ORDINAL_POSITION
"""

# EXTRA: "on update current_timestamp()", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)", "VIRTUAL
# GENERATED", "STORED GENERATED", "INVISIBLE", "auto_increment", and combinations of these.
_ON_UPDATE = re.compile(r"\bon update (\S+)", re.IGNORECASE)

# MariaDB stores JSON as LONGTEXT with this CHECK, named after the column.
_JSON_CHECK = re.compile(r"json_valid\(`(?P<column>(?:[^`]|``)+)`\)", re.IGNORECASE)


def _query(text: str) -> sa.TextClause:
    return sa.text(text).bindparams(sa.bindparam("schemas", expanding=True))


def read(connection: sa.Connection, scope: Scope, where: str) -> Database:
    """The structure of the schemas (MySQL databases) in scope."""
    server = connection.execute(sa.text(SERVER)).mappings().one()
    existing = [row.name for row in connection.execute(sa.text(SCHEMATA))]
    default_schema = server["current_db"]
    schemas = scope.schemas or ((default_schema,) if default_schema else ())
    if not schemas:
        raise DatabaseError(
            "the URL names no database", where=where, hint="end the URL with /<database>, or set schemas"
        )
    missing = [s for s in schemas if s not in existing]
    if missing:
        raise DatabaseError(
            f"schema (database) {missing[0]!r} does not exist (or this user may not see it)",
            where=where,
            hint="databases this user can see: " + ", ".join(s for s in existing if s != "information_schema"),
        )
    is_mariadb = bool(getattr(connection.dialect, "is_mariadb", False))
    params = {"schemas": list(schemas)}
    drafts = Drafts(default_schema)
    size = _tables(connection, params, scope, drafts)
    hidden = []
    for row in connection.execute(_query(VIEWS), params):
        draft = drafts.get(row.s, row.tbl)
        if draft is not None and row.definition:
            draft.definition = row.definition.strip()
        elif draft is not None:
            hidden.append(drafts.ref(row.s, row.tbl).key)
    _columns(connection, params, drafts, is_mariadb)
    _indexes(connection, params, drafts)
    _foreign_keys(connection, params, drafts)
    _checks(connection, params, drafts, is_mariadb, server["version"])
    _triggers(connection, params, drafts)
    if any(d.kind is TableKind.PARTITIONED for d in drafts.by_key.values()):
        _partitions(connection, params, drafts)
    return Database(
        name="",
        engine="mariadb" if is_mariadb else "mysql",
        version=server["version"].split("-")[0],
        schemas=tuple(schemas),
        size_bytes=size,
        tables=drafts.tables(),
        read_warnings=(_hidden_views(hidden, schemas, is_mariadb),) if hidden else (),
    )


def _hidden_views(views: list[str], schemas: Sequence[str], is_mariadb: bool) -> str:
    """A view's SQL is shown only to a user with SHOW VIEW *and* SELECT on the view: say which grant is missing."""
    shown = ", ".join(views[:5]) + (f" and {len(views) - 5} more" if len(views) > 5 else "")
    grants = " ".join(f"GRANT SELECT ON `{schema}`.* TO <user>;" for schema in schemas)
    return (
        f"the definition of {len(views)} view{'' if len(views) == 1 else 's'} ({shown}) is hidden from this user: "
        f"{'MariaDB' if is_mariadb else 'MySQL'} shows a view's SQL only with SHOW VIEW and SELECT on the view, "
        f"so view pages have no Definition; grant SELECT on the views (or {grants.rstrip(';')}; the catalog "
        "reads no rows)"
    )


def _tables(connection: sa.Connection, params: dict[str, Any], scope: Scope, drafts: Drafts) -> int | None:
    total = None
    for row in connection.execute(_query(TABLES), params):
        kind = {"VIEW": TableKind.VIEW, "SYSTEM VIEW": TableKind.VIEW}.get(row.kind, TableKind.TABLE)
        if row.kind == "SEQUENCE" or not scope.keeps(drafts.shown_schema(row.s), row.tbl):
            continue
        if "partitioned" in (row.options or ""):
            kind = TableKind.PARTITIONED
        draft = drafts.add(row.s, row.tbl, kind)
        if kind is not TableKind.VIEW:
            draft.comment = text_or_none(row.comment)
            draft.row_estimate = int(row.rows_) if row.rows_ is not None else None
            draft.engine, draft.row_format = row.engine or None, row.row_format or None
            draft.charset, draft.collation = row.charset or None, row.collation or None
            draft.auto_increment = int(row.auto_increment) if row.auto_increment is not None else None
            if row.data is not None:
                draft.size_bytes = int(row.data) + int(row.idx or 0)
                total = (total or 0) + draft.size_bytes
    return total


def _columns(connection: sa.Connection, params: dict[str, Any], drafts: Drafts, is_mariadb: bool) -> None:
    for row in connection.execute(_query(COLUMNS), params):
        draft = drafts.get(row.s, row.tbl)
        if draft is None:
            continue
        default = row.default_
        if is_mariadb and default == "NULL":
            default = None  # MariaDB spells "no default" as NULL; a string 'NULL' would be quoted.
        extra = (row.extra or "").lower()
        on_update = _ON_UPDATE.search(row.extra or "")
        generated = bool(re.search(r"\b(virtual|stored|persistent) generated\b", extra))
        charset = row.charset if row.charset and row.charset != draft.charset else None
        draft.columns.append(
            Column(
                name=row.name,
                type=row.type,
                nullable=row.nullable == "YES",
                default=default,
                comment=text_or_none(row.comment),
                identity="auto_increment" if "auto_increment" in extra else None,
                generated=text_or_none(row.generated) if generated else None,
                generation=("virtual" if "virtual generated" in extra else "stored") if generated else None,
                on_update=on_update.group(1) if on_update else None,
                charset=charset,
                collation=row.collation if row.collation and (charset or row.collation != draft.collation) else None,
                invisible="invisible" in extra,
            )
        )


def _indexes(connection: sa.Connection, params: dict[str, Any], drafts: Drafts) -> None:
    found: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for row in connection.execute(_query(STATISTICS), params):
        found[(row.s, row.tbl, row.name)].append(row)
    for (schema, table, name), rows in found.items():
        draft = drafts.get(schema, table)
        if draft is None:
            continue
        method = (rows[0].method or "").lower() or None
        # MariaDB reports a SUB_PART for every SPATIAL key: not a prefix anyone declared.
        prefixed = method != "spatial"
        columns = tuple(f"{r.col}({r.sub_part})" if r.sub_part and prefixed else r.col for r in rows)
        unique = not int(rows[0].non_unique)
        if name == "PRIMARY":
            shown = None if method == "btree" else method
            draft.primary_key = PrimaryKey(tuple(r.col for r in rows), "PRIMARY", shown)
            continue
        options = tuple("DESC" if r.sort == "D" else "" for r in rows)
        draft.indexes.append(
            Index(
                columns,
                name,
                unique,
                method,
                comment=text_or_none(rows[0].comment),
                options=options if any(options) else (),
            )
        )
        if unique:
            draft.unique_constraints.append(UniqueConstraint(columns, name))


def _foreign_keys(connection: sa.Connection, params: dict[str, Any], drafts: Drafts) -> None:
    rules = {(r.s, r.tbl, r.name): r for r in connection.execute(_query(RULES), params)}
    found: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for row in connection.execute(_query(KEY_COLUMNS), params):
        found[(row.s, row.tbl, row.name)].append(row)
    for (schema, table, name), rows in found.items():
        draft = drafts.get(schema, table)
        if draft is None:
            continue
        rule = rules.get((schema, table, name))
        draft.foreign_keys.append(
            ForeignKey(
                columns=tuple(r.col for r in rows),
                target=drafts.ref(rows[0].target_schema, rows[0].target),
                target_columns=tuple(r.target_col for r in rows),
                name=name,
                on_delete=rule.on_delete if rule else None,
                on_update=rule.on_update if rule else None,
            )
        )


def _checks(connection: sa.Connection, params: dict[str, Any], drafts: Drafts, is_mariadb: bool, version: str) -> None:
    if is_mariadb:
        query = CHECKS_MARIADB
    elif _version_tuple(version) >= (8, 0, 16):
        query = CHECKS_MYSQL
    else:
        return  # MySQL before 8.0.16 parses CHECK and ignores it
    for row in connection.execute(_query(query), params):
        draft = drafts.get(row.s, row.tbl)
        if draft is None:
            continue
        json = _JSON_CHECK.fullmatch(row.clause.strip())
        if is_mariadb and json and json.group("column").replace("``", "`") == row.name:
            # The JSON type in disguise: show the column as JSON, not the check MariaDB added for it.
            for i, column in enumerate(draft.columns):
                if column.name == row.name and (column.type or "").lower() == "longtext":
                    draft.columns[i] = replace(column, type="json")
                    break
            else:
                draft.check_constraints.append(CheckConstraint(row.clause, row.name))
            continue
        draft.check_constraints.append(CheckConstraint(row.clause, row.name))


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version.split("-")[0])[:3])


def _triggers(connection: sa.Connection, params: dict[str, Any], drafts: Drafts) -> None:
    for row in connection.execute(_query(TRIGGERS), params):
        draft = drafts.get(row.s, row.tbl)
        if draft is not None:
            draft.triggers.append(Trigger(row.name, row.timing, (row.event,), row.statement))


def _partitions(connection: sa.Connection, params: dict[str, Any], drafts: Drafts) -> None:
    for row in connection.execute(_query(PARTITIONS), params):
        draft: Draft | None = drafts.get(row.s, row.tbl)
        if draft is None:
            continue
        method = (row.method or "").upper()
        draft.partition_key = f"{method} ({row.expression})" if row.expression else method or None
        bound = None
        if row.description is not None:
            bound = (
                f"VALUES LESS THAN ({row.description})"
                if method.startswith("RANGE")
                else f"VALUES IN ({row.description})"
            )
        size = int(row.data) + int(row.idx or 0) if row.data is not None else None
        draft.partitions.append(Partition(row.name, bound, int(row.rows_) if row.rows_ is not None else None, size))
