"""Benchmark: the plugin's live read of a 1,000-table schema against each engine's own tool.

    python bench/live_read.py [--tables 1000] [--runs 7] [--engines postgresql,mariadb,sqlite]

Creates a throwaway database per engine (PostgreSQL and MariaDB on 127.0.0.1, as in the tests;
SQLite in a temporary folder), loads the generated schema (8-15 columns per table, foreign keys,
indexes, comments), then times, alternating runs so both sides see the same machine load:

- PostgreSQL: `read_database` vs `pg_dump --schema-only`        (target <= 0.8x), on the generated
  schema and on a "dense" one where every table has a foreign key, a comment and two indexes
- MariaDB:    `read_database` vs `mariadb-dump --no-data`        (target <= 0.3x)
- SQLite:     `read_database` vs SQLAlchemy's six `get_multi_*` calls on the same file (target <= 0.10x)

Prints the median of each, the ratio, the number of SQL statements one read sends (the same for
any number of tables: tests/test_live_queries.py), and the machine's load: the machine is shared, compare ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas import ddl, generate

from mkdocs_dbcatalog.sources.live import LiveOptions, read_database

PG_ADMIN = os.environ.get("DBCATALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
MARIADB_ADMIN = os.environ.get("DBCATALOG_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/mysql")
TARGETS = {"postgresql": 0.8, "postgresql-dense": 0.8, "mariadb": 0.3, "sqlite": 0.10}


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def compare(name: str, ours: Callable[[], object], baseline: Callable[[], object], runs: int) -> dict[str, float]:
    ours()  # warm caches on both sides before measuring
    baseline()
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        theirs.append(timed(baseline))
    return {"ours": statistics.median(mine), "baseline": statistics.median(theirs)}


def count_statements(read: Callable[[], object]) -> int:
    count = 0

    def listener(*_: object) -> None:
        nonlocal count
        count += 1

    event.listen(sa.Engine, "before_cursor_execute", listener)
    try:
        read()
    finally:
        event.remove(sa.Engine, "before_cursor_execute", listener)
    return count


def dense_ddl(tables: int) -> list[str]:
    """Every table with a foreign key (to the one before), a comment and two indexes."""
    out = []
    for i in range(tables):
        parent = f"d{i - 1:04d}" if i else None
        out.append(
            f"CREATE TABLE d{i:04d} (id bigint PRIMARY KEY, parent_id bigint"
            + (f" REFERENCES {parent} (id)" if parent else "")
            + ", code varchar(40) NOT NULL, note text, created timestamp DEFAULT now())"
        )
        out.append(f"COMMENT ON TABLE d{i:04d} IS 'Dense table {i}'")
        out.append(f"CREATE INDEX ix_d{i:04d}_parent ON d{i:04d} (parent_id)")
        out.append(f"CREATE UNIQUE INDEX ix_d{i:04d}_code ON d{i:04d} (lower(code))")
    return out


@contextmanager
def temporary_postgresql(tables: int, statements: list[str] | None = None) -> Iterator[str]:
    """The URL of a throwaway PostgreSQL database holding the generated schema, dropped afterwards."""
    name = f"dbc_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(";\n".join(statements or ddl(generate(tables), "postgresql")))
            conn.exec_driver_sql("ANALYZE")
        engine.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run_postgresql(tables: int, runs: int, dense: bool = False) -> dict[str, float]:
    with temporary_postgresql(tables, dense_ddl(tables) if dense else None) as url:
        parsed = sa.make_url(url)
        dump = [
            "pg_dump",
            "--schema-only",
            "-h",
            parsed.host or "127.0.0.1",
            "-p",
            str(parsed.port or 5432),
            "-U",
            parsed.username or "postgres",
            parsed.database or "",
        ]
        result = compare(
            "postgresql",
            lambda: read_database("bench", url),
            lambda: subprocess.run(dump, check=True, stdout=subprocess.DEVNULL),
            runs,
        )
        result["queries"] = count_statements(lambda: read_database("bench", url))
        return result


def run_mariadb(tables: int, runs: int) -> dict[str, float]:
    name = f"dbc_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(MARIADB_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE `{name}`")
    url = MARIADB_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for statement in ddl(generate(tables), "mysql"):
                conn.exec_driver_sql(statement)
        engine.dispose()
        parsed = sa.make_url(url)
        dump = [
            "mariadb-dump",
            "--no-data",
            "-h",
            parsed.host or "127.0.0.1",
            "-P",
            str(parsed.port or 3306),
            "-u",
            parsed.username or "root",
            name,
        ]
        result = compare(
            "mariadb",
            lambda: read_database("bench", url),
            lambda: subprocess.run(dump, check=True, stdout=subprocess.DEVNULL),
            runs,
        )
        result["queries"] = count_statements(lambda: read_database("bench", url))
        return result
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS `{name}`")
        admin.dispose()


def run_sqlite(tables: int, runs: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="dbc_bench_"))
    try:
        path = folder / "bench.db"
        with sqlite3.connect(path) as conn:
            conn.executescript(";\n".join(ddl(generate(tables), "sqlite")) + ";")
        url = f"sqlite:///{path}"

        def reflect() -> None:
            engine = sa.create_engine(url)
            with engine.connect() as conn:
                inspector = sa.inspect(conn)
                inspector.get_multi_columns()
                inspector.get_multi_pk_constraint()
                inspector.get_multi_foreign_keys()
                inspector.get_multi_indexes()
                inspector.get_multi_unique_constraints()
                inspector.get_multi_check_constraints()
            engine.dispose()

        result = compare("sqlite", lambda: read_database("bench", url, LiveOptions()), reflect, runs)
        result["queries"] = count_statements(lambda: read_database("bench", url))
        result["baseline_queries"] = count_statements(reflect)
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--engines", default="postgresql,postgresql-dense,mariadb,sqlite")
    args = parser.parse_args()
    runners: dict[str, Callable[[int, int], dict[str, float]]] = {
        "postgresql": run_postgresql,
        "postgresql-dense": lambda tables, runs: run_postgresql(tables, runs, dense=True),
        "mariadb": run_mariadb,
        "sqlite": run_sqlite,
    }
    baselines = {
        "postgresql": "pg_dump --schema-only",
        "postgresql-dense": "pg_dump --schema-only (FK, comment, 2 indexes per table)",
        "mariadb": "mariadb-dump --no-data",
        "sqlite": "SQLAlchemy get_multi_*",
    }
    load = os.getloadavg()[0]
    print(f"{args.tables} tables, median of {args.runs} alternating runs, load {load:.1f} on {os.cpu_count()} cores")
    print(f"{'engine':<17} {'plugin':>9} {'baseline':>9} {'ratio':>7} {'target':>7} {'queries':>8}  baseline")
    failed = False
    for engine in args.engines.split(","):
        result = runners[engine](args.tables, args.runs)
        ratio = result["ours"] / result["baseline"]
        ok = ratio <= TARGETS[engine]
        failed |= not ok
        extra = f" ({int(result['baseline_queries'])} queries)" if "baseline_queries" in result else ""
        print(
            f"{engine:<17} {result['ours']:>8.3f}s {result['baseline']:>8.3f}s {ratio:>6.2f}x {TARGETS[engine]:>6.2f}x"
            f" {int(result['queries']):>8}  {baselines[engine]}{extra}{'' if ok else '  MISSED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
