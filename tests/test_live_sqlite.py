"""SQLite read live, compared with ground truth from sqlite_master and per-table PRAGMAs."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import TableKind
from mkdocs_dbcatalog.errors import DatabaseError
from mkdocs_dbcatalog.sources.live import LiveOptions, read_database

from .livedata import shape, sqlite_file, sqlite_truth


@pytest.mark.parametrize(
    "source",
    [{"copy": "chinook/Chinook_Sqlite.sqlite"}, {"script": "sakila/sqlite-sakila-schema.sql"}],
    ids=["chinook", "sakila"],
)
def test_sample_matches_the_catalog_exactly(tmp_path: Path, source: dict[str, str]) -> None:
    path = sqlite_file(tmp_path, **source)
    database = read_database("sample", f"sqlite:///{path}")
    truth = sqlite_truth(path)
    read = shape(database)
    assert sorted(read) == sorted(truth)
    for key in truth:
        assert read[key] == truth[key], key
    assert database.engine == "sqlite" and database.size_bytes == path.stat().st_size
    assert database.host is None and database.port is None


def test_what_only_the_create_statements_tell(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE COLLATE NOCASE);
            CREATE TABLE orders (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER REFERENCES customers ON DELETE CASCADE,
                "net price" REAL CHECK ("net price" > 0),
                qty INT DEFAULT 1,
                total REAL GENERATED ALWAYS AS ("net price" * qty) VIRTUAL,
                note TEXT DEFAULT 'it''s (new), CHECK',
                CONSTRAINT qty_ok CHECK (qty BETWEEN 1 AND 100)
            );
            CREATE INDEX orders_by_total ON orders (total DESC, lower(note)) WHERE qty > 1;
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
            CREATE TRIGGER orders_touch AFTER UPDATE OF qty ON orders BEGIN SELECT 1; END;
            CREATE VIRTUAL TABLE notes USING fts5(body);
            INSERT INTO customers (email) VALUES ('a@example.com'), ('b@example.com');
            ANALYZE;
            """
        )
    conn.close()
    database = read_database("shop", f"sqlite:///{path}")
    assert [t.name for t in database.tables] == ["big_orders", "customers", "notes", "orders"]  # no fts5 shadow tables
    orders = database.table("orders")
    customers = database.table("customers")
    assert orders is not None and customers is not None
    assert customers.column("id").identity == "autoincrement"  # type: ignore[union-attr]
    assert orders.column("id").identity == "rowid"  # type: ignore[union-attr]
    assert orders.column("total").generated == '"net price" * qty'  # type: ignore[union-attr]
    assert orders.column("note").default == "'it''s (new), CHECK'"  # type: ignore[union-attr]
    assert [(c.name, c.expression) for c in orders.check_constraints] == [
        (None, '"net price" > 0'),
        ("qty_ok", "qty BETWEEN 1 AND 100"),
    ]
    fk = orders.foreign_keys[0]
    assert (fk.target.key, fk.target_columns, fk.on_delete) == ("customers", ("id",), "CASCADE")
    index = orders.indexes[0]
    assert (index.name, index.columns, index.predicate) == ("orders_by_total", ("total", "lower(note)"), "qty > 1")
    assert [u.columns for u in customers.unique_constraints] == [("email",)]
    assert customers.row_estimate == 2  # from sqlite_stat1, written by ANALYZE
    view = database.table("big_orders")
    assert (
        view is not None and view.kind is TableKind.VIEW and view.definition == "SELECT * FROM orders WHERE total > 100"
    )
    assert database.table("notes").kind is TableKind.VIRTUAL  # type: ignore[union-attr]
    trigger = orders.triggers[0]
    assert (trigger.name, trigger.timing, trigger.events) == ("orders_touch", "AFTER", ("UPDATE",))


def test_file_is_opened_read_only_and_left_unchanged(tmp_path: Path) -> None:
    path = sqlite_file(tmp_path, copy="chinook/Chinook_Sqlite.sqlite")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read_database("chinook", f"sqlite:///{path}")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.db"]  # no journal or WAL left behind


def test_relative_path_resolves_against_the_site_folder(tmp_path: Path) -> None:
    sqlite_file(tmp_path, copy="chinook/Chinook_Sqlite.sqlite")
    database = read_database("chinook", "sqlite:///data.db", LiveOptions(base=tmp_path))
    assert len(database.tables) == 11


def test_missing_file_and_other_schema_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match=r"database 'x' \(sqlite:///nope.db\): the file .*nope.db does not exist"):
        read_database("x", "sqlite:///nope.db", LiveOptions(base=tmp_path))
    assert not (tmp_path / "nope.db").exists()  # read-only: never created
    path = sqlite_file(tmp_path, copy="chinook/Chinook_Sqlite.sqlite")
    with pytest.raises(DatabaseError, match="schema 'billing' does not exist"):
        read_database("x", f"sqlite:///{path}", LiveOptions(schemas=("billing",)))
