"""The generic reader (SQLAlchemy's Inspector, for any dialect) against the native readers.

Run in the same read-only session on PostgreSQL (Pagila), MariaDB (Sakila) and SQLite (Chinook):
everything the Inspector can tell must be what the native reader reads. The only differences
allowed are listed in `ALLOWED` (spelling, and what the Inspector cannot tell); what only the native
readers add is in the README's "Engines" section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from sqlglot import exp

from mkdocs_dbcatalog.catalog.model import Database, TableKind
from mkdocs_dbcatalog.sources.live import generic, mysql, postgresql, sqlite
from mkdocs_dbcatalog.sources.live.common import Scope
from mkdocs_dbcatalog.sources.live.session import Limits, Target, create_engine, read_only
from mkdocs_dbcatalog.urls import parse

from .livedata import dataset, load_mariadb, load_pg, sqlite_file

ALLOWED = {
    "type spelling": "types compared as sqlglot spells them (`character varying(45)` = `VARCHAR(45)`)",
    "identity words": "an auto-numbered column is one on both sides; native words: serial, auto_increment, rowid",
    "default method": "the Inspector names an index method only where it is not the engine's default (btree)",
    "MySQL PRIMARY": "MySQL's primary key is always named PRIMARY; the Inspector gives no name",
    "MySQL RESTRICT": "MySQL's default rule is RESTRICT; the Inspector omits default rules (read as NO ACTION)",
    "view text": "view definitions compared as parsed SQL (PostgreSQL's pretty-printing, MySQL charset introducers)",
    "MySQL view columns": "MariaDB's Inspector reads view columns as nullable, without defaults",
    "partitions": "PostgreSQL partitions are folded under their parent by the native reader only",
}

SQLGLOT = {"postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql", "sqlite": "sqlite"}


def both(url: str) -> tuple[Database, Database]:
    """The native and the generic read of one database, in one read-only session."""
    target = Target("proof", parse(url))
    limits = Limits()
    engine = create_engine(target, limits)
    native = {"postgresql": postgresql, "sqlite": sqlite}.get(engine.dialect.name, mysql)
    try:
        with read_only(target, engine, limits) as connection:
            return native.read(connection, Scope(), "proof"), generic.read(connection, Scope(), "proof")
    finally:
        engine.dispose()


def canonical_type(text: str | None, dialect: str) -> str | None:
    if text is None:
        return None
    try:
        return exp.DataType.build(text, dialect=dialect).sql(dialect=dialect).upper().replace(" ", "")
    except Exception:
        return text.upper().replace(" ", "")


def canonical_sql(text: str | None, dialect: str) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\b_(utf8mb[34]|utf8|latin1|binary)'", "'", text)
    try:
        return sqlglot.parse_one(text, dialect=dialect).sql(dialect=dialect)
    except sqlglot.errors.ParseError:
        return " ".join(text.split())


def view_tokens(text: str | None, dialect: str) -> list[str] | None:
    """A view's query as its tokens, without parentheses and without the database's own name as a
    qualifier (MariaDB's information_schema writes `dbc_...`.`film`, SHOW CREATE VIEW `film`; the test
    databases are named dbc_...)."""
    if text is None:
        return None
    text = re.sub(r"\b_(utf8mb[34]|utf8|latin1|binary)'", "'", text)
    tokens = [t.text.lower() for t in sqlglot.tokenize(text, dialect=dialect) if t.text not in ("(", ")")]
    kept: list[str] = []
    skip = False
    for i, token in enumerate(tokens):
        if skip:
            skip = False
        elif token.startswith("dbc_") and tokens[i + 1 : i + 2] == ["."]:
            skip = True
        else:
            kept.append(token)
    return kept


def differences(native: Database, general: Database) -> tuple[list[str], int]:
    """What the two reads disagree on, past the allowed differences; and how many facts were compared."""
    dialect = SQLGLOT[native.engine or ""]
    is_mysql = dialect == "mysql"
    found: list[str] = []
    facts = 0

    def same(where: str, a: Any, b: Any) -> None:
        nonlocal facts
        facts += 1
        if a != b:
            found.append(f"{where}: native {a!r}, generic {b!r}")

    partitions = {p.name for t in native.tables for p in t.partitions}
    mine = {t.key: t for t in native.tables}
    theirs = {t.key: t for t in general.tables if t.key not in partitions}
    same("tables", sorted(mine), sorted(theirs))
    same("version", native.version, general.version)
    for key in sorted(set(mine) & set(theirs)):
        a, b = mine[key], theirs[key]
        kind = TableKind.TABLE if a.kind is TableKind.PARTITIONED else a.kind
        same(f"{key} kind", kind, b.kind)
        same(f"{key} comment", a.comment, b.comment)
        same(f"{key} columns", [c.name for c in a.columns], [c.name for c in b.columns])
        view_columns = is_mysql and a.kind.is_view
        for ca, cb in zip(a.columns, b.columns, strict=False):
            where = f"{key}.{ca.name}"
            same(f"{where} type", canonical_type(ca.type, dialect), canonical_type(cb.type, dialect))
            same(f"{where} comment", ca.comment, cb.comment)
            same(f"{where} identity", ca.identity is not None, cb.identity is not None or ca.identity == "rowid")
            same(f"{where} generated", ca.generated is not None, cb.generated is not None)
            same(f"{where} on update", ca.on_update, cb.on_update)
            if not view_columns:
                same(f"{where} nullable", ca.nullable, cb.nullable)
                same(f"{where} default", ca.default, cb.default)
        pk_a, pk_b = a.primary_key, b.primary_key
        same(f"{key} primary key", pk_a.columns if pk_a else None, pk_b.columns if pk_b else None)
        if pk_a and pk_b and not is_mysql:
            same(f"{key} primary key name", pk_a.name, pk_b.name)
        keys_a = {fk.name: fk for fk in a.foreign_keys if fk.name is not None}  # unnamed: declared on partitions
        keys_b = {fk.name: fk for fk in b.foreign_keys}
        if dialect == "sqlite":  # SQLite keys have no names: match them by their columns
            keys_a = {str(fk.columns): fk for fk in a.foreign_keys}
            keys_b = {str(fk.columns): fk for fk in b.foreign_keys}
        same(f"{key} foreign keys", sorted(keys_a), sorted(keys_b))
        for name in set(keys_a) & set(keys_b):
            fa, fb = keys_a[name], keys_b[name]
            rule = "NO ACTION" if is_mysql and fa.on_delete == "RESTRICT" else fa.on_delete
            rule_update = "NO ACTION" if is_mysql and fa.on_update == "RESTRICT" else fa.on_update
            target_a, target_b = (fa.columns, fa.target, fa.target_columns), (fb.columns, fb.target, fb.target_columns)
            same(f"{key} {name}", target_a, target_b)
            same(f"{key} {name} rules", (rule, rule_update), (fb.on_delete, fb.on_update))
            same(f"{key} {name} match, deferrable", (fa.match, fa.deferrable), (fb.match, fb.deferrable))
        indexes_a = {i.name: i for i in a.indexes}
        indexes_b = {i.name: i for i in b.indexes}
        same(f"{key} indexes", sorted(indexes_a), sorted(indexes_b))
        for name in set(indexes_a) & set(indexes_b):
            ia, ib = indexes_a[name], indexes_b[name]
            same(f"{key} {name}", (ia.columns, ia.unique, ia.include), (ib.columns, ib.unique, ib.include))
            same(f"{key} {name} predicate", canonical_sql(ia.predicate, dialect), canonical_sql(ib.predicate, dialect))
            if ib.method is not None:
                same(f"{key} {name} method", ia.method, ib.method)
        same(
            f"{key} unique constraints",
            sorted((u.columns, u.name if dialect != "sqlite" else None) for u in a.unique_constraints),
            sorted((u.columns, u.name if dialect != "sqlite" else None) for u in b.unique_constraints),
        )
        same(
            f"{key} checks",
            sorted((c.name, canonical_sql(c.expression, dialect)) for c in a.check_constraints),
            sorted((c.name, canonical_sql(c.expression, dialect)) for c in b.check_constraints),
        )
        same(f"{key} definition", view_tokens(a.definition, dialect), view_tokens(b.definition, dialect))
    return found, facts


@pytest.fixture
def pagila(pg_url: str, tmp_path: Path) -> Iterator[str]:
    load_pg(pg_url, dataset("pagila/pagila-schema.sql", tmp_path))
    yield pg_url


@pytest.fixture
def sakila(mariadb_url: str, tmp_path: Path) -> Iterator[str]:
    load_mariadb(mariadb_url, dataset("sakila/mysql-sakila-schema.sql", tmp_path))
    yield mariadb_url


@pytest.mark.postgres
def test_pagila_on_postgresql(pagila: str) -> None:
    native, general = both(pagila)
    found, facts = differences(native, general)
    assert found == [] and facts > 1200
    assert general.engine == "postgresql" and general.version == native.version


@pytest.mark.mariadb
def test_sakila_on_mariadb(sakila: str) -> None:
    native, general = both(sakila)
    found, facts = differences(native, general)
    assert found == [] and facts > 1100
    assert general.version == native.version


def test_chinook_on_sqlite(tmp_path: Path) -> None:
    path = sqlite_file(tmp_path, copy="chinook/Chinook_Sqlite.sqlite")
    native, general = both(f"sqlite:///{path}")
    found, facts = differences(native, general)
    assert found == [] and facts > 600


@pytest.mark.parametrize(
    ("url", "install"),
    [
        ("snowflake://reader:hunter2@acme-eu/analytics?warehouse=wh", "pip install snowflake-sqlalchemy"),
        ("mssql+pyodbc://sa:hunter2@sql.internal:1433/erp?driver=ODBC+Driver+18", "pip install pyodbc"),
        ("oracle+oracledb://hr:hunter2@ora.internal:1521/?service_name=XEPDB1", "pip install oracledb"),
        (
            "redshift+redshift_connector://u:hunter2@rs.internal:5439/dw",
            "pip install sqlalchemy-redshift redshift_connector",
        ),
        ("trino://u@trino.internal:8080/hive", "pip install 'trino[sqlalchemy]'"),
        ("mystery://u:hunter2@h/d", "install the SQLAlchemy dialect package"),
    ],
)
def test_a_missing_dialect_or_driver_names_what_to_install(url: str, install: str) -> None:
    from mkdocs_dbcatalog.errors import DatabaseError
    from mkdocs_dbcatalog.sources.live import read_database

    with pytest.raises(DatabaseError) as raised:
        read_database("warehouse", url)
    message = str(raised.value)
    assert install in message and "database 'warehouse'" in message and "hunter2" not in message
