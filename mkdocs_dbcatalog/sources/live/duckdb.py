"""DuckDB: a database file read through DuckDB's own catalog functions, opened read-only.

One query per kind of object (`duckdb_tables()`, `duckdb_views()`, `duckdb_columns()`,
`duckdb_constraints()`, `duckdb_indexes()`, `duckdb_types()`), whatever the number of tables.
SQLAlchemy's DuckDB dialect (duckdb-engine) is not used: it reflects through PostgreSQL's
`pg_catalog` queries, which DuckDB only partly emulates (foreign keys and, with SQLAlchemy 2.1,
columns fail), and it never lists indexes.

DuckDB has no statement timeout of its own: a timer interrupts the connection when a query runs
past `statement_timeout`. The file is opened with `read_only=True`, so DuckDB itself refuses any
write, and another process may hold the file open for reading at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlglot
from sqlglot import exp
from sqlglot.tokenizer_core import TokenType

from ...catalog.model import (
    AppliedState,
    CheckConstraint,
    Column,
    Database,
    EnumType,
    ForeignKey,
    Index,
    PrimaryKey,
    TableKind,
    UniqueConstraint,
)
from ...errors import DatabaseError
from ..migrations import TOOLS, Bookkeeping
from ..migrations.bookkeeping import read_from
from .common import Drafts, Scope, text_or_none, view_query
from .session import Limits, Target

if TYPE_CHECKING:
    import duckdb

_HERE = "database_name = current_database()"

SERVER = f"""
SELECT version() AS version, current_schema() AS default_schema,
       (SELECT block_size * total_blocks FROM pragma_database_size() WHERE {_HERE}) AS size,
       (SELECT list(schema_name ORDER BY schema_name) FROM duckdb_schemas()
        WHERE {_HERE} AND (NOT internal OR schema_name = 'main')) AS schemas
"""

RELATIONS = f"""
SELECT schema_name, table_name AS name, 'table' AS kind, comment, estimated_size, NULL AS sql
FROM duckdb_tables() WHERE {_HERE} AND NOT internal AND NOT temporary AND list_contains($schemas, schema_name)
UNION ALL
SELECT schema_name, view_name, 'view', comment, NULL, sql
FROM duckdb_views() WHERE {_HERE} AND NOT internal AND NOT temporary AND list_contains($schemas, schema_name)
"""

COLUMNS = f"""
SELECT schema_name, table_name, column_name, data_type, is_nullable, column_default, comment,
       is_generated, generation_expression
FROM duckdb_columns() WHERE {_HERE} AND NOT internal AND list_contains($schemas, schema_name)
ORDER BY schema_name, table_name, column_index
"""

# NOT NULL constraints are the columns' nullability, already read with them.
CONSTRAINTS = f"""
SELECT schema_name, table_name, constraint_type, constraint_name, constraint_column_names AS columns,
       expression, referenced_table, referenced_column_names AS referenced_columns
FROM duckdb_constraints()
WHERE {_HERE} AND constraint_type <> 'NOT NULL' AND list_contains($schemas, schema_name)
ORDER BY schema_name, table_name, constraint_index
"""

# Only indexes made with CREATE INDEX: the ones behind primary and unique keys are not listed.
INDEXES = f"""
SELECT schema_name, table_name, index_name, is_unique, comment, sql
FROM duckdb_indexes() WHERE {_HERE} AND list_contains($schemas, schema_name)
"""

ENUMS = f"""
SELECT schema_name, type_name, labels
FROM duckdb_types()
WHERE {_HERE} AND logical_type = 'ENUM' AND NOT internal AND list_contains($schemas, schema_name)
ORDER BY schema_name, type_name
"""

QUERIES = 6
"""Statements per read: SERVER, RELATIONS, COLUMNS, CONSTRAINTS, INDEXES and enum types."""


def open_file(target: Target) -> Path:
    """The database file a `duckdb:///path` URL names, resolved against the site's folder."""
    name = target.url.database
    if not name or name == ":memory:" or name.startswith(("md:", "motherduck:")):
        raise target.fail(
            "a live DuckDB database must be a file",
            hint="write duckdb:///relative/path.duckdb (relative to mkdocs.yml) or duckdb:////absolute/path.duckdb",
        )
    path = Path(name)
    if not path.is_absolute() and target.base is not None:
        path = target.base / path
    if not path.is_file():
        raise target.fail(f"the file {path.as_posix()} does not exist", hint="check the path in the URL")
    return path


@contextmanager
def read_only(target: Target) -> Iterator[duckdb.DuckDBPyConnection]:
    """The file opened read-only, with access to other files and the network switched off; queries
    go through `run`, which enforces the statement timeout."""
    path = open_file(target)
    try:
        import duckdb
    except ImportError:
        raise target.fail(
            "the duckdb package is not installed", hint="pip install 'mkdocs-dbcatalog[duckdb]'"
        ) from None
    try:
        connection = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as problem:
        text = " ".join(str(problem).split())
        hint = "check that it is a DuckDB file written by this DuckDB version or an older one"
        if "lock" in text.lower() or "different configuration" in text.lower():
            hint = "another process has the file open for writing: read a copy, or read it when the writer is done"
        raise target.fail(f"cannot open the file: {text}", hint=hint) from None
    try:
        yield connection
    finally:
        connection.close()


def run(connection: duckdb.DuckDBPyConnection, limits: Limits, sql: str, params: dict[str, Any]) -> list[Any]:
    """One catalog query, interrupted when it runs longer than `statement_timeout`."""
    timer = threading.Timer(limits.statement_timeout, connection.interrupt)
    timer.start()
    try:
        cursor = connection.execute(sql, params or None)
        return cursor.fetchall()
    finally:
        timer.cancel()


def read(connection: duckdb.DuckDBPyConnection, scope: Scope, where: str, limits: Limits) -> Database:
    """The structure of the schemas in scope (default: `main`)."""
    version, default_schema, size, existing = run(connection, limits, SERVER, {})[0]
    existing = list(existing or [])
    schemas = list(scope.schemas or (default_schema or "main",))
    missing = [s for s in schemas if s not in existing]
    if missing:
        raise DatabaseError(
            f"schema {missing[0]!r} does not exist", where=where, hint="schemas in this file: " + ", ".join(existing)
        )
    params = {"schemas": schemas}
    drafts = Drafts(default_schema)
    for schema, name, kind, comment, estimate, sql in run(connection, limits, RELATIONS, params):
        if not scope.keeps(drafts.shown_schema(schema), name):
            continue
        added = drafts.add(schema, name, TableKind.VIEW if kind == "view" else TableKind.TABLE)
        added.comment = text_or_none(comment)
        added.row_estimate = int(estimate) if estimate is not None else None
        added.definition = view_query(sql) if sql else None
    for schema, table, name, type_, nullable, default, comment, generated, expression in run(
        connection, limits, COLUMNS, params
    ):
        draft = drafts.get(schema, table)
        if draft is None:
            continue
        draft.columns.append(
            Column(
                name=name,
                type=type_,
                nullable=bool(nullable),
                default=None if generated else default,
                comment=text_or_none(comment),
                identity="sequence" if default and str(default).startswith("nextval(") else None,
                generated=expression if generated else None,
                generation="virtual" if generated else None,
            )
        )
    _constraints(run(connection, limits, CONSTRAINTS, params), drafts)
    _indexes(run(connection, limits, INDEXES, params), drafts)
    enums = tuple(
        EnumType(name, tuple(labels or ()), drafts.shown_schema(schema))
        for schema, name, labels in run(connection, limits, ENUMS, params)
    )
    return Database(
        name="",
        engine="duckdb",
        version=str(version).lstrip("v"),
        schemas=tuple(schemas),
        size_bytes=int(size) if size is not None else None,
        tables=drafts.tables(),
        enums=enums,
    )


def _constraints(rows: Sequence[Any], drafts: Drafts) -> None:
    for schema, table, kind, name, columns, expression, referenced, referenced_columns in rows:
        draft = drafts.get(schema, table)
        if draft is None:
            continue
        columns = tuple(columns or ())
        if kind == "PRIMARY KEY":
            draft.primary_key = PrimaryKey(columns, name)
        elif kind == "UNIQUE":
            draft.unique_constraints.append(UniqueConstraint(columns, name))
        elif kind == "CHECK" and expression:
            draft.check_constraints.append(CheckConstraint(str(expression), name))
        elif kind == "FOREIGN KEY" and referenced:
            # DuckDB keeps foreign keys within one schema and enforces them as NO ACTION (it has no
            # ON DELETE / ON UPDATE rules).
            draft.foreign_keys.append(
                ForeignKey(
                    columns,
                    drafts.ref(schema, referenced),
                    tuple(referenced_columns or ()),
                    name=name,
                    on_delete="NO ACTION",
                    on_update="NO ACTION",
                )
            )


def _indexes(rows: Sequence[Any], drafts: Drafts) -> None:
    for schema, table, name, unique, comment, sql in rows:
        draft = drafts.get(schema, table)
        if draft is None:
            continue
        draft.indexes.append(
            Index(index_columns(sql), name=name, unique=bool(unique), method="art", comment=text_or_none(comment))
        )


def index_columns(sql: str | None) -> tuple[str, ...]:
    """Key columns or expressions of a `CREATE INDEX ... ON table (...)` statement, as DuckDB spells
    them: the text between the top-level commas, a plain column by its name."""
    if not sql:
        return ()
    try:
        tokens = sqlglot.tokenize(sql, dialect="duckdb")
    except sqlglot.errors.TokenError:
        return ()
    on = next((i for i, t in enumerate(tokens) if t.token_type is TokenType.ON), None)
    start = next((i for i in range(on or 0, len(tokens)) if tokens[i].token_type is TokenType.L_PAREN), None)
    if on is None or start is None:
        return ()
    pieces: list[str] = []
    depth, begin = 0, tokens[start].end + 1
    for token in tokens[start:]:
        if token.token_type is TokenType.L_PAREN:
            depth += 1
        elif token.token_type is TokenType.R_PAREN:
            depth -= 1
        if depth == 0 or (depth == 1 and token.token_type is TokenType.COMMA):
            pieces.append(sql[begin : token.start].strip())
            begin = token.end + 1
        if depth == 0:
            break
    return tuple(_key_text(piece) for piece in pieces if piece)


def _key_text(text: str) -> str:
    try:
        parsed = sqlglot.parse_one(text, dialect="duckdb")
    except sqlglot.errors.ParseError:
        return text
    if isinstance(parsed, exp.Column) and not parsed.table:
        return parsed.name
    if isinstance(parsed, exp.Paren) and text.startswith("(") and text.endswith(")"):
        return text[1:-1].strip()
    return text


class _Tables:
    """Tables, columns and a SELECT for the migration bookkeeping reader (`bookkeeping.Tables`)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, limits: Limits) -> None:
        self.connection, self.limits = connection, limits

    def names(self, schema: str | None) -> list[str]:
        sql = f"SELECT table_name FROM duckdb_tables() WHERE {_HERE} AND schema_name = COALESCE($s, current_schema())"
        return [row[0] for row in run(self.connection, self.limits, sql, {"s": schema})]

    def columns(self, table: str, schema: str | None) -> dict[str, Any]:
        sql = (
            f"SELECT column_name FROM duckdb_columns() WHERE {_HERE} AND table_name = $t"
            " AND schema_name = COALESCE($s, current_schema()) ORDER BY column_index"
        )
        rows = run(self.connection, self.limits, sql, {"t": table, "s": schema})
        return {row[0].lower(): {"name": row[0]} for row in rows}

    def select(self, table: str, schema: str | None, columns: list[Any]) -> list[dict[str, Any]]:
        names = [c["name"] for c in columns]
        source = ".".join(_quote(part) for part in (schema, table) if part)
        rows = run(self.connection, self.limits, f"SELECT {', '.join(map(_quote, names))} FROM {source}", {})
        return [{name.lower(): value for name, value in zip(names, row, strict=True)} for row in rows]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_bookkeeping(
    connection: duckdb.DuckDBPyConnection, limits: Limits, wanted: Bookkeeping, scrub: Callable[[str], str]
) -> AppliedState:
    """The migration tool's bookkeeping table, with SELECT only (a missing table: nothing applied)."""
    import duckdb

    tool = TOOLS[wanted.tool]
    shown = wanted.table or tool.table
    schema, _, name = shown.rpartition(".")
    try:
        return read_from(_Tables(connection, limits), tool, schema or None, name, shown)
    except duckdb.Error as problem:
        first = scrub(" ".join(str(problem).split()))
        return AppliedState(shown, True, readable=False, problems=(f"{shown} could not be read: {first}",))
