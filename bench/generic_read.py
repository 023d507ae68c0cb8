"""Benchmark: the generic reader (SQLAlchemy's Inspector) against the native PostgreSQL reader.

    python bench/generic_read.py [--tables 1000] [--runs 7]

On the same generated 1,000-table schema as bench/live_read.py (PostgreSQL on 127.0.0.1), times a
whole read with each reader, each in its own read-only session as a build opens it, alternating
runs. The generic reader is what every engine without a native reader gets (SQL Server, Oracle,
Snowflake...); the native one is the baseline measured in the same run. Target: <= 2.0x.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from live_read import compare, count_statements, temporary_postgresql

from mkdocs_dbcatalog.catalog.model import Database
from mkdocs_dbcatalog.sources.live import generic, postgresql
from mkdocs_dbcatalog.sources.live.common import Scope
from mkdocs_dbcatalog.sources.live.session import Limits, Target, create_engine, read_only
from mkdocs_dbcatalog.urls import parse

TARGET = 2.0


def read_with(reader: ModuleType, url: str) -> Database:
    target, limits = Target("bench", parse(url)), Limits()
    engine = create_engine(target, limits)
    try:
        with read_only(target, engine, limits) as connection:
            database: Database = reader.read(connection, Scope(), target.where)
            return database
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with temporary_postgresql(args.tables) as url:
        result = compare("generic", lambda: read_with(generic, url), lambda: read_with(postgresql, url), args.runs)
        queries = count_statements(lambda: read_with(generic, url))
        native_queries = count_statements(lambda: read_with(postgresql, url))
    ratio = result["ours"] / result["baseline"]
    print(f"{args.tables} tables on PostgreSQL, median of {args.runs} alternating runs")
    print(f"{'reader':<8} {'time':>8} {'queries':>8}")
    print(f"{'generic':<8} {result['ours']:>7.3f}s {queries:>8}")
    print(f"{'native':<8} {result['baseline']:>7.3f}s {native_queries:>8}")
    print(f"ratio {ratio:.2f}x (target <= {TARGET:.1f}x){'' if ratio <= TARGET else '  MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
