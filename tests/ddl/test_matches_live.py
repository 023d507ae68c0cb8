"""Proof that the schema-file reader is right: the same DDL loaded into the real server, read live.

The inputs are the files users commit: `pg_dump --schema-only` of Pagila and of PostgreSQL Sakila
(partitions by inheritance), `mariadb-dump --no-data` of Sakila, and SQLite's own `.schema` of Sakila
and Chinook, each made here from the loaded dataset. Every table, column, type, nullability,
default, key, foreign key with its rules, index, comment, check, trigger, partition and enum must
be what the live reader reports, with these differences only, which a schema file cannot know:

- a view's columns have names but no type, nullability or default (the engine derives them);
- a PostgreSQL view's definition is pg_dump's text: pg_get_viewdef without pretty-printing, so with
  more parentheses and every name schema-qualified (and the live text may end with `;`); it is
  compared without parentheses, spaces, semicolons and `public.`;
- a MariaDB view's definition as mariadb-dump writes it names no database and keeps the `_utf8mb3`
  introducers of its string literals, where information_schema.VIEWS qualifies every table with the
  database and drops them; it is compared without both.

No type spelling is normalised: pg_dump, mariadb-dump and SQLite write the catalog's own spelling,
and the reader keeps the file's text. What the reader does itself, as the engines do: PostgreSQL's
default schema (`public.`) is left out of types and defaults (pg_dump qualifies them because it
empties the search path) and one pair of parentheses is taken off a check, as pg_get_constraintdef
adds it; MySQL's `DEFAULT NULL` is no default and its primary key is named PRIMARY; SQLite keeps no
names of keys and its INTEGER PRIMARY KEY is the rowid.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.model import Database, Table
from mkdocs_dbcatalog.sources.ddl import SchemaFileSettings, read_schema_files
from mkdocs_dbcatalog.sources.live import read_database

from ..conftest import DATASETS
from ..livedata import dataset, load_mariadb, load_pg, shape


def facts(table: Table, *, view_text: str | None) -> dict[str, Any]:
    """What is compared beyond `shape` (kind, columns, keys, foreign keys, indexes)."""
    definition = table.definition
    if definition and view_text:
        definition = re.sub(view_text, "", definition)
    return {
        "comment": table.comment,
        "column comments": [(c.name, c.comment, c.identity, c.generated, c.on_update) for c in table.columns],
        "checks": sorted((c.name, c.expression) for c in table.check_constraints),
        "uniques": sorted((u.name, u.columns) for u in table.unique_constraints),
        "index details": sorted((i.name, i.method, i.predicate, i.comment) for i in table.indexes),
        "triggers": sorted((t.name, t.timing, t.events) for t in table.triggers),
        "partitions": (table.partition_key, [(p.name, p.bound) for p in table.partitions]),
        "definition": definition,
        "storage": (table.engine, table.charset, table.collation, table.auto_increment),
    }


def differences(live: Database, ddl: Database, *, view_text: str | None = None) -> list[str]:
    found = []
    read, written = shape(live), shape(ddl)
    if sorted(read) != sorted(written):
        found.append(f"tables: live {sorted(set(read) - set(written))}, file {sorted(set(written) - set(read))}")
    views = {t.key for t in live.tables if t.kind.is_view}
    for key in sorted(set(read) & set(written)):
        if key in views:  # a view's columns: names only
            read[key]["columns"] = [c[0] for c in read[key]["columns"]]
            written[key]["columns"] = [c[0] for c in written[key]["columns"]]
        for aspect in read[key]:
            if read[key][aspect] != written[key][aspect]:
                found.append(f"{key} {aspect}: live {read[key][aspect]} != file {written[key][aspect]}")
        live_table, ddl_table = live.table(key), ddl.table(key)
        assert live_table is not None and ddl_table is not None
        live_facts, ddl_facts = facts(live_table, view_text=view_text), facts(ddl_table, view_text=view_text)
        for aspect, value in live_facts.items():
            if value != ddl_facts[aspect]:
                found.append(f"{key} {aspect}: live {value} != file {ddl_facts[aspect]}")
    if live.enums != ddl.enums:
        found.append(f"enums: live {live.enums} != file {ddl.enums}")
    return found


def read_file(path: Path, dialect: str) -> Database:
    database = read_schema_files("sample", SchemaFileSettings(path.name, dialect, path.parent), path.parent, "t.yml")
    (file,) = database.schema_files
    assert not file.skipped, file.skipped
    return database


@pytest.mark.postgres
@pytest.mark.parametrize("script", ["pagila/pagila-schema.sql", "sakila/postgres-sakila-schema.sql"])
def test_pg_dump_reads_as_the_live_postgresql_catalog(pg_url: str, tmp_path: Path, script: str) -> None:
    load_pg(pg_url, dataset(script, tmp_path))
    parsed = sa.make_url(pg_url)
    dump = tmp_path / "structure.sql"
    subprocess.run(
        [
            "pg_dump",
            "--schema-only",
            "-h",
            parsed.host or "127.0.0.1",
            "-p",
            str(parsed.port or 5432),
            "-U",
            parsed.username or "postgres",
            "-f",
            str(dump),
            parsed.database or "",
        ],
        check=True,
        capture_output=True,
    )
    ddl = read_file(dump, "postgres")
    assert differences(read_database("sample", pg_url), ddl, view_text=r"[()\s;]|\bpublic\.") == []
    assert all(t.incomplete is None for t in ddl.tables)


@pytest.mark.mariadb
def test_mariadb_dump_reads_as_the_live_mariadb_catalog(mariadb_url: str, tmp_path: Path) -> None:
    load_mariadb(mariadb_url, dataset("sakila/mysql-sakila-schema.sql", tmp_path))
    parsed = sa.make_url(mariadb_url)
    dump = tmp_path / "structure.sql"
    subprocess.run(
        [
            "mariadb-dump",
            "--no-data",
            "-h",
            parsed.host or "127.0.0.1",
            "-P",
            str(parsed.port or 3306),
            "-u",
            parsed.username or "root",
            "-r",
            str(dump),
            parsed.database or "",
        ],
        check=True,
        capture_output=True,
    )
    ddl = read_file(dump, "mysql")
    database = re.escape(parsed.database or "")
    assert differences(read_database("sample", mariadb_url), ddl, view_text=rf"`{database}`\.|_utf8mb[34](?=')") == []
    # mariadb-dump writes triggers inside /*!50003 ... */ comments, with DELIMITER ;;
    film = ddl.table("film")
    assert film is not None and [t.name for t in film.triggers] == ["del_film", "ins_film", "upd_film"]


@pytest.mark.parametrize("source", ["sakila/sqlite-sakila-schema.sql", "chinook/Chinook_Sqlite.sqlite"])
def test_sqlite_schema_reads_as_the_live_sqlite_catalog(tmp_path: Path, source: str) -> None:
    path = tmp_path / "data.db"
    if source.endswith(".sqlite"):
        path.write_bytes((DATASETS / source).read_bytes())
    else:
        with sqlite3.connect(path) as conn:
            conn.executescript((DATASETS / source).read_text(encoding="utf-8"))
        conn.close()
    with sqlite3.connect(path) as conn:
        schema = "".join(f"{sql};\n" for (sql,) in conn.execute("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL"))
    conn.close()
    dump = tmp_path / "schema.sql"
    dump.write_text(schema, encoding="utf-8")
    ddl = read_schema_files("sample", SchemaFileSettings("schema.sql", "sqlite", tmp_path), tmp_path, "t.yml")
    assert differences(read_database("sample", f"sqlite:///{path}"), ddl) == []
    if source.startswith("sakila"):
        # Sakila's Firebird-style `BLOB SUB_TYPE TEXT` is a valid SQLite type that sqlglot cannot parse:
        # the type is kept as written, and the two tables say what sqlglot left out.
        assert {t.key for t in ddl.tables if t.incomplete} == {"film", "film_text"}
        assert ddl.table("film").column("description").type == "BLOB SUB_TYPE TEXT"  # type: ignore[union-attr]
    assert not ddl.schema_files[0].skipped
