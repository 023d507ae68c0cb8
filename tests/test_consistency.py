"""One figure, one spelling, wherever it appears: coverage, counts, sizes and drift messages.

A live SQLite database (the real engine) and a YAML-only one, built with MkDocs and checked with
`mkdocs-dbcatalog check`.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import main

from .sitebuilder import SiteBuilder, text_of

SHOP = """\
database: shop
connection:
  url: sqlite:///shop.db
tables:
  orders:
    purpose: One row per order.
    columns:
      id: Order id
  order_summary:
    kind: view
    purpose: Totals per day (dropped from the database since).
"""

ARCHIVE = """\
database: archive
tables:
  small:
    size: 8192
    columns:
      id: {type: int, primary_key: true}
  bigger:
    size: 16 kB
    columns:
      id: {type: int, primary_key: true}
"""


@pytest.fixture
def built(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    with sqlite3.connect(site.root / "shop.db") as db:
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC, placed_at TEXT, note TEXT)")
        db.execute("CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (id))")
        db.execute("CREATE VIEW totals AS SELECT order_id, count(*) AS n FROM order_lines GROUP BY order_id")
    site.catalog("shop", SHOP)
    site.catalog("archive", ARCHIVE)
    site.mkdocs_yml()
    monkeypatch.chdir(site.root)
    return site


def test_coverage_counts_sizes_and_drift_read_the_same_everywhere(built: SiteBuilder) -> None:
    result = built.build(strict=False)
    assert result.error is None, result.error
    database = text_of(result.html("databases/shop/"))
    catalog = text_of(result.html("databases/"))
    health = text_of(result.html("databases/health/"))
    out = CliRunner().invoke(main, ["check"], catch_exceptions=False).stdout

    # 3 of 11 tables and columns described (one inherited): 27.2% everywhere, rounded down to one decimal.
    assert "Documented: 27.2% of tables and columns" in database
    assert "27.2%" in catalog and "27.2%" in health
    assert re.search(r"shop\s+27\.2%", out), out
    assert not re.search(r"\b27%", database + catalog + health + out)

    assert "Tables: 2 tables, 1 view" in database and "1 views" not in database

    archive = text_of(result.html("databases/archive/"))
    assert "8 kB" in archive and "16 kB" in archive and "bytes" not in archive

    said = next(w for w in result.log_text.splitlines() if "order_summary" in w)
    assert "view 'order_summary' is described but the database has no such view" in said
    assert "did you mean" not in said  # orders is described already and order_lines is no view
