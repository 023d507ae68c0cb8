"""Viewpoints (subject areas): a page each, listed by their database and tables, safe for any name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .sitebuilder import BuildResult, SiteBuilder, main_content, text_of

SHOP = Path(__file__).parent / "data" / "er_shop"
HOSTILE = '</title><script>alert(1)</script> *Sales* & `co` {{ x }} ../../etc'

VIEWPOINTS = f"""
viewpoints:
  - name: Checkout
    description: From a cart to a paid **order**.
    tables: [orders, "order_*", coupons]
    distance: 1
    groups:
      - {{name: Lines, tables: ["order_*"]}}
  - name: {HOSTILE!r}
    tables: [customer*]
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = SiteBuilder(tmp_path_factory.mktemp("viewpoints"))
    shutil.copytree(SHOP, site.root / "catalog")
    path = site.root / "catalog" / "shop.yml"
    path.write_text(path.read_text() + VIEWPOINTS)
    site.mkdocs_yml({}, theme="material")
    result = site.build()
    assert result.error is None, result.error
    return result


def test_each_viewpoint_is_a_page_with_its_tables(shop: BuildResult) -> None:
    text = text_of(main_content(shop.html("databases/shop/viewpoints/checkout/")))
    assert text.lstrip().startswith("Checkout")
    assert "Viewpoint of shop: 3 tables." in text
    assert "From a cart to a paid **order**." in text  # written text, never Markdown
    tables = text.split("Tables", 1)[1]
    assert [name for name in ("orders", "coupons", "order_lines", "shipments") if name in tables] == [
        "orders",
        "coupons",
        "order_lines",
    ]
    assert "customers 1---* orders" not in text  # customers is only greyed around it, not a member
    assert "orders 1---* order_lines (order_id)" in text


def test_database_and_table_pages_link_their_viewpoints(shop: BuildResult) -> None:
    database = shop.html("databases/shop/")
    assert 'href="viewpoints/checkout/"' in database
    orders = text_of(main_content(shop.html("databases/shop/orders/")))
    assert "Viewpoints: Checkout" in orders
    assert "Viewpoints" not in text_of(main_content(shop.html("databases/shop/products/")))


def test_a_hostile_viewpoint_name_stays_text_everywhere(shop: BuildResult) -> None:
    folders = sorted(p.name for p in (shop.site_dir / "databases" / "shop" / "viewpoints").iterdir())
    assert folders == ["checkout", "title-script-alert-1-script-sales-co-x-..-..-etc"]
    page = shop.html("databases/shop/viewpoints/title-script-alert-1-script-sales-co-x-..-..-etc/")
    assert not [body for body in re.findall(r"<script[^>]*>(.*?)</script>", page, re.S) if "alert(1)" in body]
    assert "<script>alert(1)</script>" not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in title.group(1)
    assert text_of(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)).strip() == HOSTILE  # type: ignore[union-attr]
    database = shop.html("databases/shop/")
    assert "<script>alert(1)</script>" not in database
    assert HOSTILE in text_of(main_content(database))
    index = (shop.site_dir / "search" / "search_index.json").read_text()
    assert "<script>alert(1)</script>" not in index
