"""Benchmark: an estate of 100 small PostgreSQL databases against one database of the same size.

    python bench/estate_read.py [--databases 100] [--tables 20] [--runs 3] [--connect-timeout 3]

Creates, on PostgreSQL at 127.0.0.1 (as the tests), 100 throwaway databases of 20 generated tables
each (bench/schemas.py) and one of 2,000 tables, writes a site for each (one YAML file per database,
read live; MkDocs' own theme, search on), then times whole `mkdocs build`s, alternating:

- the estate (read through the plugin's bounded pool, `concurrent_reads` at its default) against the
  one large database                                                         (target <= 1.3x);
- the estate with one database replaced by a server that accepts connections and never answers
  (`on_error: cached`, its last read on disk): what it adds to the estate's build
                                                              (target: at most connect_timeout, once).

Prints medians, ratios, the pool size and the machine's load; MISSED when a target is missed.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa
from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemas import ddl, generate

from mkdocs_dbcatalog.sources.live import default_concurrency

PG_ADMIN = os.environ.get("DBCATALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TARGET = 1.3


def create(admin: sa.Engine, name: str, tables: int) -> str:
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    statements = ddl(generate(tables), "postgresql")
    with engine.connect() as conn:
        for start in range(0, len(statements), 2000):  # one transaction's locks must fit the lock table
            conn.exec_driver_sql(";\n".join(statements[start : start + 2000]))
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return url


def write_site(root: Path, urls: dict[str, str], connect_timeout: int) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    (root / "catalog").mkdir()
    for name, url in urls.items():
        (root / "catalog" / f"{name}.yml").write_text(f"database: {name}\nconnection:\n  url: {url}\n")
    (root / "mkdocs.yml").write_text(
        "site_name: Estate\nplugins:\n  - search\n  - dbcatalog:\n"
        f"      on_error: cached\n      connect_timeout: {connect_timeout}\n"
    )
    return root / "mkdocs.yml"


def timed_build(config_file: Path) -> float:
    started = time.perf_counter()
    build(load_config(str(config_file), site_dir=str(config_file.parent / "site")))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", type=int, default=100)
    parser.add_argument("--tables", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connect-timeout", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    prefix = f"dbc_bench_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    names: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="dbc_bench_"))
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # accepted by the kernel, never answered: a server that hangs
    try:
        estate: dict[str, str] = {}
        for i in range(args.databases):
            names.append(f"{prefix}_e{i:03d}")
            estate[f"e{i:03d}"] = create(admin, names[-1], args.tables)
        names.append(f"{prefix}_big")
        big = {"big": create(admin, names[-1], args.databases * args.tables)}
        estate_site = write_site(folder / "estate", estate, args.connect_timeout)
        big_site = write_site(folder / "big", big, args.connect_timeout)
        timed_build(estate_site)  # warm up, and write every database's read to the cache
        timed_build(big_site)
        hung = dict(estate)
        hung["e000"] = sa.make_url(estate["e000"]).set(port=silent.getsockname()[1]).render_as_string(False)
        hung_root = folder / "hung"
        hung_site = write_site(hung_root, hung, args.connect_timeout)
        shutil.copytree(folder / "estate" / ".cache", hung_root / ".cache")  # e000's last good read
        times: dict[str, list[float]] = {"estate": [], "big": [], "hung": []}
        for _ in range(args.runs):
            times["estate"].append(timed_build(estate_site))
            times["big"].append(timed_build(big_site))
            times["hung"].append(timed_build(hung_site))
    finally:
        silent.close()
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    estate_t, big_t, hung_t = (statistics.median(times[k]) for k in ("estate", "big", "hung"))
    ratio = estate_t / big_t
    added = hung_t - estate_t
    ok_ratio, ok_added = ratio <= TARGET, added <= args.connect_timeout
    total = args.databases * args.tables
    print(
        f"{args.databases} databases of {args.tables} tables vs one of {total}; median of {args.runs} alternating"
        f" builds; pool of {default_concurrency()} (concurrent_reads default); load {os.getloadavg()[0]:.1f}"
        f" on {os.cpu_count()} cores"
    )
    print(f"{'build':<44} {'time':>9} {'ratio':>7} {'target':>7}")
    print(f"{f'one database of {total} tables':<44} {big_t:>8.2f}s {1:>6.2f}x")
    print(
        f"{f'{args.databases} databases of {args.tables} tables':<44} {estate_t:>8.2f}s {ratio:>6.2f}x {TARGET:>6.2f}x"
        f"{'' if ok_ratio else '  MISSED'}"
    )
    print(
        f"{'the same, one server never answering':<44} {hung_t:>8.2f}s   added {added:.2f}s"
        f" (target <= connect_timeout {args.connect_timeout} s, once){'' if ok_added else '  MISSED'}"
    )
    return 0 if ok_ratio and ok_added else 1


if __name__ == "__main__":
    raise SystemExit(main())
