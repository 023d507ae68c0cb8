"""What the database says, exactly (issue 9, items 11-15): read live, shown where a reader looks.

One small schema per engine holds every case; each test reads it (real PostgreSQL 15, MariaDB
10.11, SQLite) and checks the model and the rendered page cells.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.catalog.codec import to_data
from mkdocs_dbcatalog.catalog.lint import lint
from mkdocs_dbcatalog.catalog.model import Catalog, Database, Origin
from mkdocs_dbcatalog.catalog.relations import is_unique
from mkdocs_dbcatalog.cli import main
from mkdocs_dbcatalog.sources.live import read_database
from mkdocs_dbcatalog.sources.yamlfile import load_file

from .conftest import MARIADB_ADMIN_URL, PG_ADMIN_URL, _server_or_skip, unique_name
from .pagetables import database_page, paragraphs, parse, rows, table_page

PG_SCHEMA = """
CREATE EXTENSION btree_gist;
CREATE DOMAIN positive_int AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
COMMENT ON DOMAIN positive_int IS 'Above zero';
CREATE TABLE "Parent" ("ParentId" integer PRIMARY KEY, "番号" text UNIQUE, name text COLLATE "C", k2 int,
                       UNIQUE ("ParentId", k2));
COMMENT ON TABLE "Parent" IS E'first line\\r\\nsecond line';
COMMENT ON COLUMN "Parent".name IS E'column\\rcomment';
CREATE TABLE child ("ParentId" integer PRIMARY KEY REFERENCES "Parent" ("ParentId") MATCH FULL
                      ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
                    "OrderId" int, tenant int, "user" int, q positive_int);
ALTER TABLE child ADD CONSTRAINT child_tenant_fk FOREIGN KEY (tenant, "user") REFERENCES "Parent" ("ParentId", k2)
  ON DELETE SET NULL ("user");
COMMENT ON CONSTRAINT child_tenant_fk ON child IS 'Tenant link';
ALTER TABLE child ADD CONSTRAINT child_q CHECK (q < 100);
COMMENT ON CONSTRAINT child_q ON child IS 'Small q';
CREATE INDEX child_order ON child ("OrderId" DESC NULLS LAST, tenant) INCLUDE (q);
CREATE INDEX parent_name_pattern ON "Parent" (name text_pattern_ops);
CREATE INDEX parent_name_posix ON "Parent" (name COLLATE "POSIX", lower(name));
CREATE TABLE booking (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));
COMMENT ON CONSTRAINT booking_room_during_excl ON booking IS 'No double booking';
ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rooms ON booking FOR SELECT TO postgres USING (room > 0);
CREATE POLICY writes ON booking AS RESTRICTIVE FOR INSERT WITH CHECK (room < 1000);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER booking_touch BEFORE INSERT ON booking FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TRIGGER booking_touch ON booking IS 'Keeps it fresh';
CREATE UNLOGGED TABLE scratch (id int PRIMARY KEY);
CREATE TABLE measurement (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE measurement_2020 PARTITION OF measurement FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measurement_2021 PARTITION OF measurement FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE INDEX measurement_2020_id ON measurement_2020 (id);
"""

MARIADB_SCHEMA = [
    """CREATE TABLE account (
         id INT AUTO_INCREMENT PRIMARY KEY,
         login VARCHAR(40) NOT NULL UNIQUE,
         password VARCHAR(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_bin NOT NULL,
         price INT NOT NULL DEFAULT 1,
         doubled INT AS (price * 2) VIRTUAL,
         tripled INT AS (price * 3) STORED,
         secret INT INVISIBLE,
         last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
         KEY account_recent (last_update DESC, id)
       ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=COMPACT AUTO_INCREMENT=1000""",
    "CREATE TABLE session (token INT NOT NULL, account_id INT, PRIMARY KEY USING HASH (token)) ENGINE=MEMORY",
    "CREATE TABLE place (id INT PRIMARY KEY, location POINT NOT NULL, SPATIAL INDEX place_location (location))",
    """CREATE TABLE login_event (id INT PRIMARY KEY, account_id INT,
         CONSTRAINT login_event_account FOREIGN KEY (account_id) REFERENCES account (id)
           ON DELETE SET NULL ON UPDATE CASCADE)""",
]


def _database(admin_url: str, create: str, drop: str) -> Iterator[str]:
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = unique_name("fid")
    with engine.connect() as conn:
        conn.execute(sa.text(create.format(name=name)))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(drop.format(name=name)))
        engine.dispose()


@pytest.fixture(scope="module")
def pg() -> Iterator[tuple[str, Database]]:
    """The PostgreSQL schema, loaded once for the module, and the plugin's read of it."""
    _server_or_skip("127.0.0.1", 5432, "PostgreSQL")
    for url in _database(PG_ADMIN_URL, 'CREATE DATABASE "{name}"', 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'):
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql(PG_SCHEMA)
        engine.dispose()
        yield url, read_database("fidelity", url)


@pytest.fixture(scope="module")
def mariadb() -> Iterator[tuple[str, Database]]:
    _server_or_skip("127.0.0.1", 3306, "MariaDB")
    create = "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
    for url in _database(MARIADB_ADMIN_URL, create, "DROP DATABASE IF EXISTS `{name}`"):
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            for statement in MARIADB_SCHEMA:
                conn.exec_driver_sql(statement)
        engine.dispose()
        yield url, read_database("fidelity", url)


def _table(database: Database, key: str):  # type: ignore[no-untyped-def]
    table = database.table(key)
    assert table is not None, key
    return table


# --- 11: keys on columns whose names need quoting -------------------------------------------------


@pytest.mark.postgres
def test_primary_keys_on_quoted_column_names(pg: tuple[str, Database]) -> None:
    _, database = pg
    parent, child = _table(database, "Parent"), _table(database, "child")
    assert parent.primary_key is not None and parent.primary_key.columns == ("ParentId",)
    assert child.primary_key is not None and child.primary_key.columns == ("ParentId",)
    assert [i.columns for i in parent.indexes if i.name == "Parent_番号_key"] == [("番号",)]
    # A foreign key that is the whole primary key: one-to-one, and its index is the key's.
    assert is_unique(child, ("ParentId",))
    findings = [f for f in lint(Catalog((database,))) if f.rule == "foreign-key-without-index" and f.table == "child"]
    assert [f.column for f in findings] == ["tenant"]  # (tenant, user) leads no index; ParentId is the key
    columns = rows(table_page(database, "Parent"), "Columns")
    assert columns["ParentId"]["Key"] == "PK"
    assert columns["番号"]["Key"] == "UNIQUE"


# --- 12: line breaks in comments ------------------------------------------------------------------


@pytest.mark.postgres
def test_every_line_break_in_a_comment_is_one_line_break(pg: tuple[str, Database]) -> None:
    _, database = pg
    page = table_page(database, "Parent")
    assert rows(page, "Columns")["name"]["Description"] == "column\ncomment"
    purpose = [p for p in paragraphs(page) if p.startswith("Purpose")]
    assert purpose == ["Purpose: first line\nsecond line"]
    listing = database_page(database)
    assert "first line\nsecond line" in [row["Purpose"] for row in rows(listing, "Tables").values()]


# --- 13: ON UPDATE, STORED and VIRTUAL ------------------------------------------------------------


@pytest.mark.mariadb
def test_on_update_and_generated_storage_in_the_columns_table(mariadb: tuple[str, Database]) -> None:
    _, database = mariadb
    account = _table(database, "account")
    assert account.column("last_update").on_update == "current_timestamp()"  # type: ignore[union-attr]
    assert account.column("doubled").generation == "virtual"  # type: ignore[union-attr]
    assert account.column("tripled").generation == "stored"  # type: ignore[union-attr]
    columns = rows(table_page(database, "account"), "Columns")
    assert columns["last_update"]["Default"] == "current_timestamp()\non update current_timestamp()"
    assert "(generated, virtual: `price` * 2)" in columns["doubled"]["Description"]
    assert "(generated, stored: `price` * 3)" in columns["tripled"]["Description"]


@pytest.mark.postgres
def test_postgresql_generated_columns_are_stored(pg_url: str) -> None:
    url = pg_url
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE priced (p int, twice int GENERATED ALWAYS AS (p * 2) STORED)")
    engine.dispose()
    twice = _table(read_database("fidelity", url), "priced").column("twice")
    assert twice is not None and (twice.generated, twice.generation, twice.default) == ("(p * 2)", "stored", None)


# --- 14: read but not shown -----------------------------------------------------------------------


@pytest.mark.postgres
def test_foreign_key_names_match_deferrable_and_set_null_columns(pg: tuple[str, Database]) -> None:
    _, database = pg
    fks = rows(table_page(database, "child"), "Foreign Keys")
    assert fks["child_ParentId_fkey"]["Options"] == "MATCH FULL, DEFERRABLE INITIALLY DEFERRED"
    assert fks["child_ParentId_fkey"]["On Update"] == "CASCADE"
    assert fks["child_tenant_fk"]["On Delete"] == "SET NULL (user)"
    assert fks["child_tenant_fk"]["Description"] == "Tenant link"
    header, *incoming = parse(table_page(database, "Parent")).sections["Referenced By"]
    assert header == ["Table", "Column", "References", "On Delete", "On Update"]
    assert sorted(incoming) == [
        ["child", "ParentId", "ParentId", "NO ACTION", "CASCADE"],
        ["child", "tenant, user", "ParentId, k2", "SET NULL (user)", "NO ACTION"],
    ]


@pytest.mark.postgres
def test_index_options_include_and_opclasses(pg: tuple[str, Database]) -> None:
    _, database = pg
    child = rows(table_page(database, "child"), "Indexes")
    assert child["child_order"]["Columns"] == "OrderId DESC NULLS LAST, tenant INCLUDE (q)"
    parent = rows(table_page(database, "Parent"), "Indexes")
    assert parent["parent_name_pattern"]["Columns"] == "name text_pattern_ops"
    assert parent["parent_name_posix"]["Columns"] == 'name COLLATE "POSIX", lower(name)'
    assert rows(table_page(database, "Parent"), "Columns")["name"]["Type"] == "text\ncollation C"


@pytest.mark.postgres
def test_exclusion_constraint_is_a_constraint_with_its_operators(pg: tuple[str, Database]) -> None:
    _, database = pg
    booking = _table(database, "booking")
    assert booking.indexes == ()  # not a plain GiST index that enforces nothing
    page = table_page(database, "booking")
    constraint = rows(page, "Constraints")["booking_room_during_excl"]
    assert constraint["Type"] == "EXCLUDE"
    assert constraint["Definition"] == "EXCLUDE USING gist (room WITH =, during WITH &&)"
    assert constraint["Description"] == "No double booking"
    assert "Indexes" not in parse(page).sections


@pytest.mark.postgres
def test_comments_on_triggers_and_constraints(pg: tuple[str, Database]) -> None:
    _, database = pg
    assert rows(table_page(database, "booking"), "Triggers")["booking_touch"]["Description"] == "Keeps it fresh"
    assert rows(table_page(database, "child"), "Constraints")["child_q"]["Description"] == "Small q"


@pytest.mark.postgres
def test_indexes_that_exist_only_on_a_partition(pg: tuple[str, Database]) -> None:
    _, database = pg
    measurement = _table(database, "measurement")
    assert [(p.name, [i.name for i in p.indexes]) for p in measurement.partitions] == [
        ("measurement_2020", ["measurement_2020_id"]),
        ("measurement_2021", []),
    ]
    partitions = parse(table_page(database, "measurement")).sections["Partitions"]
    assert ["measurement_2020", "measurement_2020_id", "id", "BTREE", "NO"] in partitions


def test_sqlite_virtual_table_definition_and_index_order(tmp_path: Path) -> None:
    path = tmp_path / "fts.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "CREATE VIRTUAL TABLE notes USING fts5(title, body, tokenize = 'porter');"
            "CREATE TABLE t (a TEXT, b INT, c INT GENERATED ALWAYS AS (b * 2) STORED, d INT AS (b + 1));"
            "CREATE INDEX t_recent ON t (b DESC, a COLLATE NOCASE);"
        )
    conn.close()
    database = read_database("fts", f"sqlite:///{path}")
    notes = _table(database, "notes")
    assert notes.definition == "CREATE VIRTUAL TABLE notes USING fts5(title, body, tokenize = 'porter')"
    assert "CREATE VIRTUAL TABLE notes USING fts5(title, body, tokenize = 'porter')" in html.unescape(
        table_page(database, "notes")
    )
    t = _table(database, "t")
    assert [(c.name, c.generation) for c in t.columns] == [("a", None), ("b", None), ("c", "stored"), ("d", "virtual")]
    assert rows(table_page(database, "t"), "Indexes")["t_recent"]["Columns"] == "b DESC, a COLLATE NOCASE"


@pytest.mark.mariadb
def test_mariadb_descending_index(mariadb: tuple[str, Database]) -> None:
    _, database = mariadb
    assert rows(table_page(database, "account"), "Indexes")["account_recent"]["Columns"] == "last_update DESC, id"


# --- 15: seen on real application schemas ---------------------------------------------------------


@pytest.mark.mariadb
def test_mariadb_storage_charsets_invisible_and_keys(mariadb: tuple[str, Database]) -> None:
    _, database = mariadb
    account, session, place = (_table(database, k) for k in ("account", "session", "place"))
    assert (account.engine, account.collation, account.row_format, account.auto_increment) == (
        "InnoDB",
        "utf8mb4_general_ci",
        "Compact",
        1000,
    )
    page = table_page(database, "account")
    meta = next(p for p in paragraphs(page) if p.startswith("Database"))
    assert "Storage: InnoDB, utf8mb4_general_ci, row format Compact" in meta
    assert "Next AUTO_INCREMENT: 1000" in meta
    columns = rows(page, "Columns")
    assert columns["password"]["Type"] == "varchar(64)\ncollation utf8mb3_bin"
    assert columns["login"]["Type"] == "varchar(40)"  # the table's own collation is not repeated
    assert columns["login"]["Key"] == "UNIQUE"
    assert "(invisible: not in SELECT *)" in columns["secret"]["Description"]
    # A MEMORY table: the engine on the page, its HASH key as a hash.
    assert session.engine == "MEMORY"
    assert "Storage: MEMORY" in next(p for p in paragraphs(table_page(database, "session")) if p.startswith("Database"))
    assert rows(table_page(database, "session"), "Indexes")["PRIMARY"]["Type"] == "HASH"
    # A SPATIAL index has no prefix, whatever SUB_PART says.
    assert [i.columns for i in place.indexes] == [("location",)]
    assert rows(table_page(database, "place"), "Indexes")["place_location"]["Columns"] == "location"
    # On Update in Referenced By.
    incoming = rows(page, "Referenced By")
    assert [(r["On Delete"], r["On Update"]) for r in incoming.values()] == [("SET NULL", "CASCADE")]


@pytest.mark.postgres
def test_row_level_security_unlogged_tables_and_domains(pg: tuple[str, Database]) -> None:
    _, database = pg
    booking = _table(database, "booking")
    assert booking.row_security == "forced"
    page = table_page(database, "booking")
    assert any("enabled and forced" in p for p in paragraphs(page))
    policies = rows(page, "Row-Level Security")
    assert policies["own_rooms"] == {
        "Policy": "own_rooms",
        "Command": "SELECT",
        "Kind": "permissive",
        "Roles": "postgres",
        "Using": "room > 0",
        "With Check": "—",
    }
    assert (policies["writes"]["Kind"], policies["writes"]["Roles"], policies["writes"]["With Check"]) == (
        "restrictive",
        "PUBLIC",
        "room < 1000",
    )
    assert _table(database, "scratch").persistence == "unlogged"
    meta = next(p for p in paragraphs(table_page(database, "scratch")) if p.startswith("Database"))
    assert "Kind: table (unlogged)" in meta
    listing = database_page(database)
    assert rows(listing, "Domains")["positive_int"] == {
        "Domain": "positive_int",
        "Type": "integer",
        "Nullable": "NO",
        "Default": "1",
        "Checks": "VALUE > 0",
        "Description": "Above zero",
    }


# --- the same facts from YAML: snapshot, then a build from the file alone -------------------------


def _snapshot(url: str, tmp_path: Path) -> Database:
    out = tmp_path / "fidelity.yml"
    result = CliRunner().invoke(
        main, ["snapshot", "--url-env", "FID_URL", "--name", "fidelity", "-o", str(out)], env={"FID_URL": url}
    )
    assert result.exit_code == 0, result.output
    return load_file(out, "fidelity.yml", {}).database


_PEOPLE_OR_STATISTICS = {"comment", "description", "purpose", "row_estimate", "size_bytes"}


def _facts(value: Any) -> Any:
    """The model as data, without text (a snapshot writes the database's comments as descriptions) or statistics."""
    data = to_data(value)

    def strip(item: Any) -> Any:
        if isinstance(item, dict):
            return {k: strip(v) for k, v in item.items() if k not in _PEOPLE_OR_STATISTICS}
        if isinstance(item, list):
            return [strip(v) for v in item]
        return item

    return strip(data)


@pytest.mark.parametrize(
    "engine", [pytest.param("pg", marks=pytest.mark.postgres), pytest.param("mariadb", marks=pytest.mark.mariadb)]
)
def test_yaml_says_the_same_after_a_snapshot(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    url, live = request.getfixturevalue(engine)
    described = _snapshot(url, tmp_path)
    assert described.origin is Origin.YAML
    assert _facts(described.domains) == _facts(live.domains)
    assert [t.key for t in described.tables] == [t.key for t in live.tables]
    for table in live.tables:
        assert _facts(described.table(table.key)) == _facts(table), table.key
    if engine == "pg":  # what the database says in comments comes back as the file's descriptions
        child, booking = described.table("child"), described.table("booking")
        assert child is not None and booking is not None
        assert [fk.description for fk in child.foreign_keys] == [None, "Tenant link"]
        assert [c.comment for c in child.check_constraints] == ["Small q"]
        assert [t.comment for t in booking.triggers] == ["Keeps it fresh"]
        assert [x.comment for x in booking.exclusion_constraints] == ["No double booking"]
