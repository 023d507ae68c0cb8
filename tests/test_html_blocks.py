"""Generated tables are HTML placed after Markdown conversion: links, search and embedding still hold."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from .sitebuilder import SiteBuilder, main_content

CATALOG = """
database: shop
service: shop-service
tables:
  customers:
    purpose: People who buy.
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: Primary key}
      email_address: {type: varchar(255), nullable: false, description: Where receipts go}
  orders:
    purpose: One row per order.
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
      customer_id: {type: bigint, nullable: false, references: customers.id, description: Who ordered}
    indexes:
      - {name: idx_orders_customer, columns: [customer_id], type: btree, purpose: Orders of a customer}
references:
  - {from: orders.customer_id, to: billing/accounts.id, description: Paying account}
"""

BILLING = """
database: billing
tables:
  accounts:
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
"""


def _site(site: SiteBuilder, **options: object) -> SiteBuilder:
    site.catalog("shop", CATALOG)
    site.catalog("billing", BILLING)
    site.write("docs/guide/ops.md", "# Operations\n\n!!! note\n\n    <!-- dbcatalog:columns shop/orders -->\n")
    site.mkdocs_yml(options.pop("plugin", None), theme="material", extra=options)  # type: ignore[arg-type]
    return site


def _broken_links(site_dir: Path) -> list[str]:
    """Every link of every built page that points at no page (or no heading id) of the site."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))
        return ids[page]

    broken = []
    for page in site_dir.rglob("*.html"):
        if "assets" in page.parts or page.name == "404.html":
            continue
        for href in re.findall(r'href="([^"]*)"', main_content(page.read_text(encoding="utf-8"))):
            if re.match(r"[a-z]+:", href):
                continue
            path, _, anchor = href.partition("#")
            target = page if not path else Path(posixpath.normpath(page.parent / path))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or (anchor and anchor not in ids_of(target)):
                broken.append(f"{page.relative_to(site_dir)}: {href}")
    return broken


@pytest.mark.parametrize(
    "options",
    [{}, {"use_directory_urls": False}, {"plugin": {"table_pages": False}}],
    ids=["directory-urls", "file-urls", "tables-as-sections"],
)
def test_every_link_in_the_generated_html_reaches_its_page(site: SiteBuilder, options: dict[str, object]) -> None:
    result = _site(site, **options).build()
    assert result.error is None, result.error
    assert _broken_links(result.site_dir) == []
    orders = result.html("databases/shop/index.html" if options else "databases/shop/")
    assert "customers" in orders


def test_tables_keep_the_themes_look_and_their_search_entries(site: SiteBuilder) -> None:
    result = _site(site).build()
    assert result.error is None, result.error
    page = main_content(result.html("databases/shop/orders/"))
    # A table without a class is what Material styles and wraps for scrolling (`table:not([class])`).
    assert '<table data-dbcatalog="columns">' in page and "<table class" not in page
    assert "<p>" + "\x02" not in page and "dbcatalog-html" not in page
    index = json.loads((result.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    columns = [d for d in index["docs"] if d["location"] == "databases/shop/orders/#columns"]
    assert len(columns) == 1
    text = columns[0]["text"]
    # Every cell is its own word: names, types and descriptions are found as a reader types them.
    for word in ("<code>customer_id</code>", "<code>bigint</code>", "Who ordered", "PK", "FK"):
        assert word in text
    assert "</code> <code>" in text
    titles = {d["title"] for d in index["docs"] if d["location"].startswith("databases/shop/orders/")}
    assert {"orders", "Columns", "Indexes", "Foreign Keys"} <= titles


def test_a_block_embedded_in_an_admonition_is_placed_inside_it(site: SiteBuilder) -> None:
    result = _site(site).build()
    assert result.error is None, result.error
    page = main_content(result.html("guide/ops/"))
    note = page[page.index('<div class="admonition note">') :]
    assert note.index('<table data-dbcatalog="columns">') < note.index("</div>")
    assert 'href="../../databases/shop/customers/"' in note
