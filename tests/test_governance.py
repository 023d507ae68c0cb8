"""Tags, owners, reusable and inherited descriptions: read from YAML, merged with live reads, shown
on real builds (Material with its tags plugin on and off), counted in coverage and in `check`."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.catalog.coverage import columns_described
from mkdocs_dbcatalog.cli import main
from mkdocs_dbcatalog.cli.common import load_plugin_config
from mkdocs_dbcatalog.errors import CatalogError

from .sitebuilder import BuildResult, SiteBuilder, elements, main_content, text_of

SHOP = """
database: shop
service: shop-service
owner: {team: team-shop, contact: shop@example.com}
tags: [tier-1]
tables:
  customers:
    purpose: {doc: customer}
    owner: team-growth
    tags: [gdpr]
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: {doc: customer_id}}
      email: {type: text, nullable: false, description: Login address, tags: [pii, "pii:email"]}
      email_verified: {type: boolean, nullable: false}
  orders:
    purpose: One row per order.
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: The order}
      customer_id: {type: bigint, nullable: false, references: customers.id}
  order_notes:
    purpose: Notes on orders.
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
      order_id: {type: bigint, nullable: false, references: orders.id}
      customer_id: {type: bigint, nullable: true}
  audit:
    purpose: What happened.
    columns:
      id: {type: bigint, nullable: false, primary_key: true}
      user_id: {type: bigint, nullable: true}
references:
  - {from: audit.user_id, to: crm/contacts.id}
"""
CRM = """
database: crm
tables:
  contacts:
    purpose: People we talk to.
    columns:
      id: {type: bigint, nullable: false, primary_key: true, description: A contact of the CRM}
"""
DOCS = """
# Reusable descriptions for every database file.
docs:
  customer: People who buy.
  customer_id: The customer, as the users service knows them.
"""


def shop_site(site: SiteBuilder, **plugin: object) -> SiteBuilder:
    site.catalog("shop", SHOP)
    site.catalog("crm", CRM)
    site.catalog("_docs", DOCS)
    site.mkdocs_yml(dict(plugin))
    return site


def catalog_of(site: SiteBuilder):  # type: ignore[no-untyped-def]
    options, base = load_plugin_config(site.root / "mkdocs.yml")
    return assemble(options, base, {}).catalog


def test_docs_blocks_tags_and_owners_reach_the_model(site: SiteBuilder) -> None:
    catalog = catalog_of(shop_site(site))
    shop = catalog.database("shop")
    assert shop is not None and shop.tags == ("tier-1",) and str(shop.owner) == "team-shop (shop@example.com)"
    customers = shop.table("customers")
    assert customers is not None
    assert customers.purpose == "People who buy." and type(customers.purpose) is str
    assert customers.column("id").description == "The customer, as the users service knows them."  # type: ignore[union-attr]
    assert customers.tags == ("gdpr",) and customers.column("email").tags == ("pii", "pii:email")  # type: ignore[union-attr]
    orders = shop.table("orders")
    assert orders is not None and orders.owner is None and shop.owner_of(orders) == shop.owner
    assert shop.owner_of(customers).team == "team-growth"  # type: ignore[union-attr]


def test_inherited_descriptions_follow_keys_and_references(site: SiteBuilder) -> None:
    shop = catalog_of(shop_site(site)).database("shop")
    assert shop is not None

    def column(table: str, name: str):  # type: ignore[no-untyped-def]
        return shop.table(table).column(name)  # type: ignore[union-attr]

    customer_id = column("orders", "customer_id")
    assert (customer_id.description, customer_id.inherited, customer_id.inherited_from) == (
        None,
        "The customer, as the users service knows them.",
        "customers.id",
    )
    assert column("order_notes", "order_id").inherited_from == "orders.id"
    assert column("audit", "user_id").inherited_from == "crm/contacts.id"  # across services
    assert column("order_notes", "customer_id").inherited is None  # no key: same-name is opt-in
    assert column("customers", "email_verified").inherited is None
    coverage = columns_described(shop)
    assert (coverage.documented, coverage.inherited, coverage.total) == (6, 3, 10)


def test_same_name_inheritance_is_opt_in_and_off_turns_it_off(tmp_path: Path) -> None:
    on = shop_site(SiteBuilder(tmp_path / "on"), inherit_descriptions="same_name")
    notes = catalog_of(on).database("shop").table("order_notes")  # type: ignore[union-attr]
    assert notes.column("customer_id").inherited_from == "customers.id"  # type: ignore[union-attr]
    off = shop_site(SiteBuilder(tmp_path / "off"), inherit_descriptions="off")
    shop = catalog_of(off).database("shop")
    assert shop is not None and not any(c.inherited for _, t in [(shop, t) for t in shop.tables] for c in t.columns)


def test_a_live_database_keeps_the_yaml_tags_owners_and_docs(site: SiteBuilder, tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);"
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id));"
        )
    conn.close()
    site.catalog("_docs", DOCS)
    site.catalog(
        "shop",
        f"""
        database: shop
        owner: team-shop
        tags: [tier-1]
        connection: sqlite:///{path}
        tables:
          customers:
            owner: {{team: team-growth, contact: "#growth"}}
            tags: [gdpr]
            columns:
              id: {{doc: customer_id}}
              email: {{description: Login, tags: [pii]}}
        """,
    )
    site.mkdocs_yml()
    shop = catalog_of(site).database("shop")
    assert shop is not None and shop.tags == ("tier-1",) and shop.owner.team == "team-shop"  # type: ignore[union-attr]
    customers = shop.table("customers")
    assert customers is not None and customers.tags == ("gdpr",) and str(customers.owner) == "team-growth (#growth)"
    assert customers.column("email").tags == ("pii",)  # type: ignore[union-attr]
    orders = shop.table("orders")
    assert orders.column("customer_id").inherited == "The customer, as the users service knows them."  # type: ignore[union-attr]


def test_an_unknown_or_twice_defined_docs_block_is_an_error_at_its_line(site: SiteBuilder) -> None:
    shop_site(site)
    site.catalog("shop", SHOP.replace("{doc: customer_id}", "{doc: customer_ids}"))
    with pytest.raises(CatalogError) as caught:
        catalog_of(site)
    assert str(caught.value) == (
        "catalog/shop.yml:11: tables.customers.columns.id.description: no reusable description 'customer_ids' "
        "(did you mean 'customer_id'?)"
    )
    site.catalog("shop", SHOP + "docs:\n  customer: Again.\n")
    with pytest.raises(CatalogError) as caught:
        catalog_of(site)
    assert str(caught.value) == (
        "catalog/shop.yml:33: docs.customer: reusable description 'customer' is already defined in "
        "catalog/_docs.yml:3 (each docs block name is shared by the whole catalog; rename one)"
    )


def test_check_json_has_tags_and_inherited_counts(site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    shop_site(site, lint={"table-without-description": "warning"})
    site.catalog("crm", CRM.replace("purpose: People we talk to.", "tags: [pii]"))
    monkeypatch.chdir(site.root)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    document = json.loads(result.output)
    crm, shop = document["databases"]
    assert crm["tags"] == {"pii": 1} and shop["tags"] == {"gdpr": 1, "pii": 1, "pii:email": 1, "tier-1": 1}
    assert shop["coverage"]["columns"] == {"documented": 6, "total": 10, "inherited": 3}
    finding = next(f for f in document["findings"] if f["rule"] == "table-without-description")
    assert (finding["table"], finding["tags"]) == ("contacts", ["pii"])


# --- real builds ---------------------------------------------------------------------------------

HOSTILE_TAG = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildResult]:
    """The shop built with Material, with its tags plugin and without, and a hostile tag on a column."""
    results = {}
    for name, plugins in (("tags", ["search", "tags"]), ("plain", ["search"])):
        site = SiteBuilder(tmp_path_factory.mktemp(name))
        shop_site(site)
        site.catalog("shop", SHOP.replace('"pii:email"]', f'"pii:email", {json.dumps(HOSTILE_TAG)}]'))
        site.mkdocs_yml(theme="material", extra={"plugins": [*plugins, {"dbcatalog": {}}]})
        site.write("docs/tags.md", "# Tag index\n\n<!-- material/tags -->\n" if name == "tags" else "# Tags?\n")
        results[name] = site.build(strict=False)
        assert results[name].error is None, results[name].error
    return results


def hrefs(page_html: str) -> list[str]:
    return [attrs.get("href") or "" for tag, attrs in elements(main_content(page_html)) if tag == "a"]


def test_badges_link_to_the_tags_page_which_lists_every_tagged_item(builds: dict[str, BuildResult]) -> None:
    result = builds["plain"]
    customers = result.html("databases/shop/customers/")
    assert "../../tags/#tag-pii" in hrefs(customers) and "../../tags/#tag-gdpr" in hrefs(customers)
    assert 'class="md-tag dbc-tag dbc-tag--pii"' in customers
    tags_page = main_content(result.html("databases/tags/"))
    ids = set(re.findall(r'id="([^"]+)"', tags_page))
    assert {"tag-pii", "tag-pii-email", "tag-gdpr", "tag-tier-1"} <= ids
    # The summary row of a tag: its items, and how many in each database (with a link).
    assert re.search(r'href="#tag-pii">pii</a></td>\s*<td>1</td>\s*<td><a href="\.\./shop/">shop</a> 1</td>', tags_page)
    visible = text_of(tags_page)
    assert HOSTILE_TAG in visible  # shown as written, on our own pages
    assert "team-growth" in visible and "Login address" in visible
    catalog_page = text_of(main_content(result.html("databases/")))
    assert "Owners" in catalog_page and "team-shop" in catalog_page and "shop/customers" in catalog_page
    assert "(from customers.id)" in text_of(main_content(result.html("databases/shop/orders/")))


def test_hostile_tag_injects_nothing_anywhere(builds: dict[str, BuildResult]) -> None:
    for result in builds.values():
        for page in result.site_dir.rglob("*.html"):
            tags = [tag for tag, attrs in elements(page.read_text(encoding="utf-8")) if tag == "img" or
                    any(name.startswith("on") for name in attrs)]
            assert not tags, (page, tags)


def test_material_tags_plugin_lists_the_generated_pages(builds: dict[str, BuildResult]) -> None:
    index = builds["tags"].html("tags/")
    listed = {m for m in re.findall(r'href="(\.\./databases/[^"#]+)"', index)}
    assert {"../databases/shop/customers/", "../databases/shop/"} <= listed
    assert "../databases/shop/orders/" not in listed  # no tags on orders or its columns
    customers = builds["tags"].html("databases/shop/customers/")
    header = customers[customers.index('<nav class="md-tags"') :].split("</nav>", 1)[0]
    assert re.findall(r'class="md-tag">([^<]+)</a>', header) == ["gdpr", "pii", "pii:email"]  # not the hostile one
    assert any("left out of Material's tags index" in w and "onerror" in w for w in builds["tags"].warnings)
    assert not any("Material's tags index" in w for w in builds["plain"].warnings)
    assert "md-tag" not in builds["plain"].html("databases/shop/customers/").split("<article", 1)[0]


def test_material_tags_plugin_settings_are_followed(site: SiteBuilder) -> None:
    """`tags_allowed` stops Material's build at any other tag, and `tags_name_property` names the front
    matter key: generated pages carry only allowed tags, under that key (the rest are warned about)."""
    shop_site(site)
    tags = {"tags": {"tags_allowed": ["pii", "gdpr", "pii:email"], "tags_name_property": "labels"}}
    plugins = ["search", tags, {"dbcatalog": {"diagrams": {"enabled": False}}}]
    site.mkdocs_yml(theme="material", extra={"plugins": plugins})
    site.write("docs/tags.md", "# Tag index\n\n<!-- material/tags -->\n")
    result = site.build(strict=False)
    assert result.error is None, result.error
    customers = result.html("databases/shop/customers/")
    header = customers[customers.index('<nav class="md-tags"') :].split("</nav>", 1)[0]
    assert re.findall(r'class="md-tag">([^<]+)</a>', header) == ["gdpr", "pii", "pii:email"]
    listed = set(re.findall(r'href="(\.\./databases/[^"#]+)"', main_content(result.html("tags/"))))
    assert listed == {"../databases/shop/customers/"}  # the shop page's only tag, tier-1, is not allowed
    assert any("'tier-1' is left out of Material's tags index: it is not in the tags plugin's tags_allowed" in w
               for w in result.warnings)
