"""DuckDB read live, compared with what DuckDB's own information_schema reports.

The files are real DuckDB databases made here from tests/data/duckdb/ (Chinook and Sakila with the
edits DuckDB needs, see the README there).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

duckdb = pytest.importorskip("duckdb")

from mkdocs_dbcatalog.catalog.model import TableKind  # noqa: E402
from mkdocs_dbcatalog.errors import DatabaseError  # noqa: E402
from mkdocs_dbcatalog.sources.live import LiveOptions, read_database  # noqa: E402
from mkdocs_dbcatalog.sources.live import duckdb as reader  # noqa: E402
from mkdocs_dbcatalog.sources.live.session import Limits, describe_failure  # noqa: E402

from .livedata import Shape, shape  # noqa: E402

DATA = Path(__file__).parent / "data" / "duckdb"


def duckdb_file(tmp_path: Path, script: str, extra: str = "") -> Path:
    path = tmp_path / f"{Path(script).stem}.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute((DATA / script).read_text(encoding="utf-8") + extra)
    return path


def duckdb_truth(path: Path) -> Shape:
    """Tables, columns, keys and indexes from information_schema (and duckdb_indexes() for indexes,
    which information_schema does not have)."""
    truth: Shape = {}
    with duckdb.connect(str(path), read_only=True) as conn:
        q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
        for name, kind in q("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"):
            truth[name] = {
                "kind": "view" if kind == "VIEW" else "table",
                "columns": [],
                "primary_key": None,
                "foreign_keys": [],
                "indexes": [],
            }
        for table, column, type_, nullable, default in q(
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ):
            truth[table]["columns"].append((column, type_, nullable == "YES", default))
        keys: dict[tuple[str, str], list[str]] = {}
        for table, name, column in q(
            "SELECT table_name, constraint_name, column_name FROM information_schema.key_column_usage "
            "WHERE table_schema = 'main' ORDER BY table_name, constraint_name, ordinal_position"
        ):
            keys.setdefault((table, name), []).append(column)
        for table, name, kind in q(
            "SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints "
            "WHERE table_schema = 'main'"
        ):
            if kind == "PRIMARY KEY":
                truth[table]["primary_key"] = (tuple(keys[(table, name)]), name)
        for name, unique_name, delete, update in q(
            "SELECT constraint_name, unique_constraint_name, delete_rule, update_rule "
            "FROM information_schema.referential_constraints WHERE constraint_schema = 'main'"
        ):
            (table, columns), (target, target_columns) = next(
                (t, c) for (t, n), c in keys.items() if n == name
            ), next((t, c) for (t, n), c in keys.items() if n == unique_name)
            truth[table]["foreign_keys"].append(
                (name, tuple(columns), target, tuple(target_columns), delete, update)
            )
        for table, name, unique, sql in q("SELECT table_name, index_name, is_unique, sql FROM duckdb_indexes()"):
            truth[table]["indexes"].append((name, reader.index_columns(sql), unique))
    for entry in truth.values():
        entry["foreign_keys"].sort()
        entry["indexes"].sort()
    return truth


@pytest.mark.parametrize("script", ["chinook.sql", "sakila.sql"])
def test_sample_matches_what_duckdb_reports(tmp_path: Path, script: str) -> None:
    path = duckdb_file(tmp_path, script)
    database = read_database("sample", f"duckdb:///{path}")
    truth = duckdb_truth(path)
    read = shape(database)
    assert sorted(read) == sorted(truth)
    for key in truth:
        assert read[key] == truth[key], key
    counts = {"chinook.sql": (11, 0, 11, 11), "sakila.sql": (16, 5, 21, 24)}[script]
    tables = [t for t in database.tables if t.kind is TableKind.TABLE]
    views = [t for t in database.tables if t.kind is TableKind.VIEW]
    assert (len(tables), len(views)) == counts[:2]
    assert sum(len(t.foreign_keys) for t in tables) == counts[2]
    assert sum(len(t.indexes) for t in tables) == counts[3]
    assert database.engine == "duckdb" and database.version == duckdb.__version__
    assert database.host is None and database.port is None and database.size_bytes
    if script == "sakila.sql":
        film_list = database.table("film_list")
        assert film_list is not None and film_list.definition is not None
        assert film_list.definition.startswith("SELECT") and "CREATE" not in film_list.definition


FEATURES = """
CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SEQUENCE invoice_ids;
CREATE TABLE billing.invoice (
    id BIGINT DEFAULT nextval('invoice_ids') PRIMARY KEY,
    customer_id INT NOT NULL REFERENCES billing.customer_ref (id),
    total DECIMAL(10, 2) CHECK (total >= 0),
    net DECIMAL(10, 2) GENERATED ALWAYS AS (total / 1.2) VIRTUAL,
    code VARCHAR UNIQUE,
    feeling mood
);
COMMENT ON TABLE billing.invoice IS 'One row per invoice | with a pipe
and a second line';
COMMENT ON COLUMN billing.invoice.total IS 'Gross, <b>in EUR</b>';
CREATE INDEX invoice_by_code ON billing.invoice (lower(code), customer_id);
CREATE VIEW billing.big AS SELECT id, total FROM billing.invoice WHERE total > 100;
COMMENT ON VIEW billing.big IS 'Large invoices';
CREATE TABLE filler AS SELECT range AS n FROM range(2500);
"""


def test_comments_checks_generated_columns_enums_views_and_other_schemas(tmp_path: Path) -> None:
    path = tmp_path / "features.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute("CREATE SCHEMA billing; CREATE TABLE billing.customer_ref (id INT PRIMARY KEY);")
        conn.execute(FEATURES.replace("CREATE SCHEMA billing;", ""))
        conn.execute("CHECKPOINT")
    database = read_database("features", f"duckdb:///{path}", LiveOptions(schemas=("main", "billing")))
    invoice = database.table("billing.invoice")
    assert invoice is not None
    assert invoice.comment == "One row per invoice | with a pipe\nand a second line"
    columns = {c.name: c for c in invoice.columns}
    assert columns["total"].comment == "Gross, <b>in EUR</b>" and columns["total"].type == "DECIMAL(10,2)"
    assert columns["id"].default == "nextval('invoice_ids')" and columns["id"].identity == "sequence"
    assert columns["net"].generated is not None and "total" in columns["net"].generated
    assert columns["net"].generation == "virtual" and columns["net"].default is None
    assert columns["feeling"].type == "ENUM('sad', 'ok', 'happy')"
    assert [c.expression for c in invoice.check_constraints] == ["(total >= 0)"]
    assert [u.columns for u in invoice.unique_constraints] == [("code",)]
    assert [(f.columns, f.target.key, f.target_columns) for f in invoice.foreign_keys] == [
        (("customer_id",), "billing.customer_ref", ("id",))
    ]
    assert [(i.name, i.columns) for i in invoice.indexes] == [("invoice_by_code", ("lower(code)", "customer_id"))]
    big = database.table("billing.big")
    assert big is not None and big.kind is TableKind.VIEW and big.comment == "Large invoices"
    assert big.definition == "SELECT id, total FROM billing.invoice WHERE (total > 100)"
    assert [(e.name, e.values, e.schema) for e in database.enums] == [("mood", ("sad", "ok", "happy"), None)]
    filler = database.table("filler")
    assert filler is not None and filler.row_estimate == 2500
    assert database.schemas == ("main", "billing")


def test_the_file_is_opened_read_only_and_left_unchanged(tmp_path: Path) -> None:
    path = duckdb_file(tmp_path, "chinook.sql")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    target = reader_target(path)
    with reader.read_only(target) as conn, pytest.raises(duckdb.Error, match="read-only"):
        conn.execute("CREATE TABLE intruder (x INT)")
    read_database("sample", f"duckdb:///{path}")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob("*.wal"))


def test_a_fixed_number_of_queries_whatever_the_table_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = reader.run

    def counting(conn: Any, limits: Limits, sql: str, params: dict[str, Any]) -> list[Any]:
        calls.append(sql)
        return original(conn, limits, sql, params)

    monkeypatch.setattr(reader, "run", counting)
    small = duckdb_file(tmp_path, "chinook.sql")
    big = tmp_path / "big.duckdb"
    with duckdb.connect(str(big)) as conn:
        conn.execute("CREATE TABLE t0 (id INT PRIMARY KEY)")
        for i in range(1, 60):
            conn.execute(f"CREATE TABLE t{i} (id INT PRIMARY KEY, p INT REFERENCES t0 (id))")
            conn.execute(f"CREATE INDEX i{i} ON t{i} (p)")
    counts = []
    for path in (small, big):
        calls.clear()
        read_database("x", f"duckdb:///{path}")
        counts.append(len(calls))
    assert counts == [reader.QUERIES, reader.QUERIES]


def reader_target(path: Path) -> Any:
    from mkdocs_dbcatalog.sources.live.session import Target
    from mkdocs_dbcatalog.urls import parse

    return Target("sample", parse(f"duckdb:///{path}"))


def test_a_query_past_the_statement_timeout_is_interrupted(tmp_path: Path) -> None:
    path = duckdb_file(tmp_path, "chinook.sql")
    limits = Limits(statement_timeout=0.2)
    target = reader_target(path)
    with reader.read_only(target) as conn, pytest.raises(duckdb.Error) as raised:
        reader.run(conn, limits, "SELECT count(*) FROM range(100000000000) a", {})
    message = str(describe_failure(target, raised.value, limits))
    assert "longer than statement_timeout (0.2 s)" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("duckdb:///:memory:", "a live DuckDB database must be a file"),
        ("duckdb:///missing.duckdb", "missing.duckdb does not exist"),
        ("duckdb:///not-duckdb.duckdb", "not a valid DuckDB database file"),
    ],
)
def test_bad_files_are_one_clear_error(tmp_path: Path, url: str, expected: str) -> None:
    (tmp_path / "not-duckdb.duckdb").write_text("hello " * 100)
    with pytest.raises(DatabaseError) as raised:
        read_database("warehouse", url, LiveOptions(base=tmp_path))
    assert expected in str(raised.value) and "database 'warehouse'" in str(raised.value)


def test_a_file_open_for_writing_elsewhere_says_so(tmp_path: Path) -> None:
    path = duckdb_file(tmp_path, "chinook.sql")
    writer = duckdb.connect(str(path))  # this process holds it open read-write
    try:
        with pytest.raises(DatabaseError, match="another process has the file open for writing"):
            read_database("sample", f"duckdb:///{path}")
    finally:
        writer.close()


def test_an_unknown_schema_names_the_ones_there(tmp_path: Path) -> None:
    path = duckdb_file(tmp_path, "chinook.sql")
    with pytest.raises(DatabaseError, match=r"schema 'sales' does not exist.*schemas in this file: main"):
        read_database("sample", f"duckdb:///{path}", LiveOptions(schemas=("sales",)))


def test_applied_migrations_are_read_from_the_bookkeeping_table(tmp_path: Path) -> None:
    from mkdocs_dbcatalog.sources.migrations import Bookkeeping

    path = duckdb_file(tmp_path, "chinook.sql", "CREATE TABLE schema_migrations (version BIGINT, dirty BOOLEAN);"
                       "INSERT INTO schema_migrations VALUES (20240102030405, false);")
    database = read_database("sample", f"duckdb:///{path}", bookkeeping=Bookkeeping("golang-migrate"))
    applied = database.applied
    assert applied is not None and applied.exists and applied.readable, applied
    assert [row.key for row in applied.rows] == ["20240102030405"]
    assert database.table("schema_migrations") is not None
    missing = read_database("sample", f"duckdb:///{path}", bookkeeping=Bookkeeping("alembic")).applied
    assert missing is not None and not missing.exists and missing.rows == ()
    wrong = read_database("sample", f"duckdb:///{path}", bookkeeping=Bookkeeping("alembic", "track")).applied
    assert wrong is not None and not wrong.readable and "has no version_num column" in wrong.problems[0]
