"""Dirty builds (`mkdocs serve --dirty`, `mkdocs build --dirty`) build only the pages that changed.

Generated pages are files whose time changes with their text (dirtypages.py): editing a hand-written
page leaves every generated page as it was; editing a table's description rebuilds that table's page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .sitebuilder import SiteBuilder, main_content

CATALOG = """
database: shop
engine: postgresql
tables:
  orders:
    purpose: One row per order.
    columns:
      id: {type: bigint, primary_key: true, nullable: false}
  customers:
    purpose: People who buy.
    columns:
      id: {type: bigint, primary_key: true, nullable: false}
"""


def dirty_build(root: Path) -> None:
    """What `mkdocs build --dirty` does: the plugin told the build is dirty, the site folder kept."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        build(config, dirty=True)
    finally:  # MkDocs keeps the plugin instance for the next build of this process
        config.plugins.on_startup(command="build", dirty=False)


def stamps(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def test_only_changed_pages_are_built_again(site: SiteBuilder) -> None:
    site.catalog("shop", CATALOG)
    site.write("docs/guide.md", "# Guide\n\nFirst words.\n")
    site.mkdocs_yml()
    dirty_build(site.root)
    built = site.root / "site"
    sources = site.root / ".cache" / "plugin" / "dbcatalog" / "pages"
    assert (sources / "databases" / "shop" / "orders.md").is_file()
    _age(built, sources, site.root / "docs")
    before = stamps(built)

    site.write("docs/guide.md", "# Guide\n\nSecond words.\n")
    dirty_build(site.root)
    after = stamps(built)
    assert "Second words." in main_content((built / "guide" / "index.html").read_text())
    changed = {page for page in after if after[page] != before.get(page)}
    assert changed == {"guide/index.html"}

    _age(built, sources, site.root / "docs")
    before = stamps(built)
    site.catalog("shop", CATALOG.replace("One row per order.", "One row per placed order."))
    dirty_build(site.root)
    after = stamps(built)
    page = main_content((built / "databases" / "shop" / "orders" / "index.html").read_text())
    assert "One row per placed order." in page
    assert after["databases/shop/customers/index.html"] == before["databases/shop/customers/index.html"]
    assert after["databases/shop/orders/index.html"] != before["databases/shop/orders/index.html"]


def _age(*folders: Path) -> None:
    """Every file an hour older: a file written by the next build is then newer, whatever the clock's
    resolution, and one left alone keeps its time."""
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                when = path.stat().st_mtime - 3600
                os.utime(path, (when, when))


def test_a_rebuild_with_the_same_inputs_reuses_the_rendered_pages(site: SiteBuilder) -> None:
    """`mkdocs serve` loads the configuration again for each rebuild, with the same plugin instance:
    pages are rendered again only when something they come from changed."""
    site.catalog("shop", CATALOG)
    site.mkdocs_yml()

    def rebuild() -> Any:
        config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
        build(config)
        return config.plugins["dbcatalog"]

    plugin = rebuild()
    first = plugin.pages
    blocks = len(plugin.renderer.fragments.blocks)
    assert rebuild() is plugin  # MkDocs keeps a plugin that has on_startup
    assert plugin.pages == first
    assert len(plugin.renderer.fragments.blocks) == blocks
    reused = plugin.rendered
    rebuild()
    assert plugin.rendered is reused

    site.catalog("shop", CATALOG.replace("People who buy.", "People who pay."))
    rebuild()
    assert plugin.rendered is not reused
    page = main_content((site.root / "site" / "databases" / "shop" / "customers" / "index.html").read_text())
    assert "People who pay." in page

    site.mkdocs_yml({"title": "Data Catalog"})
    changed = plugin.rendered
    rebuild()
    assert plugin.rendered is not changed
    assert "Data Catalog" in (site.root / "site" / "databases" / "index.html").read_text()


def test_compiled_templates_are_kept_and_never_needed(site: SiteBuilder) -> None:
    """Templates compiled by one build are kept under cache_dir for the next; a cache folder that
    cannot be written changes nothing but the time."""
    site.catalog("shop", CATALOG)
    site.mkdocs_yml()
    assert site.build().error is None
    kept = list((site.root / ".cache" / "plugin" / "dbcatalog" / "templates").rglob("*.cache"))
    assert len(kept) > 10
    first = (site.root / "site" / "databases" / "shop" / "orders" / "index.html").read_text()
    assert site.build().error is None
    assert (site.root / "site" / "databases" / "shop" / "orders" / "index.html").read_text() == first

    site.write("blocked", "a file where the cache folder would go\n")
    site.mkdocs_yml({"cache_dir": "blocked/cache", "title": "Other title"})
    result = site.build()
    assert result.error is None, result.error
    assert "Other title" in (site.root / "site" / "databases" / "index.html").read_text()
