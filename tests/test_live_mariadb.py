"""MariaDB read live, compared with ground truth from information_schema and SHOW INDEX."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.model import TableKind
from mkdocs_dbcatalog.errors import DatabaseError
from mkdocs_dbcatalog.sources.live import LiveOptions, read_database

from .livedata import dataset, load_mariadb, mariadb_truth, shape

pytestmark = pytest.mark.mariadb


@pytest.mark.parametrize("script", ["sakila/mysql-sakila-schema.sql", "chinook/Chinook_MySql.sql"])
def test_public_schema_matches_the_catalog_exactly(mariadb_url: str, tmp_path: Path, script: str) -> None:
    load_mariadb(mariadb_url, dataset(script, tmp_path))
    database = read_database("sample", mariadb_url)
    truth = mariadb_truth(mariadb_url)
    read = shape(database)
    assert sorted(read) == sorted(truth)
    for key in truth:
        assert read[key] == truth[key], key
    assert database.engine == "mariadb" and database.version and database.version.startswith("10.")
    assert database.port == 3306


def test_sakila_views_triggers_fulltext_and_comments(mariadb_url: str, tmp_path: Path) -> None:
    load_mariadb(mariadb_url, dataset("sakila/mysql-sakila-schema.sql", tmp_path))
    database = read_database("sakila", mariadb_url)
    film_text = database.table("film_text")
    assert film_text is not None
    assert any(i.method == "fulltext" and i.columns == ("title", "description") for i in film_text.indexes)
    film = database.table("film")
    assert film is not None
    assert {(t.name, t.timing, t.events) for t in film.triggers} == {
        ("ins_film", "AFTER", ("INSERT",)),
        ("upd_film", "AFTER", ("UPDATE",)),
        ("del_film", "AFTER", ("DELETE",)),
    }
    rating = film.column("rating")
    assert rating is not None and rating.type == "enum('G','PG','PG-13','R','NC-17')" and rating.default == "'G'"
    assert film.column("film_id").identity == "auto_increment"  # type: ignore[union-attr]
    view = database.table("customer_list")
    assert view is not None and view.kind is TableKind.VIEW and view.definition and "select" in view.definition.lower()
    assert database.size_bytes and database.size_bytes > 0


def test_json_generated_checks_and_partitions(mariadb_url: str) -> None:
    engine = sa.create_engine(mariadb_url)
    with engine.begin() as conn:
        for statement in (
            "CREATE TABLE docs (id int AUTO_INCREMENT PRIMARY KEY COMMENT 'Document id', body JSON NOT NULL, "
            "price decimal(10,2) CHECK (price > 0), doubled decimal(12,2) AS (price * 2) STORED, "
            "slug varchar(40), UNIQUE KEY docs_slug (slug), CONSTRAINT body_small CHECK (length(body) < 10000)) "
            "COMMENT 'Stored documents'",
            "CREATE TABLE events (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) "
            "PARTITION BY RANGE (year(at)) "
            "(PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025))",
        ):
            conn.exec_driver_sql(statement)
    engine.dispose()
    database = read_database("docs", mariadb_url)
    docs = database.table("docs")
    assert docs is not None and docs.comment == "Stored documents"
    columns = {c.name: c for c in docs.columns}
    assert columns["body"].type == "json"  # LONGTEXT + json_valid() in disguise
    assert columns["doubled"].generated == "`price` * 2"
    assert columns["id"].comment == "Document id" and columns["id"].identity == "auto_increment"
    assert {(c.name, c.expression) for c in docs.check_constraints} == {
        ("price", "`price` > 0"),
        ("body_small", "octet_length(`body`) < 10000"),
    }
    assert [(u.name, u.columns) for u in docs.unique_constraints] == [("docs_slug", ("slug",))]
    events = database.table("events")
    assert events is not None and events.kind is TableKind.PARTITIONED
    assert events.partition_key == "RANGE (year(`at`))"
    assert [(p.name, p.bound) for p in events.partitions] == [
        ("p2023", "VALUES LESS THAN (2024)"),
        ("p2024", "VALUES LESS THAN (2025)"),
    ]


def test_unknown_schema_is_a_clear_error(mariadb_url: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        read_database("shop", mariadb_url, LiveOptions(schemas=("nope_not_here",)))
    assert "database 'shop'" in str(caught.value) and "'nope_not_here' does not exist" in str(caught.value)
