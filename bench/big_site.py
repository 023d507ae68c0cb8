"""10,000 tables: a site of one 10,000-table database builds on this machine; time and peak memory.

    python bench/big_site.py [--tables 10000]

Writes one YAML database file of `--tables` tables (8-15 columns with descriptions, foreign keys and
indexes, as bench/build_scale.py) into a Material site (search on, diagrams on, one page per table)
and runs `mkdocs build` in a process of its own, whose peak resident memory is read with
`resource.getrusage(RUSAGE_CHILDREN)` once it ends. Then it checks that the pages stay readable:
every table has its page, the database page draws at most `diagrams.max_diagrams` diagrams of at most
`diagrams.max_tables` tables each (plus at most as many name-only stubs; the rest is the map and
lists), and so does every table page.

Target (issue 14 item 6): the build finishes, with a peak RSS of at most 1.5 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import MARKDOWN, catalog_yaml, missed

RSS_TARGET = 1.5 * 2**30
MAX_TABLES, MAX_DIAGRAMS = 30, 10
"""The plugin's defaults (`diagrams.max_tables`, `diagrams.max_diagrams`)."""
DIAGRAM = re.compile(r'<script type="text/plain" class="dbcatalog-mermaid">(.*?)</script>', re.S)
BOX = re.compile(r'^\s*t\d+\["[^"]*"\]\s*\{', re.M)
"""A table's box with its columns; a stub (a table drawn in another block) is its name only, and a
block holds at most `max_tables` of each."""


def write_site(root: Path, tables: int) -> None:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    (root / "catalog").mkdir()
    (root / "catalog" / "big.yml").write_text(catalog_yaml("big", tables, random.Random(tables)))
    config = {"site_name": "Bench", "theme": {"name": "material"}, "plugins": ["search", "dbcatalog"], **MARKDOWN}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))


def diagram_sizes(page: Path) -> list[int]:
    """Tables drawn (with their columns) in each diagram of a built page."""
    return [len(BOX.findall(source)) for source in DIAGRAM.findall(page.read_text(encoding="utf-8"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        write_site(root, args.tables)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet"],
            cwd=root, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kB on Linux
        built = root / "site" / "databases" / "big"
        table_pages = sum(1 for _ in built.glob("*/index.html"))
        database = built / "index.html"
        on_database = diagram_sizes(database)
        largest_table_page = max((max(diagram_sizes(p), default=0) for p in built.glob("*/index.html")), default=0)
        site_bytes = sum(f.stat().st_size for f in (root / "site").rglob("*") if f.is_file())
        print(f"{args.tables} tables: build {elapsed:.1f} s, peak RSS {peak / 2**20:.0f} MB, "
              f"site {site_bytes / 2**20:.0f} MB, {table_pages} table pages")
        print(f"database page: {database.stat().st_size / 2**20:.1f} MB, {len(on_database)} diagrams "
              f"(at most {MAX_DIAGRAMS}), the largest of {max(on_database, default=0)} tables (at most {MAX_TABLES}); "
              f"largest table page diagram: {largest_table_page} tables")
        readable = (
            table_pages == args.tables
            and len(on_database) <= MAX_DIAGRAMS
            and max(on_database, default=0) <= MAX_TABLES
            and largest_table_page <= MAX_TABLES
        )
        print(f"pages readable (every table page; overview and splitting limits hold){missed(readable)}")
        print(f"peak RSS {peak / 2**30:.2f} GB (target <= {RSS_TARGET / 2**30:.1f} GB){missed(peak <= RSS_TARGET)}")


if __name__ == "__main__":
    main()
