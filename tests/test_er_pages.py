"""ER summaries, diagrams and cross-service references in real MkDocs builds."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest

from mkdocs_dbcatalog.render import assets

from .sitebuilder import SiteBuilder, main_content

SHOP = Path(__file__).parent / "data" / "er_shop"


def shop_site(site: SiteBuilder, **options: object) -> None:
    shutil.copytree(SHOP, site.root / "catalog")
    theme = str(options.pop("theme", "material"))
    site.mkdocs_yml(
        options or None, theme=theme, extra={"theme": {"name": theme, "font": False}} if theme == "material" else None
    )


def mermaid_blocks(page_html: str) -> list[str]:
    """The text of every diagram block as the viewer reads it (`<script type="text/plain">`)."""
    return re.findall(r'<script type="text/plain" class="dbcatalog-mermaid">\n(.*?)</script>', page_html, re.S)


def test_material_site_has_diagrams_on_catalog_database_and_table_pages(site: SiteBuilder) -> None:
    shop_site(site)
    result = site.build()
    assert result.error is None, result.error
    assert result.warnings == []
    (database,) = mermaid_blocks(result.html("databases/shop/"))
    assert database.startswith("erDiagram\n")
    assert 't2["orders"]' in database or '["orders"]' in database
    (table,) = mermaid_blocks(result.html("databases/shop/orders/"))
    assert '["coupons"]' in table and '["order#95;lines"]' in table
    assert '["products"]' not in table  # not a direct neighbour of orders
    (system,) = mermaid_blocks(result.html("databases/"))
    assert '["shop#45;service #47; shop"]' in system
    page = main_content(result.html("databases/shop/"))
    assert "Tables without relationships, not drawn" in page
    assert 'href="audit_log/"' in page


def test_text_summary_uses_the_catalog_notation_with_links(site: SiteBuilder) -> None:
    shop_site(site)
    result = site.build()
    page = main_content(result.html("databases/shop/"))
    text = re.sub(r"<[^>]+>", "", page)
    for line in (
        "categories *---* products via product_categories",
        "customers 1---1 customer_profiles (customer_id)",
        "customers 1---* customers (referred_by, optional, self-reference)",
        "order_lines 1---* shipments (order_id, line_no, optional)",
        "coupons 1---* orders (coupon_id, optional)",
    ):
        assert line in html.unescape(text), line
    assert "product_categories 1---*" not in html.unescape(text)  # the junction's keys are folded
    assert '<a href="product_categories/">product_categories</a>' in page
    overview = html.unescape(re.sub(r"<[^>]+>", "", main_content(result.html("databases/"))))
    assert "categories *---* products via product_categories" in overview


def test_diagrams_need_no_markdown_extension_on_any_theme(site: SiteBuilder) -> None:
    """A site given only a URL (no superfences fence) builds --strict with diagrams, on Material and
    on MkDocs' own theme: the plugin ships the viewer that draws them."""
    site.write("docs/index.md", "# Home\n")
    for theme in ("material", "mkdocs"):
        shutil.rmtree(site.root / "catalog", ignore_errors=True)
        shutil.copytree(SHOP, site.root / "catalog")
        site.write("mkdocs.yml", f"site_name: t\ntheme: {{name: {theme}}}\nplugins: [search, dbcatalog]\n")
        result = site.build(strict=True)
        assert result.error is None, (theme, result.error)
        assert len(mermaid_blocks(result.html("databases/shop/products/"))) == 1
        page = result.html("databases/shop/products/")
        assert 'src="../../../assets/dbcatalog/diagrams.js"' in page
        assert 'href="../../../assets/dbcatalog/diagrams.css"' in page
        text = html.unescape(re.sub(r"<[^>]+>", "", main_content(page)))
        assert "categories *---* products via product_categories" in text  # the list is there too
        assert "products 1---* reviews (product_id)" in text


def test_diagram_links_point_at_the_built_pages(site: SiteBuilder) -> None:
    """Raw HTML is not rewritten by MkDocs: each box's link is the built page's URL, for both URL styles."""
    shop_site(site)
    for directory_urls, orders in ((True, "../orders/"), (False, "orders.html")):
        config = (site.root / "mkdocs.yml").read_text().replace("use_directory_urls: false\n", "")
        site.write("mkdocs.yml", config + ("" if directory_urls else "use_directory_urls: false\n"))
        result = site.build()
        page = result.html("databases/shop/order_lines/" if directory_urls else "databases/shop/order_lines.html")
        (links,) = re.findall(r'data-links="([^"]*)"', page)
        assert orders in html.unescape(links).replace("\\/", "/"), links


def test_diagrams_disabled_draws_nothing_and_says_nothing(site: SiteBuilder) -> None:
    shutil.copytree(SHOP, site.root / "catalog")
    site.mkdocs_yml({"diagrams": {"enabled": False}}, extra={"theme": {"name": "material", "font": False}})
    result = site.build()
    assert result.error is None, result.error
    assert "erDiagram" not in result.all_text()
    assert not (result.site_dir / assets.FOLDER / "diagrams.js").exists()
    assert "categories *---* products" in html.unescape(re.sub(r"<[^>]+>", "", result.html("databases/shop/")))


def test_offline_option_ships_mermaid_12_and_the_viewer_with_their_licences(site: SiteBuilder) -> None:
    shop_site(site, diagrams={"offline": True, "layout": "elk"})
    result = site.build()
    assert result.error is None, result.error
    folder = result.site_dir / assets.FOLDER
    for package, name in (("mermaid", "mermaid.min.js"), ("panzoom", "panzoom.min.js")):
        shipped = folder / name
        recorded = (assets.ASSETS / package / "VERSION").read_text()
        assert f"sha256: {hashlib.sha256(shipped.read_bytes()).hexdigest()}" in recorded
        assert "license: MIT" in recorded
        assert "Permission is hereby granted, free of charge" in (assets.ASSETS / package / "LICENSE").read_text()
    assert assets.version("mermaid").startswith("12.") and assets.version("panzoom").startswith("4.")
    notices = (folder / "THIRD-PARTY-LICENSES.txt").read_text()
    assert "version: 12." in notices and "Permission is hereby granted" in notices
    viewer = (folder / "diagrams.js").read_text()
    assert viewer.startswith('window.dbcatalogDiagrams = {"mermaid": null};')  # the shipped copy, beside it
    (block,) = mermaid_blocks(result.html("databases/shop/"))
    assert block.startswith("---\nconfig:\n  layout: elk\n---\nerDiagram\n")
    page = result.html("databases/shop/orders/")
    assert page.index("assets/javascripts/bundle.") < page.index('src="../../../assets/dbcatalog/diagrams.js"')


def test_without_offline_the_viewer_asks_materials_cdn_and_elk_is_refused(site: SiteBuilder) -> None:
    shop_site(site)
    result = site.build()
    assert not (result.site_dir / assets.FOLDER / "mermaid.min.js").exists()
    viewer = (result.site_dir / assets.FOLDER / "diagrams.js").read_text()
    assert viewer.startswith(f'window.dbcatalogDiagrams = {{"mermaid": "{assets.CDN_MERMAID}"}};')
    site.mkdocs_yml({"diagrams": {"layout": "elk"}}, theme="material")
    refused = site.build()
    assert refused.error is not None and "diagrams.layout: elk needs diagrams.offline: true" in refused.error


def test_inferred_references_are_shown_apart_and_only_on_request(site: SiteBuilder) -> None:
    shop_site(site, infer_references=True)
    result = site.build()
    assert result.error is None, result.error
    overview = html.unescape(re.sub(r"<[^>]+>", "", main_content(result.html("databases/"))))
    section = overview.split("Cross-Service Data References")[1].split("Service Map")[0]
    declared, _, inferred = section.partition("Inferred References")
    assert "orders" in declared and "reviews" not in declared
    assert "reviews" in inferred and "orders" not in inferred
    (system,) = mermaid_blocks(result.html("databases/"))
    assert re.search(r'\|\|\.\.o\{ t\d : "inferred#58; reviews#46;user#95;id', system)
    users_page = html.unescape(re.sub(r"<[^>]+>", "", main_content(result.html("databases/users/users/"))))
    assert "Inferred from naming" in users_page and "shop/reviews" in users_page
    reviews = html.unescape(re.sub(r"<[^>]+>", "", main_content(result.html("databases/shop/reviews/"))))
    assert "(inferred)" in reviews

    site_off = SiteBuilder(site.root / "off")
    shop_site(site_off)
    plain = site_off.build()
    assert "Inferred" not in plain.all_text()


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (
            "{from: orders.user_id, to: user-service/users.id}",
            "catalog/shop.yml:LINE: reference orders.user_id → user-service/users.id: no database or service "
            "'user-service' in the catalog (did you mean 'users-service'?) [cross-service-reference-missing-target]",
        ),
        (
            "{from: orders.user_id, to: users-service/user.id}",
            "catalog/shop.yml:LINE: reference orders.user_id → users-service/user.id: users has no table 'user' "
            "(did you mean 'users'?) [cross-service-reference-missing-target]",
        ),
        (
            "{from: orders.user_id, to: users-service/users.idd}",
            "catalog/shop.yml:LINE: reference orders.user_id → users-service/users.idd: users/users has no column "
            "'idd' (did you mean 'id'?) [cross-service-reference-missing-target]",
        ),
        (
            "{from: order.user_id, to: users-service/users.id}",
            "catalog/shop.yml:LINE: references[0].from: 'order' is not a table of shop (did you mean 'orders'?)",
        ),
        (
            "{from: orders.userid, to: users-service/users.id}",
            "catalog/shop.yml:LINE: references[0].from: 'userid' is not a column of orders (did you mean 'user_id'?)",
        ),
        (
            "{from: orders, to: users-service/users.id}",
            "catalog/shop.yml:LINE: references[0].from: cannot read 'orders' (write table.column, e.g. orders.user_id)",
        ),
        (
            "{from: orders.user_id, to: users.id}",
            "catalog/shop.yml:LINE: references[0].to: cannot read 'users.id' "
            "(write database-or-service/table.column, e.g. users-service/users.id)",
        ),
    ],
)
def test_cross_service_reference_typos_are_errors_naming_file_line_and_fix(
    site: SiteBuilder, reference: str, message: str
) -> None:
    shutil.copytree(SHOP, site.root / "catalog")
    shop = (site.root / "catalog" / "shop.yml").read_text()
    head, _, _ = shop.partition("\nreferences:")
    (site.root / "catalog" / "shop.yml").write_text(head + "\nreferences:\n  - " + reference + "\n")
    line = head.count("\n") + 3
    site.mkdocs_yml()
    result = site.build()
    assert result.error is not None
    # A missing target is a lint finding (an error by default: a warning that fails --strict).
    assert message.replace("LINE", str(line)) in result.error + result.log_text
    assert "Traceback" not in result.error


def test_diagram_blocks_embed_in_hand_written_pages(site: SiteBuilder) -> None:
    shop_site(site)
    site.write(
        "docs/model.md",
        "# Our model\n\n<!-- dbcatalog:database_diagram shop -->\n\n<!-- dbcatalog:table_diagram shop/orders -->\n\n"
        "<!-- dbcatalog:system_diagram -->\n",
    )
    result = site.build()
    assert result.error is None, result.error
    blocks = mermaid_blocks(result.html("model/"))
    assert len(blocks) == 3
    assert '["shipments"]' in blocks[0] and '["coupons"]' in blocks[1] and "users#45;service" in blocks[2]
    assert 'href="../databases/shop/audit_log/"' in result.html("model/")  # links relative to this page


def test_tables_as_sections_keep_the_database_diagram_and_link_to_anchors(site: SiteBuilder) -> None:
    shop_site(site, table_pages=False)
    result = site.build()
    assert result.error is None, result.error
    (block,) = mermaid_blocks(result.html("databases/shop/"))
    assert '["orders"]' in block
    assert 'href="#table-audit_log"' in result.html("databases/shop/")


def test_a_split_says_what_it_leaves_out_in_plain_words(site: SiteBuilder) -> None:
    """Past `max_diagrams` the page counts the relationships no block draws, and names the tables."""
    pk = "{type: int, nullable: false, primary_key: true}"
    site.catalog(
        "pairs",
        "database: pairs\ntables:\n"
        f"  a: {{columns: {{id: {pk}}}}}\n  b: {{columns: {{id: {pk}, a_id: {{type: int, references: a(id)}}}}}}\n"
        f"  x: {{columns: {{id: {pk}}}}}\n  y: {{columns: {{id: {pk}, x_id: {{type: int, references: x(id)}}}}}}\n",
    )
    site.mkdocs_yml({"diagrams": {"max_tables": 2, "max_diagrams": 1}})
    result = site.build()
    assert result.error is None, result.error
    assert len(mermaid_blocks(result.html("databases/pairs/"))) == 1
    text = html.unescape(re.sub(r"<[^>]+>", "", main_content(result.html("databases/pairs/"))))
    assert "1 relationship is not drawn because it connects tables shown in different diagrams" in text
    assert re.search(r"Not drawn \(2, past 1 diagram\): [xa], [yb]", text), text
