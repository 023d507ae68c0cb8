"""The number of statements a live read sends does not grow with the number of tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from mkdocs_dbcatalog.sources.live import read_database


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every statement any SQLAlchemy engine sends while the block runs."""
    sent: list[str] = []

    def listener(conn: object, cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    event.listen(sa.Engine, "before_cursor_execute", listener)
    try:
        yield sent
    finally:
        event.remove(sa.Engine, "before_cursor_execute", listener)


def ddl(first: int, count: int, *, comment: str = "") -> list[str]:
    """Tables t<first>..: a key, a foreign key to the previous table, an index, a view each."""
    out = []
    for i in range(first, first + count):
        parent = f", parent_id INTEGER REFERENCES t{i - 1} (id)" if i else ""
        out.append(f"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL{parent}){comment}")
        out.append(f"CREATE INDEX t{i}_name ON t{i} (name)")
        out.append(f"CREATE VIEW v{i} AS SELECT id, name FROM t{i}")
    return out


def counts(url: str, run: object, first: int = 5, more: int = 40) -> tuple[int, int, int]:
    """Statements for a read of `first` tables and of `first + more` tables, and the tables read."""
    assert callable(run)
    run(ddl(0, first))
    with statements() as sent:
        small = read_database("db", url)
    few = len(sent)
    run(ddl(first, more))
    with statements() as sent:
        large = read_database("db", url)
    assert len(large.tables) == 2 * (first + more) and len(small.tables) == 2 * first
    return few, len(sent), len(large.tables)


def test_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "many.db"

    def run(statements: list[str]) -> None:
        with sqlite3.connect(path) as conn:
            conn.executescript(";\n".join(statements) + ";")
        conn.close()

    few, many, _ = counts(f"sqlite:///{path}", run)
    assert few == many <= 8


@pytest.mark.postgres
def test_postgresql(pg_url: str) -> None:
    engine = sa.create_engine(pg_url)

    def run(statements: list[str]) -> None:
        with engine.begin() as conn:
            conn.exec_driver_sql(";\n".join(statements))

    few, many, _ = counts(pg_url, run)
    engine.dispose()
    assert few == many <= 13


@pytest.mark.mariadb
def test_mariadb(mariadb_url: str) -> None:
    engine = sa.create_engine(mariadb_url)

    def run(statements: list[str]) -> None:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)

    few, many, _ = counts(mariadb_url, run)
    engine.dispose()
    assert few == many <= 14
