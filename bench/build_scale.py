"""How the build grows with the catalog: 1,000 and 2,000 tables, built with Material.

    python bench/build_scale.py [--runs 3] [--sizes 1000 2000]

For each size it generates a YAML catalog (4 databases, 8-15 columns per table, foreign keys and
indexes), then measures, as medians over the runs:

- the full `mkdocs build` of a Material site with the plugin;
- the plugin's own share: its `on_config`, which reads and checks the YAML and renders every page;
- the baseline: the same pages written as static Markdown files, built by MkDocs without the plugin.

Times are CPU seconds of the build (`time.process_time()`): the machine is shared, and a build is
single-threaded and CPU-bound, so waiting for a core would only add noise.

Targets: a generated site builds in at most 0.6x its static twin (issue 14 item 1: the twin is the very
same pages, their HTML blocks written into the Markdown, built without the plugin); 2,000 tables cost
at most 2.1x 1,000 tables in time and bytes (issue 14 item 3). Each line prints MISSED when missed.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import logging
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_dbcatalog.pages import GeneratedPage

DATABASES = 4
MARKDOWN = {
    "markdown_extensions": [
        "admonition",
        "attr_list",
        {"toc": {"permalink": True}},
        {"pymdownx.superfences": {}},
    ]
}


def catalog_yaml(database: str, tables: int, rng: random.Random) -> str:
    described: dict[str, object] = {}
    names = [f"{database}_t{i:04d}" for i in range(tables)]
    for i, name in enumerate(names):
        columns: dict[str, object] = {"id": {"type": "bigint", "nullable": False, "primary_key": True}}
        for c in range(rng.randint(7, 14)):
            columns[f"col_{c}"] = {
                "type": rng.choice(["integer", "text", "varchar(255)", "timestamptz", "boolean", "numeric(12,2)"]),
                "nullable": rng.random() < 0.5,
                "description": f"Column {c} of {name}, documented.",
            }
        spec: dict[str, object] = {"purpose": f"Table {i} of {database}.", "row_estimate": rng.randint(0, 10**7)}
        fks = []
        for k in range(rng.randint(0, 3) if i else 0):
            target = names[rng.randrange(i)]
            columns[f"ref_{k}_id"] = {"type": "bigint", "nullable": True}
            fks.append({"columns": [f"ref_{k}_id"], "references": f"{target}(id)", "on_delete": "CASCADE"})
        spec["columns"] = columns
        spec["foreign_keys"] = fks
        spec["indexes"] = [{"name": f"ix_{name}_{c}", "columns": [f"col_{c}"], "type": "btree"} for c in range(2)]
        described[name] = spec
    return yaml.safe_dump(
        {"database": database, "service": f"{database}-service", "engine": "postgresql", "tables": described},
        sort_keys=False,
    )


def write_site(root: Path, tables: int, **options: object) -> None:
    """A Material site of `tables` tables in 4 YAML databases; `options` are the plugin's (table_pages...)."""
    rng = random.Random(tables)
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    (root / "catalog").mkdir()
    for d in range(DATABASES):
        name = f"db{d}"
        (root / "catalog" / f"{name}.yml").write_text(catalog_yaml(name, tables // DATABASES, rng))
    plugin: object = {"dbcatalog": options} if options else "dbcatalog"
    config = {"site_name": "Bench", "theme": {"name": "material"}, "plugins": ["search", plugin], **MARKDOWN}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))


def plugin_pages(root: Path) -> tuple[float, list[GeneratedPage]]:
    """What the plugin adds to a build, timed: its `on_config`, which reads, checks, merges and renders
    every page's Markdown (the rest of its events only hand those pages to MkDocs)."""
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["dbcatalog"]
    start = time.process_time()
    plugin.on_config(config)
    elapsed = time.process_time() - start
    fragments = plugin.renderer.fragments
    return elapsed, [dataclasses.replace(p, content=fragments.expand(p.content)) for p in plugin.pages]


def write_static_twin(root: Path, twin: Path) -> None:
    """The same generated pages as plain Markdown files: what the site costs without the plugin."""
    (twin / "docs").mkdir(parents=True)
    (twin / "docs" / "index.md").write_text("# Home\n")
    nav_pages = []
    for page in plugin_pages(root)[1]:
        target = twin / "docs" / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content)
        if page.in_nav:
            nav_pages.append(page.src_uri)
    static = {
        "site_name": "Bench",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "nav": ["index.md", {"Database Catalog": nav_pages}],
        "not_in_nav": "/databases/*/*.md\n!/databases/*/index.md",
        "validation": {"nav": {"omitted_files": "ignore"}},
        **MARKDOWN,
    }
    (twin / "mkdocs.yml").write_text(yaml.safe_dump(static, sort_keys=False))


def timed_build(root: Path) -> float:
    """CPU seconds of one build (this process): on a shared machine, waiting for a core is not the build's."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    start = time.process_time()
    build(config)
    return time.process_time() - start


def size_of(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for tables in args.sizes:
            root, twin = Path(tmp) / f"site{tables}", Path(tmp) / f"static{tables}"
            write_site(root, tables)
            write_static_twin(root, twin)
            builds, plugin, static = [], [], []
            for _ in range(args.runs):  # alternating, so both see the same machine
                builds.append(timed_build(root))
                plugin.append(plugin_pages(root)[0])
                static.append(timed_build(twin))
            results[tables] = {
                "build": statistics.median(builds),
                "plugin": statistics.median(plugin),
                "static": statistics.median(static),
                "size": size_of(root / "site"),
                "static_size": size_of(twin / "site"),
                "pages": sum(1 for _ in (root / "site" / "databases").rglob("index.html")),
            }
            shutil.rmtree(root / "site")
            shutil.rmtree(twin / "site")
    print(f"{'tables':>7} {'pages':>6} {'CPU s':>8} {'plugin s':>9} {'share':>6} {'static s':>9} "
          f"{'vs static':>9} {'site MB':>8} {'static MB':>9}")
    for tables, r in results.items():
        print(
            f"{tables:>7} {r['pages']:>6} {r['build']:>8.2f} {r['plugin']:>9.2f} {r['plugin'] / r['build']:>6.1%} "
            f"{r['static']:>9.2f} {r['build'] / r['static']:>8.2f}x {r['size'] / 2**20:>8.1f} "
            f"{r['static_size'] / 2**20:>9.1f}"
        )
    print()
    for tables, r in results.items():
        ratio = r["build"] / r["static"]
        print(f"{tables} tables: generated vs static twin {ratio:.2f}x (target <= 0.6x){missed(ratio <= 0.6)}")
    ordered = sorted(results)
    for small, large in itertools.pairwise(ordered):
        growth = results[large]["build"] / results[small]["build"]
        size_growth = results[large]["size"] / results[small]["size"]
        limit = 2.1 * (large / small) / 2  # 2.1x per doubling
        print(
            f"{large} vs {small} tables: build {growth:.2f}x, site size {size_growth:.2f}x "
            f"(target <= {limit:.2f}x){missed(max(growth, size_growth) <= limit)}"
        )
    sys.exit(0)


def missed(met: bool) -> str:
    return "" if met else "  MISSED"


if __name__ == "__main__":
    main()
