"""What ER diagrams cost a build: 1,000 and 2,000 tables in one database, hubs and junctions included.

    python bench/diagrams.py [--runs 5] [--sizes 1000 2000]

For each size it reads one generated YAML database file (tests/er_catalogs.py) and measures, as
medians over the runs:

- rendering every page's Markdown (catalog, database, every table) with Mermaid diagrams;
- the baseline: the same pages with the same plugin and `diagrams.enabled: false` (text summaries only);
- the diagram planning alone: the database's split into blocks, and every table's neighbourhood.

- the map that leads a large database's page: page bytes and rendering time of every page with the
  map and without it (the same pages, the map block emptied by a template override);
- packing: the `Bin.fits()` checks that splitting the database into blocks makes, and their time,
  for each doubling of the tables (1,000, 2,000, 4,000 by default; `--packing` to choose).

Targets: diagrams add at most 50% to the rendering of the pages, pages with diagrams for 2,000
tables cost at most 2.2x those for 1,000 (no quadratic step), and packing grows at most as
n log n: at most 2.2x the checks per doubling; the map adds at most 10% to the pages' bytes.

    python bench/diagrams.py --chromium [--runs 3] [--sizes 1000]

measures instead what a reader waits for in headless Chromium (Debian's `chromium`, 1,400 px wide):
the page of a generated database of `--sizes` tables in three schemas (a Material site with
`offline: true`, built once), opened afresh each run. Baseline: the page's load event. Then the map
(every table a box, and the diagram of how the groups connect) drawn by the viewer, and one ER block
(its tables and their stubs) drawn on request. Target (issue 10 item 4): the map is ready within 10 s
of opening the page, with no Mermaid error.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs_dbcatalog.catalog.model import Catalog, Database
from mkdocs_dbcatalog.catalog.relations import Relations
from mkdocs_dbcatalog.pages import generate
from mkdocs_dbcatalog.render import packing
from mkdocs_dbcatalog.render.diagrams import DiagramOptions, Diagrams
from mkdocs_dbcatalog.render.links import SiteMap
from mkdocs_dbcatalog.render.renderer import Renderer, Settings
from mkdocs_dbcatalog.sources.yamlfile import load_file
from tests.er_catalogs import big_catalog_yaml


def medians(runs: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median seconds of each piece of work; runs are interleaved so that machine load hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(runs):
        for name, work in works.items():
            gc.collect()
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


MAP_TARGET = 1.10
"""Bytes of the pages with the map / without it."""
PACKING_TARGET = 2.2
"""Checks per doubling of the tables: n log n from 1,000 to 2,000 tables is 2.2x."""


def load_big(tables: int) -> Database:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yml"
        path.write_text(big_catalog_yaml(tables, name="big"), encoding="utf-8")
        return load_file(path, "big.yml", {}).database


def packing_checks(tables: int, runs: int) -> tuple[int, float]:
    """`Bin.fits()` calls and median seconds of splitting one database into diagram blocks."""
    database = load_big(tables)
    catalog = Catalog((database,))
    counted = packing.Bin.fits
    calls = 0

    def fits(self: packing.Bin, keys: set[str]) -> bool:
        nonlocal calls
        calls += 1
        return counted(self, keys)

    packing.Bin.fits = fits  # type: ignore[method-assign]
    try:
        times = []
        for _ in range(runs):
            calls = 0
            diagrams = Diagrams(catalog, Relations(catalog), DiagramOptions())
            gc.collect()
            start = time.perf_counter()
            diagrams.database(database)
            times.append(time.perf_counter() - start)
    finally:
        packing.Bin.fits = counted  # type: ignore[method-assign]
    return calls, statistics.median(times)


def measure(tables: int, runs: int) -> dict[str, float]:
    database = load_big(tables)
    catalog = Catalog((database,))
    site = SiteMap.build(catalog, "databases", True)

    def pages(diagrams: bool) -> Callable[[], object]:
        settings = Settings(diagrams=DiagramOptions(enabled=diagrams))
        return lambda: generate(Renderer(catalog, site, settings))

    def planning() -> None:
        diagrams = Diagrams(catalog, Relations(catalog), DiagramOptions())
        diagrams.database(database)
        for table in database.tables:
            diagrams.table(database, table)

    return medians(
        runs,
        {
            "pages, text only (baseline)": pages(False),
            "pages, with diagrams": pages(True),
            "diagram planning alone": planning,
        },
    )


def map_cost(tables: int, runs: int) -> tuple[int, int, float, float]:
    """(bytes with the map, bytes without, median seconds with, without) for every page of one database."""
    database = load_big(tables)
    catalog = Catalog((database,))
    site = SiteMap.build(catalog, "databases", True)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "database.md.jinja").write_text(
            '{% extends "_base/database.md.jinja" %}{% block map %}{% endblock %}', encoding="utf-8"
        )
        with_map = Renderer(catalog, site, Settings())
        without = Renderer(catalog, site, Settings(), folder)
        sizes = [sum(len(p.content.encode()) for p in generate(r)) for r in (with_map, without)]
        times = medians(runs, {"with": lambda: generate(with_map), "without": lambda: generate(without)})
    return sizes[0], sizes[1], times["with"], times["without"]


CHROMIUM_TARGET = 10.0
"""Seconds from opening a 1,000-table database's page to its map drawn."""
MAP_READY = """
(() => { const all = window.dbcatalog.diagrams();
  const map = all.find(d => d.source === null), links = all.find(d => d.source !== null);
  return Promise.all([map.draw(), links.draw()]).then(() => ({
    boxes: document.querySelectorAll('.dbcatalog-map a[data-t]').length,
    failed: document.querySelectorAll('.dbcatalog-failed').length })); })()
"""
ER_BLOCK = "window.dbcatalog.diagrams().filter(d => d.source !== null)[1].draw().then(() => 1)"


def chromium_cost(tables: int, runs: int, width: int = 1400) -> None:
    """Print the medians of opening a large database's page in Chromium: loaded, map ready, one ER block."""
    from tests.browser import Browser, find_chromium, serve
    from tests.sitebuilder import SiteBuilder

    executable = find_chromium()
    if executable is None:
        sys.exit("headless Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        site = SiteBuilder(Path(folder))
        site.catalog("big", big_catalog_yaml(tables, schemas=3))
        theme = {"theme": {"name": "material", "font": False}}
        site.mkdocs_yml({"diagrams": {"offline": True}}, theme="material", extra=theme)
        start = time.perf_counter()
        built = site.build()
        if built.error is not None:
            sys.exit(f"the site did not build: {built.error}")
        print(f"{tables} tables in 3 schemas: site built in {time.perf_counter() - start:.1f} s")
        browser = Browser(executable, Path(folder) / "profile")
        times: dict[str, list[float]] = {"loaded": [], "map": [], "block": []}
        problems: list[str] = []
        try:
            with serve(built.site_dir) as base:
                for _ in range(runs):
                    page = browser.new_page(width, 900)
                    try:
                        start = time.perf_counter()
                        page.goto(base + "databases/big/", timeout=120)
                        times["loaded"].append(time.perf_counter() - start)
                        page.wait_for("window.dbcatalog !== undefined", timeout=60)
                        found = page.evaluate(MAP_READY, timeout=120)
                        times["map"].append(time.perf_counter() - start)
                        block = time.perf_counter()
                        page.evaluate(ER_BLOCK, timeout=300)
                        times["block"].append(time.perf_counter() - block)
                        failed = page.evaluate("document.querySelectorAll('.dbcatalog-failed').length")
                        if found["boxes"] != tables or failed or page.errors():
                            problems.append(f"{found['boxes']} boxes, {failed} failed, errors {page.errors()}")
                    finally:
                        page.close()
        finally:
            browser.close()
    loaded, ready, block = (statistics.median(times[k]) for k in ("loaded", "map", "block"))
    verdict = "" if ready <= CHROMIUM_TARGET and not problems else "  MISSED"
    print(f"Chromium at {width} px (median of {runs} runs; target: map ready <= {CHROMIUM_TARGET:.0f} s, no error)")
    print(f"  page loaded (baseline)     {loaded:7.2f} s")
    print(f"  map ready                  {ready:7.2f} s  {ready / loaded:6.2f}x the page load{verdict}")
    print(f"  one ER block with stubs    {block:7.2f} s  (drawn when the reader scrolls to it)")
    for problem in problems:
        print(f"  MISSED: {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--packing", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--chromium", action="store_true", help="what a reader waits for in Chromium instead")
    args = parser.parse_args()
    if args.chromium:
        chromium_cost(args.sizes[0], args.runs)
        return
    with_bytes, without_bytes, with_time, without_time = map_cost(args.sizes[0], args.runs)
    ratio = with_bytes / without_bytes
    verdict = "" if ratio <= MAP_TARGET else "  MISSED"
    print(f"The map of {args.sizes[0]} tables (median of {args.runs} runs; target <= {MAP_TARGET:.2f}x bytes)")
    print(f"  pages with the map     {with_bytes / 1e6:7.2f} MB  {with_time:7.3f} s")
    print(f"  pages without it       {without_bytes / 1e6:7.2f} MB  {without_time:7.3f} s")
    print(f"  with / without         {ratio:7.3f}x bytes  {with_time / without_time:7.3f}x time{verdict}")
    print(f"Packing a database into blocks (median of {args.runs} runs; target <= {PACKING_TARGET}x per doubling)")
    previous: tuple[int, int, float] | None = None
    for size in args.packing:
        calls, seconds = packing_checks(size, args.runs)
        line = f"  {size:>6} tables  {calls:>8} fits() calls  {seconds:7.3f} s"
        if previous:
            doublings = math.log2(size / previous[0])
            ratio = (calls / previous[1]) ** (1 / doublings)
            verdict = "" if ratio <= PACKING_TARGET else "  MISSED"
            per_time = (seconds / previous[2]) ** (1 / doublings)
            line += f"  x{ratio:.2f} calls, x{per_time:.2f} time per doubling{verdict}"
        print(line)
        previous = (size, calls, seconds)
    results = {size: measure(size, args.runs) for size in args.sizes}
    width = max(len(k) for r in results.values() for k in r)
    for size, result in results.items():
        print(f"{size} tables (median of {args.runs} runs)")
        for name, seconds in result.items():
            print(f"  {name:<{width}}  {seconds:7.3f} s")
        baseline = result["pages, text only (baseline)"]
        print(f"  {'diagrams / baseline':<{width}}  {result['pages, with diagrams'] / baseline:7.2f}x")
    if len(results) > 1:
        small, large = min(results), max(results)
        for name in results[small]:
            print(f"{large} / {small} tables, {name}: {results[large][name] / results[small][name]:.2f}x")


if __name__ == "__main__":
    main()
