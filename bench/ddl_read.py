"""Benchmark: reading a 1,000-table `pg_dump --schema-only` file against the live read of the same schema.

    python bench/ddl_read.py [--tables 1000] [--runs 7]

Creates a throwaway PostgreSQL database (127.0.0.1, as in the tests), loads the generated schema
(bench/schemas.py: 8-15 columns per table, foreign keys, indexes, comments), dumps it with
`pg_dump --schema-only`, then times, alternating runs so both sides see the same machine load:

- the plugin's read of the dump (`read_schema_files`, parsed afresh every run) vs its live read of the
  database (`read_database`)                                               (target <= 0.5x)
- the same read from the plugin's `cache_dir` when the file has not changed (a new build, or `mkdocs
  serve` started again: the read is kept on disk by the file's content hash), also against the live
  read (target <= 0.5x), and within one `mkdocs serve` (kept in memory), for information.

Prints the median of each, the ratio, and which sqlglot build parsed (compiled: `[speedups]`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from live_read import timed
from schemas import ddl, generate

from mkdocs_dbcatalog.sources.ddl import SchemaFileSettings, read_schema_files
from mkdocs_dbcatalog.sources.ddl import reader as ddl_reader
from mkdocs_dbcatalog.sources.live import read_database

PG_ADMIN = os.environ.get("DBCATALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TARGET = 0.5


def sqlglot_build() -> str:
    import sqlglot
    import sqlglot.parser

    compiled = not str(sqlglot.parser.__file__).endswith(".py")
    return f"sqlglot {sqlglot.__version__} ({'compiled' if compiled else 'pure Python: pip install .[speedups]'})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    name = f"dbc_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    folder = Path(tempfile.mkdtemp(prefix="dbc_bench_"))
    try:
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(";\n".join(ddl(generate(args.tables), "postgresql")))
            conn.exec_driver_sql("ANALYZE")
        engine.dispose()
        parsed = sa.make_url(url)
        dump = folder / "structure.sql"
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
                name,
            ],
            check=True,
        )
        settings = SchemaFileSettings(dump.name, "postgres", folder)

        def from_file() -> object:
            ddl_reader._read.clear()  # parse afresh, as a build does
            return read_schema_files("bench", settings, folder, "bench.yml")

        def live() -> object:
            return read_database("bench", url)

        tables = len(from_file().tables)  # type: ignore[attr-defined]
        live()
        mine, theirs = [], []
        for _ in range(args.runs):
            mine.append(timed(from_file))
            theirs.append(timed(live))
        cache = folder / "cache"

        def kept() -> object:
            ddl_reader._read.clear()  # a new process: only the disk cache remains
            return read_schema_files("bench", settings, folder, "bench.yml", cache)

        kept()
        disk = []
        for _ in range(args.runs):
            disk.append(timed(kept))
            theirs.append(timed(live))
        from_file()
        warm = statistics.median(timed(lambda: read_schema_files("bench", settings, folder, "b")) for _ in range(3))
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    ours, baseline, on_disk = statistics.median(mine), statistics.median(theirs), statistics.median(disk)
    ratio, disk_ratio = ours / baseline, on_disk / baseline
    print(
        f"{args.tables} tables ({tables} read), median of {args.runs} alternating runs, {sqlglot_build()},"
        f" load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"{'read':<36} {'time':>9} {'ratio':>7} {'target':>7}")
    print(
        f"{'schema file (pg_dump, parsed afresh)':<36} {ours:>8.3f}s {ratio:>6.2f}x {TARGET:>6.2f}x"
        f"{'' if ratio <= TARGET else '  MISSED'}"
    )
    print(
        f"{'schema file unchanged (cache_dir)':<36} {on_disk:>8.3f}s {disk_ratio:>6.2f}x {TARGET:>6.2f}x"
        f"{'' if disk_ratio <= TARGET else '  MISSED'}"
    )
    print(f"{'schema file unchanged (serve, memory)':<36} {warm:>8.3f}s {warm / baseline:>6.2f}x")
    print(f"{'live read (PostgreSQL)':<36} {baseline:>8.3f}s {1:>6.2f}x")
    return 0 if ratio <= TARGET and disk_ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
