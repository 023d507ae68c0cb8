"""SQLite: the `pragma_*()` table-valued functions joined to `sqlite_schema`, one query per kind.

A table-valued function is evaluated once per row of `sqlite_schema` and returns its rows in the
pragma's own order (columns by position, index columns by rank), so rows arrive grouped by table in
that order without an ORDER BY (sorting them cost a fifth of those queries); they are grouped by
table name here all the same.

SQLAlchemy's Inspector runs several PRAGMA statements per table on SQLite; joining
`pragma_table_xinfo`, `pragma_foreign_key_list` and `pragma_index_list`/`pragma_index_xinfo` to
`sqlite_schema` reads all tables at once. SQLite keeps no comments and no sizes per table; row
estimates come from `sqlite_stat1` when ANALYZE has been run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc

from ...catalog.model import CheckConstraint, Column, Database, ForeignKey, Index, PrimaryKey, TableKind, Trigger
from ...catalog.model import UniqueConstraint as Unique
from ...errors import DatabaseError
from . import sqlite_sql
from .common import Drafts, Scope

SERVER = """
SELECT sqlite_version() AS version,
       (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size()) AS size
"""
OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"
COLUMNS = """
SELECT m.name AS tbl, p.name, p.type, p."notnull" AS not_null, p.dflt_value AS default_, p.pk, p.hidden
FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' {skip}
"""
FOREIGN_KEYS = """
SELECT m.name AS tbl, f.id, f."table" AS target, f."from" AS col, f."to" AS target_col, f.on_update, f.on_delete
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' {skip}
ORDER BY m.name, f.id, f.seq
"""
INDEXES = """
SELECT m.name AS tbl, il.name, il."unique" AS is_unique, il.origin, il.partial, ii.cid, ii.name AS col,
       ii."desc" AS descending, ii.coll
FROM sqlite_schema m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ii
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND ii.key = 1 {skip}
"""
STAT1 = "SELECT tbl, stat FROM sqlite_stat1"

_GENERATION = {2: "virtual", 3: "stored"}
"""pragma_table_xinfo's `hidden`: 2 and 3 are generated columns."""

# Tables a virtual table keeps its data in (FTS3/4/5, R*Tree): internal, not part of the schema.
_SHADOW_SUFFIXES = (
    "_content",
    "_segments",
    "_segdir",
    "_docsize",
    "_stat",
    "_data",
    "_idx",
    "_config",
    "_node",
    "_rowid",
    "_parent",
)


def read(connection: sa.Connection, scope: Scope, where: str) -> Database:
    """The structure of the database file (schema `main`)."""
    unknown = [s for s in scope.schemas if s != "main"]
    if unknown:
        raise DatabaseError(
            f"schema {unknown[0]!r} does not exist", where=where, hint="a SQLite file has one schema: main"
        )
    server = connection.exec_driver_sql(SERVER).mappings().one()
    objects = connection.exec_driver_sql(OBJECTS).fetchall()
    drafts = Drafts("main")
    virtual = [o.name for o in objects if o.type == "table" and (o.sql or "").lstrip()[:14].upper() == "CREATE VIRTUAL"]
    shadows = {f"{v}{s}" for v in virtual for s in _SHADOW_SUFFIXES}
    sql_of: dict[str, str] = {}
    for obj in objects:
        if obj.type not in ("table", "view") or obj.name.startswith("sqlite_") or obj.name in shadows:
            continue
        if not scope.keeps(None, obj.name):
            continue
        kind = TableKind.VIEW if obj.type == "view" else TableKind.VIRTUAL if obj.name in virtual else TableKind.TABLE
        draft = drafts.add("main", obj.name, kind)
        sql_of[obj.name] = obj.sql or ""
        if kind is TableKind.VIEW:
            draft.definition = sqlite_sql.view_body(obj.sql or "")
        elif kind is TableKind.VIRTUAL:
            draft.definition = (obj.sql or "").strip() or None  # CREATE VIRTUAL TABLE ... USING fts5(...)
    index_sql = {o.name: o.sql for o in objects if o.type == "index" and o.sql}
    for obj in objects:
        owner = drafts.get("main", obj.tbl_name)
        if obj.type == "trigger" and owner is not None and obj.sql:
            timing, events = sqlite_sql.trigger_shape(obj.sql)
            owner.triggers.append(Trigger(obj.name, timing, events, obj.sql.strip()))
    # A virtual table whose module is not loaded here makes the pragmas fail; read around them.
    try:
        columns = connection.exec_driver_sql(COLUMNS.format(skip="")).fetchall()
        skip = ""
    except exc.OperationalError:
        skip = "AND m.sql NOT LIKE 'CREATE VIRTUAL%'"
        columns = connection.exec_driver_sql(COLUMNS.format(skip=skip)).fetchall()
    _columns(columns, drafts, sql_of)
    _foreign_keys(connection.exec_driver_sql(FOREIGN_KEYS.format(skip=skip)).fetchall(), drafts)
    _indexes(connection.exec_driver_sql(INDEXES.format(skip=skip)).fetchall(), drafts, index_sql)
    for name, sql in sql_of.items():
        table = drafts.get("main", name)
        if table is not None and table.kind is TableKind.TABLE and "CHECK" in sql.upper():
            table.check_constraints += [CheckConstraint(expr, check) for check, expr in sqlite_sql.checks(sql)]
    if any(o.name == "sqlite_stat1" for o in objects):
        _row_estimates(connection.exec_driver_sql(STAT1), drafts)
    return Database(
        name="",
        engine="sqlite",
        version=server["version"],
        schemas=("main",),
        size_bytes=server["size"],
        tables=drafts.tables(),
    )


def _columns(rows: Sequence[Any], drafts: Drafts, sql_of: dict[str, str]) -> None:
    # Rows come grouped by table, each table's in column position order (see the module's docstring).
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    for table, table_rows in grouped.items():
        draft = drafts.get("main", table)
        if draft is None:
            continue
        sql = sql_of.get(table, "")
        expressions: dict[str, str] | None = None  # read from the CREATE statement for generated columns only
        pk_rows = sorted([r for r in table_rows if r[5]], key=itemgetter(5))
        alias = None  # an INTEGER PRIMARY KEY is the rowid: SQLite assigns it, and it cannot be NULL
        if len(pk_rows) == 1 and (pk_rows[0][2] or "").upper() == "INTEGER":
            alias = pk_rows[0][1]
        columns = draft.columns
        for _, name, type_, not_null, default, _, hidden in table_rows:
            if hidden:
                if hidden == 1:
                    continue  # hidden columns of a virtual table
                generation = _GENERATION.get(hidden)
                if generation and expressions is None:
                    expressions = sqlite_sql.generated(sql)
                columns.append(
                    Column(
                        name,
                        type_ or None,
                        not not_null,
                        default,
                        generated=expressions.get(name) if generation and expressions else None,
                        generation=generation,
                    )
                )
            elif name == alias:  # the rowid is never NULL, whatever the pragma's notnull says
                identity = "autoincrement" if "AUTOINCREMENT" in sql.upper() else "rowid"
                columns.append(Column(name, type_ or None, False, default, identity=identity))
            else:
                columns.append(Column(name, type_ or None, not not_null, default))
        if pk_rows and draft.kind is TableKind.TABLE:
            draft.primary_key = PrimaryKey(tuple([r[1] for r in pk_rows]))


def _foreign_keys(rows: Any, drafts: Drafts) -> None:
    # Rows: tbl, id, target, col, target_col, on_update, on_delete.
    found: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for row in rows:
        found[(row[0], row[1])].append(row)
    lower = {key[1].lower(): key[1] for key in drafts.by_key}
    for (table, _), fk_rows in sorted(found.items(), key=itemgetter(0)):
        draft = drafts.get("main", table)
        if draft is None:
            continue
        first = fk_rows[0]
        # SQLite matches the target table case-insensitively; show the table's own spelling.
        target = lower.get(first[2].lower(), first[2])
        target_columns = tuple([r[4] for r in fk_rows])
        if None in target_columns:  # REFERENCES t: the target's primary key
            target_draft = drafts.get("main", target)
            pk = target_draft.primary_key if target_draft else None
            target_columns = pk.columns if pk else ()
        draft.foreign_keys.append(
            ForeignKey(
                tuple([r[3] for r in fk_rows]),
                drafts.ref("main", target),
                target_columns,
                on_delete=first[6],
                on_update=first[5],
            )
        )


def _indexes(rows: Any, drafts: Drafts, index_sql: dict[str, str]) -> None:
    # Rows: tbl, name, is_unique, origin, partial, cid, col, descending, coll.
    found: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in rows:
        found[(row[0], row[1])].append(row)
    for (table, name), index_rows in found.items():
        draft = drafts.get("main", table)
        first = index_rows[0]
        if draft is None or first[3] == "pk":
            continue
        predicate = None
        columns = tuple([r[6] for r in index_rows])
        sql = index_sql.get(name)
        if sql and (first[4] or None in columns):
            terms, predicate = sqlite_sql.index_parts(sql)
            if len(terms) == len(index_rows):
                columns = tuple(r[6] if r[6] is not None else term for r, term in zip(index_rows, terms, strict=True))
        options = tuple([_index_option(r[8], r[7]) for r in index_rows])
        shown = columns if all(columns) else tuple(c or "?" for c in columns)
        draft.indexes.append(
            Index(shown, name, bool(first[2]), "btree", predicate, options=options if any(options) else ())
        )
        if first[3] == "u":
            draft.unique_constraints.append(Unique(shown))


def _index_option(collation: str | None, descending: int) -> str:
    """What follows a column in CREATE INDEX: pragma_index_xinfo names the collation of every column,
    BINARY (SQLite's default) is left out."""
    collate = f"COLLATE {collation}" if collation and collation.upper() != "BINARY" else ""
    if descending:
        return f"{collate} DESC" if collate else "DESC"
    return collate


def _row_estimates(rows: Any, drafts: Drafts) -> None:
    for row in rows:
        draft = drafts.get("main", row.tbl)
        if draft is None or not row.stat:
            continue
        first = str(row.stat).split()[0]
        if first.isdigit():
            draft.row_estimate = max(draft.row_estimate or 0, int(first))
