"""Linear everywhere: the build of 1,000, 2,000 and 4,000 tables, with and without `table_pages`.

    python bench/linearity.py [--runs 3] [--sizes 1000 2000 4000]

Each site is the one of bench/build_scale.py (a Material site, search on, diagrams on, 4 YAML
databases), built with one page per table (`table_pages: true`) and with every table as a section of
its database's page (`table_pages: false`). Runs alternate between all the sites, so each sees the
same machine load; each figure is a median of CPU seconds (build_scale.timed_build). For every
doubling it prints the growth of the build time and of the site's bytes.

Target (issue 14 item 3): each doubling costs at most 2.1x in time and in bytes, in both layouts.
`table_pages: false` used to be quadratic: the search plugins looked each section of the one big
page up in its table of contents from the top (see mkdocs_dbcatalog/searchview.py).
"""

from __future__ import annotations

import argparse
import itertools
import logging
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import missed, size_of, timed_build, write_site

TARGET = 2.1
"""Growth per doubling, in time and in bytes."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    layouts = {"table_pages: true": True, "table_pages: false": False}
    times: dict[tuple[str, int], list[float]] = {}
    sizes: dict[tuple[str, int], int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for (layout, pages), tables in itertools.product(layouts.items(), args.sizes):
            root = Path(tmp) / f"{'pages' if pages else 'sections'}{tables}"
            write_site(root, tables, table_pages=pages)
            sites[layout, tables] = root
        for _ in range(args.runs):
            for key, root in sites.items():
                times.setdefault(key, []).append(timed_build(root))
                sizes[key] = size_of(root / "site")
                shutil.rmtree(root / "site")
    print(f"{'layout':<20} {'tables':>7} {'CPU s':>8} {'site MB':>8}")
    for (layout, tables), values in times.items():
        print(f"{layout:<20} {tables:>7} {statistics.median(values):>8.2f} {sizes[layout, tables] / 2**20:>8.1f}")
    print()
    for layout in layouts:
        for small, large in itertools.pairwise(sorted(args.sizes)):
            growth = statistics.median(times[layout, large]) / statistics.median(times[layout, small])
            size_growth = sizes[layout, large] / sizes[layout, small]
            limit = TARGET * (large / small) / 2
            print(
                f"{layout}: {large} vs {small} tables: build {growth:.2f}x, site size {size_growth:.2f}x "
                f"(target <= {limit:.2f}x){missed(max(growth, size_growth) <= limit)}"
            )


if __name__ == "__main__":
    main()
