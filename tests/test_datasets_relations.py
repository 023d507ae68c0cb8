"""Relationship inference and diagrams on public schemas nobody here wrote: Chinook, Sakila, Pagila.

Each schema is loaded into a real engine (SQLite files in tmp_path, a fresh PostgreSQL or MariaDB
database per test) and read through live introspection, as a user's build would read it.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from mkdocs_dbcatalog.catalog.model import Catalog, Database
from mkdocs_dbcatalog.catalog.relations import Kind, Relations, relationships
from mkdocs_dbcatalog.render.diagrams import DiagramOptions, database_diagrams, table_diagram
from mkdocs_dbcatalog.render.mermaid import MAX_TEXT_SIZE, js_length

from .conftest import DATASETS

live = pytest.importorskip("mkdocs_dbcatalog.sources.live", reason="live introspection (sources/live) is not here yet")


def summary(database: Database) -> set[tuple[str, str, str, str, bool]]:
    """Every relationship as (parent, notation, child, columns or via, optional)."""
    return {
        (r.parent.key, r.notation, r.child.key, f"via {r.via.key}" if r.via else ",".join(r.columns), r.optional)
        for r in relationships(database)
    }


# The rental store: Sakila (MariaDB, SQLite) and its PostgreSQL port Pagila share these.
RENTAL_STORE = {
    ("actor", "*---*", "film", "via film_actor", False),
    ("category", "*---*", "film", "via film_category", False),
    ("address", "1---*", "customer", "address_id", False),
    ("address", "1---*", "staff", "address_id", False),
    ("address", "1---*", "store", "address_id", False),
    ("city", "1---*", "address", "city_id", False),
    ("country", "1---*", "city", "country_id", False),
    ("customer", "1---*", "payment", "customer_id", False),
    ("customer", "1---*", "rental", "customer_id", False),
    ("film", "1---*", "inventory", "film_id", False),
    ("inventory", "1---*", "rental", "inventory_id", False),
    ("language", "1---*", "film", "language_id", False),
    ("language", "1---*", "film", "original_language_id", True),
    ("staff", "1---*", "payment", "staff_id", False),
    ("staff", "1---*", "rental", "staff_id", False),
    ("store", "1---*", "customer", "store_id", False),
    ("store", "1---*", "inventory", "store_id", False),
    ("store", "1---*", "staff", "store_id", False),
}


def check_diagrams(database: Database) -> None:
    """The database fits one diagram; every table page's diagram renders under the limits."""
    relations = Relations(Catalog((database,)))
    result = database_diagrams(database, relations, DiagramOptions())
    (block,) = result.blocks
    assert js_length(block.text()) < MAX_TEXT_SIZE
    drawn = set(block.names)
    related = {r.parent.key for r in relations.relationships(database)} | {
        r.child.key for r in relations.relationships(database)
    }
    assert drawn == related
    assert not drawn & {r.via.key for r in relations.relationships(database) if r.via}  # junctions folded
    for table in database.tables:
        for page_block in table_diagram(database, table, relations, DiagramOptions()).blocks:
            assert page_block.names[0] == table.key


def test_chinook_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "chinook.db"
    shutil.copy(DATASETS / "chinook" / "Chinook_Sqlite.sqlite", path)
    chinook = live.read_database("chinook", f"sqlite:///{path}")
    assert summary(chinook) == {
        ("Album", "1---*", "Track", "AlbumId", True),
        ("Artist", "1---*", "Album", "ArtistId", False),
        ("Customer", "1---*", "Invoice", "CustomerId", False),
        ("Employee", "1---*", "Customer", "SupportRepId", True),
        ("Employee", "1---*", "Employee", "ReportsTo", True),  # the org chart: a self-reference
        ("Genre", "1---*", "Track", "GenreId", True),
        ("Invoice", "1---*", "InvoiceLine", "InvoiceId", False),
        ("MediaType", "1---*", "Track", "MediaTypeId", False),
        ("Playlist", "*---*", "Track", "via PlaylistTrack", False),  # a junction, not two lines
        ("Track", "1---*", "InvoiceLine", "TrackId", False),
    }
    check_diagrams(chinook)


def test_sakila_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "sakila.db"
    with sqlite3.connect(path) as connection:
        connection.executescript((DATASETS / "sakila" / "sqlite-sakila-schema.sql").read_text())
    sakila = live.read_database("sakila", f"sqlite:///{path}")
    # The SQLite port has no unique index on store.manager_staff_id: one-to-many there.
    assert summary(sakila) == RENTAL_STORE | {
        ("rental", "1---*", "payment", "rental_id", True),
        ("staff", "1---*", "store", "manager_staff_id", False),
    }
    check_diagrams(sakila)


@pytest.mark.mariadb
def test_sakila_mariadb(mariadb_url: str) -> None:
    script = (DATASETS / "sakila" / "mysql-sakila-schema.sql").read_text()
    script = "\n".join(
        line for line in script.splitlines() if not line.startswith(("DROP SCHEMA", "CREATE SCHEMA", "USE sakila"))
    ).replace("sakila.", "")
    name = mariadb_url.rsplit("/", 1)[1]
    subprocess.run(
        ["mariadb", "-h", "127.0.0.1", "-u", "root", "--force", name],
        input=script,
        text=True,
        check=True,
        capture_output=True,
    )
    sakila = live.read_database("sakila", mariadb_url)
    # MySQL's Sakila has UNIQUE KEY idx_unique_manager (manager_staff_id): a store has one manager.
    assert summary(sakila) == RENTAL_STORE | {
        ("rental", "1---*", "payment", "rental_id", True),
        ("staff", "1---1", "store", "manager_staff_id", False),
    }
    manager = next(r for r in relationships(sakila) if r.columns == ("manager_staff_id",))
    assert manager.kind is Kind.ONE_TO_ONE
    check_diagrams(sakila)


@pytest.mark.postgres
def test_pagila_postgresql(pg_url: str) -> None:
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            pg_url.rsplit("/", 1)[1],
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-f",
            str(DATASETS / "pagila" / "pagila-schema.sql"),
        ],
        check=True,
        capture_output=True,
    )
    pagila = live.read_database("pagila", pg_url)
    # Pagila keeps the unique index on store.manager_staff_id but has no foreign key there; its
    # partitioned payment table's keys are read from the partitions.
    assert summary(pagila) == RENTAL_STORE | {("rental", "1---*", "payment", "rental_id", False)}
    film_actor = pagila.table("film_actor")
    assert film_actor is not None and film_actor.primary_key is not None
    check_diagrams(pagila)
