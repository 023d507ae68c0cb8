"""The pages a reader sees: a table's History, "since" per column, the tables each migration touched,
and a database whose structure is derived from its migrations."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.catalog.model import Origin
from mkdocs_dbcatalog.cli.common import load_plugin_config

from ..sitebuilder import BuildResult, SiteBuilder, main_content, text_of

SHOP = Path(__file__).resolve().parents[1] / "data" / "history" / "alembic_shop"


def shop_site(root: Path, history: str = "") -> SiteBuilder:
    site = SiteBuilder(root)
    shutil.copytree(SHOP, root / "services" / "shop" / "migrations")
    site.catalog(
        "shop",
        f"""
        database: shop
        engine: postgresql
        tables:
          customers:
            purpose: People who buy.
            columns:
              email: Login address
        migrations:
          tool: alembic
          path: ../services/shop/migrations
        {history}
        """,
    )
    site.mkdocs_yml({"lint": {"table-without-description": "off", "foreign-key-without-index": "off"}})
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = shop_site(tmp_path_factory.mktemp("pages")).build()
    assert result.error is None, result.error
    return result


def test_structure_is_derived_from_the_migrations_when_nothing_else_gives_it(built: BuildResult) -> None:
    page = text_of(main_content(built.html("databases/shop/")))
    assert "Derived from the migrations in services/shop/migrations, as of a011" in page
    assert "1 migration not fully analysed: the structure may be incomplete" in page
    for table in ("customers", "purchases", "order_lines"):
        assert (built.site_dir / "databases" / "shop" / table / "index.html").is_file()
    assert not (built.site_dir / "databases" / "shop" / "orders").exists()  # renamed to purchases
    customers = text_of(main_content(built.html("databases/shop/customers/")))
    assert "People who buy." in customers and "Login address" in customers
    columns = re.findall(r"^(\w+)\s*\|", customers, re.M)
    assert "full_name" in customers and "phone" not in columns


def test_table_history_is_newest_first_and_links_each_migration(built: BuildResult) -> None:
    raw = main_content(built.html("databases/shop/customers/"))
    start = raw.index('id="history"')
    history = html.unescape(raw[start : raw.find("<h2", start + 1)])
    items = [text_of(li).strip() for li in re.findall(r"<li>(.*?)</li>", history, re.S)]
    assert items[0].startswith("added column loyalty (integer, not null, default 0)") and "migration a010" in items[0]
    assert any(i.startswith("dropped column phone (varchar(30))") and "migration a009 order_lines" in i for i in items)
    assert any(i.startswith("added column tags (text[])") and "migration a008" in i for i in items)
    assert any(i.startswith("renamed column name to full_name") for i in items)
    assert any(i.startswith("changed column full_name: nullable yes → no") for i in items)
    assert items[-1].startswith("created the table with id (integer, not null, serial), email")
    assert "migration a001 create_customers, 2024-01-08 09:00" in items[-1]
    assert 'href="../#migration-a001"' in history
    # What a11's unread statement did is unknown, so every table's history says it may be missing.
    assert "1 migration could not be fully analysed (see Migration History)" in text_of(history)


def test_columns_show_since_which_migration_they_exist(built: BuildResult) -> None:
    raw = main_content(built.html("databases/shop/customers/"))
    table = raw[raw.index("<table") : raw.index("</table>")]
    headers = [text_of(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert headers[-1] == "Since"
    rows = {
        text_of(cells[0]).strip(): text_of(cells[-1]).strip()
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        )
        if cells
    }
    assert rows["email"] == "a001" and rows["full_name"] == "a001" and rows["updated_at"] == "a008"


def test_migration_rows_list_the_tables_they_touch_and_what_was_not_analysed(built: BuildResult) -> None:
    raw = main_content(built.html("databases/shop/"))
    section = raw[raw.index('id="migration-history"') :]
    row = html.unescape(next(r for r in re.findall(r"<tr>(.*?)</tr>", section, re.S) if 'id="migration-a009"' in r))
    assert '<a href="customers/">customers</a>' in row and '<a href="order_lines/">order_lines</a>' in row
    partly = next(r for r in re.findall(r"<tr>(.*?)</tr>", section, re.S) if 'id="migration-a011"' in r)
    assert "purchases partly analysed" in text_of(partly)
    listed = html.unescape(text_of(section))
    assert "a011 sales_channel: line 18: `if int(version) >= 150000`: what it does depends on the run" in listed


def test_the_applied_version_from_yaml_bounds_the_derived_structure(tmp_path: Path) -> None:
    site = shop_site(
        tmp_path,
        "  history:\n          - {version: a001, status: applied}\n          - {version: a002, status: applied}",
    )
    options, base = load_plugin_config(site.root / "mkdocs.yml")
    database = assemble(options, base).catalog.database("shop")
    assert database is not None and database.origin is Origin.MIGRATIONS
    assert {t.key for t in database.tables} == {"customers", "orders"}
    assert [c.name for c in database.table("customers").columns] == ["id", "email", "name", "created_at"]
