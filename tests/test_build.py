"""End-to-end MkDocs builds of YAML-described catalogs, with the mkdocs theme and with Material."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from .sitebuilder import CATALOG_SECTIONS, DATABASE_SECTIONS, SiteBuilder, headings, main_content, text_of

ORDERS = """
database: orders
service: order-service
description: Orders, carts and checkout.
engine: postgresql
version: "15.4"
orm: SQLAlchemy
connection:
  url: postgresql://orders_app:Hunter2-orders@db.internal:5432/orders?sslmode=require&password=QueryPw-77
  introspect: false
extensions:
  uuid-ossp: UUID generation
tables:
  customers:
    purpose: People who buy.
    row_estimate: 12k
    columns:
      id: {type: uuid, nullable: false, default: gen_random_uuid(), primary_key: true, description: Primary key}
      email: {type: varchar(255), nullable: false, unique: true, description: Login}
  orders:
    purpose: One row per customer order.
    row_estimate: ~1.2M
    size: 2 GB
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: Primary key}
      customer_id: {type: uuid, nullable: false, references: customers.id}
      user_id: {type: bigint, nullable: false, description: Owner in the users service}
    indexes:
      - {name: idx_orders_customer, columns: [customer_id], type: btree, purpose: Orders of a customer}
    foreign_keys: []
references:
  - from: orders.user_id
    to: users-service/users.id
    description: The account that placed the order
migrations:
  tool: alembic
  history:
    - {version: "001", name: create_orders, date: 2024-01-03, description: Initial tables, status: applied}
seed_data:
  location: services/orders/seeds/
  tables: [{table: customers, purpose: Demo customers, count: 10}]
backup: {frequency: Hourly, type: WAL archiving, retention: 30 days, storage: S3}
"""

USERS = """
database: users
service: users-service
engine: mariadb
version: "10.11"
host: users-db.internal
connection:
  url: ${USERS_URL}
  introspect: false
tables:
  users:
    purpose: Accounts.
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
"""


@pytest.fixture
def shop(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    monkeypatch.setenv("USERS_URL", "mysql://users_app:EnvSecret-99@users-db.internal:3306/users")
    site.catalog("orders", ORDERS)
    site.catalog("users", USERS)
    return site


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_every_section_is_built_for_every_database(shop: SiteBuilder, theme: str) -> None:
    shop.mkdocs_yml(theme=theme)
    result = shop.build()
    assert result.error is None, result.error
    assert result.warnings == []
    index = main_content(result.html("databases/"))
    for section in CATALOG_SECTIONS:
        assert section in headings(index), section
    for database in ("orders", "users"):
        page = headings(main_content(result.html(f"databases/{database}/")))
        assert page[0] == database
        for section in DATABASE_SECTIONS:
            assert section in page, (database, section)
    table = main_content(result.html("databases/orders/orders/"))
    assert headings(table)[:5] == ["orders", "Columns", "Indexes", "Foreign Keys", "Cross-Service References"]
    customers = main_content(result.html("databases/orders/customers/"))
    assert "Referenced By" in headings(customers)
    # Foreign keys and cross-service references link to their targets.
    assert 'href="../customers/"' in table
    assert 'href="../../users/users/"' in table
    assert 'href="../../orders/orders/"' in main_content(result.html("databases/users/users/"))
    # The footer of the hand-written catalog.
    assert re.search(r"Version</strong>: Database Catalog v1\.0", index)
    assert re.search(r"Last Updated</strong>: \d{4}-\d{2}-\d{2}", index)


def test_same_inputs_give_byte_identical_pages(shop: SiteBuilder, tmp_path: Path) -> None:
    shop.mkdocs_yml(theme="material")
    first = shop.build()
    assert first.error is None, first.error
    kept = tmp_path / "first"
    shutil.copytree(first.site_dir / "databases", kept)
    second = shop.build()
    pages = sorted(p.relative_to(kept) for p in kept.rglob("*.html"))
    assert len(pages) == 7  # index, 2 databases, 3 tables, health
    for page in pages:
        assert (kept / page).read_bytes() == (second.site_dir / "databases" / page).read_bytes(), page


def test_no_password_reaches_the_site_or_the_log(shop: SiteBuilder) -> None:
    shop.mkdocs_yml(theme="material")
    result = shop.build()
    assert result.error is None, result.error
    everything = result.all_text() + result.log_text
    for secret in ("Hunter2-orders", "QueryPw-77", "EnvSecret-99"):
        assert secret not in everything
    index = main_content(result.html("databases/"))
    assert "postgresql://orders_app:****@db.internal:5432/orders?sslmode=require&password=****" in text_of(index)
    assert "mysql://users_app:****@users-db.internal:3306/users" in text_of(index)


def test_password_stays_out_of_an_error_message(site: SiteBuilder) -> None:
    site.catalog("orders", "database: orders\nconnection:\n  url: postgresql://u:Pw-in-error@h/db\nport: x\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None and "port" in result.error
    assert "Pw-in-error" not in result.error + result.log_text


def test_template_override_replaces_one_block_or_a_whole_template(shop: SiteBuilder) -> None:
    shop.write(
        "overrides/table.md.jinja",
        """
        {% extends "_base/table.md.jinja" %}
        {% block header %}
        # Table {{ table.key }} of {{ database.name }}

        Owned by team {{ database.service }}.

        {% endblock %}
        """,
    )
    shop.write(
        "overrides/blocks/footer.md.jinja", "---\n\nCustom footer for {{ catalog.databases|length }} databases.\n"
    )
    shop.mkdocs_yml({"custom_templates": "overrides"})
    result = shop.build()
    assert result.error is None, result.error
    table = main_content(result.html("databases/orders/orders/"))
    assert headings(table)[:2] == ["Table orders of orders", "Columns"]
    assert "Owned by team order-service." in text_of(table)
    assert "Custom footer for 2 databases." in text_of(result.html("databases/"))


def test_template_error_names_the_template(shop: SiteBuilder) -> None:
    shop.write("overrides/table.md.jinja", "{% if %}\n")
    shop.mkdocs_yml({"custom_templates": "overrides"})
    result = shop.build()
    assert result.error is not None
    assert "table.md.jinja:1: template syntax error" in result.error
    assert "Traceback" not in result.log_text


def nav_of(site: SiteBuilder) -> list[object]:
    """The nav MkDocs used, as written back by the plugin (read from a build's config)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(site.root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    config.plugins.on_files(get_files(config), config=config)
    return config.nav


def test_section_is_added_last_to_an_automatic_nav(shop: SiteBuilder) -> None:
    shop.write("docs/guide.md", "# Guide\n")
    shop.mkdocs_yml({"title": "Data"})
    assert nav_of(shop) == [
        "index.md",
        "guide.md",
        {
            "Data": [
                "databases/index.md",
                "databases/orders/index.md",
                "databases/users/index.md",
                "databases/health.md",
            ]
        },
    ]


def test_nav_position_places_the_section(shop: SiteBuilder) -> None:
    shop.write("docs/guide.md", "# Guide\n")
    shop.mkdocs_yml({"nav_position": 1})
    nav = nav_of(shop)
    assert nav[0] == "index.md" and list(nav[1]) == ["Database Catalog"] and nav[2] == "guide.md"


def test_hand_written_nav_entry_becomes_the_section(shop: SiteBuilder) -> None:
    shop.write("docs/guide.md", "# Guide\n")
    shop.mkdocs_yml(
        extra={
            "nav": [{"Home": "index.md"}, {"Reference": [{"Our data": "databases/index.md"}]}, {"Guide": "guide.md"}]
        }
    )
    assert nav_of(shop) == [
        {"Home": "index.md"},
        {
            "Reference": [
                {
                    "Our data": [
                        "databases/index.md",
                        "databases/orders/index.md",
                        "databases/users/index.md",
                        "databases/health.md",
                    ]
                }
            ]
        },
        {"Guide": "guide.md"},
    ]
    result = shop.build()
    assert result.error is None, result.error
    assert result.warnings == []


def test_table_pages_stay_out_of_the_nav(shop: SiteBuilder) -> None:
    shop.mkdocs_yml(theme="material")
    result = shop.build()
    assert result.error is None, result.error
    html = result.html("index.html")
    nav = html[html.find('<nav class="md-nav md-nav--primary"') :]
    assert 'href="databases/orders/"' in nav
    assert "databases/orders/orders/" not in nav
    assert 'not included in the "nav" configuration' not in result.log_text


def test_tables_as_sections_link_to_anchors(shop: SiteBuilder) -> None:
    shop.mkdocs_yml({"table_pages": False}, extra={"validation": {"anchors": "warn"}})
    result = shop.build()
    assert result.error is None, result.error
    assert result.warnings == []
    assert not (result.site_dir / "databases" / "orders" / "orders").exists()
    page = main_content(result.html("databases/orders/"))
    assert 'id="table-customers"' in page and 'href="#table-customers"' in page
    assert 'href="../users/#table-users"' in page


def test_hand_written_page_embeds_generated_blocks(shop: SiteBuilder) -> None:
    shop.write(
        "docs/ops.md",
        """
        # Operations

        Our order tables:

        <!-- dbcatalog:columns orders/orders -->

        <!-- dbcatalog:inventory -->
        """,
    )
    shop.mkdocs_yml()
    result = shop.build()
    assert result.error is None, result.error
    page = main_content(result.html("ops/"))
    assert "Columns" in headings(page) and "Database Inventory" in headings(page)
    assert 'href="../databases/orders/customers/"' in page


def test_unknown_marker_target_is_a_clear_error(shop: SiteBuilder) -> None:
    shop.write("docs/ops.md", "# Ops\n\n<!-- dbcatalog:columns orders/nope -->\n")
    shop.mkdocs_yml()
    result = shop.build()
    assert result.error is not None
    assert "ops.md: marker '<!-- dbcatalog:columns orders/nope -->': orders has no table 'nope'" in result.error


def test_a_users_own_page_wins_over_the_generated_one(shop: SiteBuilder) -> None:
    shop.write("docs/databases/index.md", "# Our own catalog intro\n")
    shop.mkdocs_yml()
    result = shop.build()
    assert result.error is None, result.error
    assert "Our own catalog intro" in result.html("databases/")
    assert "Database Inventory" not in result.html("databases/")


def test_plugin_can_be_disabled(shop: SiteBuilder) -> None:
    shop.mkdocs_yml({"enabled": False})
    result = shop.build()
    assert result.error is None
    assert not (result.site_dir / "databases").exists()


def test_mkdocs_yml_written_by_hand_is_accepted(shop: SiteBuilder) -> None:
    shop.write("docs/index.md", "# Home\n")
    shop.mkdocs_yml(
        raw=yaml.safe_dump(
            {"site_name": "x", "plugins": [{"dbcatalog": {"catalog": "catalog/*.yml", "path": "data/dbs"}}]}
        )
    )
    result = shop.build()
    assert result.error is None, result.error
    assert (result.site_dir / "data" / "dbs" / "orders" / "orders" / "index.html").exists()


def test_links_to_sections_follow_the_sites_heading_ids(shop: SiteBuilder) -> None:
    shop.mkdocs_yml(extra={"markdown_extensions": [{"toc": {"separator": "_"}}], "validation": {"anchors": "warn"}})
    result = shop.build()
    assert result.error is None, result.error
    assert result.warnings == []
    index = main_content(result.html("databases/"))
    assert 'href="orders/#migration_history"' in index and 'href="orders/#backup_recovery"' in index
