"""The What changed page: one section per commit that changed a database's catalog file, from git."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from ..sitebuilder import BuildResult, SiteBuilder, main_content, text_of

FIRST = """
database: shop
engine: postgresql
tables:
  orders:
    columns:
      id: {type: integer, nullable: false, primary_key: true}
      total: {type: "numeric(10,2)"}
"""
REFUNDS = """
  refunds:
    columns:
      id: {type: integer, nullable: false, primary_key: true}
      order_id: {type: integer, nullable: false, references: orders.id}
"""


def commit(root: Path, message: str) -> None:
    env = ["-c", "user.name=Ana <b>Dev</b>", "-c", "user.email=ana@example.invalid"]
    subprocess.run(["git", *env, "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", *env, "commit", "-qm", message], cwd=root, check=True)


def site_with_history(root: Path, commits: int | None = None) -> SiteBuilder:
    site = SiteBuilder(root)
    site.catalog("shop", FIRST)
    options: dict[str, object] = {"lint": {"table-without-description": "off"}}
    if commits is not None:
        options["history"] = {"commits": commits}
    site.mkdocs_yml(options)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    commit(root, "shop: the first snapshot")
    catalog = root / "catalog" / "shop.yml"
    catalog.write_text(catalog.read_text() + REFUNDS.lstrip("\n"))
    commit(root, "Add refunds <script>alert('x')</script>")
    catalog.write_text(catalog.read_text().replace("numeric(10,2)", "numeric(12,2)"))
    commit(root, "orders.total: wider")
    subprocess.run(["git", "mv", "catalog/shop.yml", "catalog/shop-db.yml"], cwd=root, check=True)
    commit(root, "rename the file")
    catalog = root / "catalog" / "shop-db.yml"
    catalog.write_text(catalog.read_text().replace('      total: {type: "numeric(12,2)"}\n', ""))
    commit(root, "orders: drop total")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = site_with_history(tmp_path_factory.mktemp("changed")).build()
    assert result.error is None, result.error
    return result


def sections(page: str) -> list[tuple[str, str]]:
    """(heading, text) per commit section of the What changed page."""
    parts = re.split(r"<h2[^>]*>", main_content(page))[1:]
    return [
        (html.unescape(text_of(p.split("</h2>")[0])).replace("¶", "").strip(), html.unescape(text_of(p))) for p in parts
    ]


def test_one_section_per_commit_newest_first_with_its_structural_diff(built: BuildResult) -> None:
    found = sections(built.html("databases/shop/changes/"))
    subjects = [heading.split(" · ", 1)[1] for heading, _ in found]
    assert subjects == [
        "orders: drop total",
        "rename the file",
        "orders.total: wider",
        "Add refunds <script>alert('x')</script>",
        "shop: the first snapshot",
    ]
    text = dict((h.split(" · ", 1)[1], t) for h, t in found)
    assert "dropped column total on orders (numeric(12,2))" in text["orders: drop total"]
    assert (
        "No change to the structure" in text["rename the file"]
        and "as catalog/shop-db.yml" not in text["rename the file"]
    )
    assert "changed column total on orders: type numeric(10,2) → numeric(12,2)" in text["orders.total: wider"]
    assert (
        "created table refunds with id (integer, not null), order_id (integer, not null)"
        in text["Add refunds <script>alert('x')</script>"]
    )
    assert "as catalog/shop.yml" in text["orders.total: wider"]  # the name it had then
    assert "The file was created, with 1 table." in text["shop: the first snapshot"]
    assert re.search(r"^\d{4}-\d{2}-\d{2} · ", found[0][0])


def test_names_and_subjects_are_text_not_markup(built: BuildResult) -> None:
    page = built.html("databases/shop/changes/")
    assert "<script>alert" not in page and "<b>Dev</b>" not in page
    assert "&lt;script&gt;" in page or "&#60;script" in page or "&#x3C;script" in page.lower()
    assert "<title>What changed in shop" in page
    assert '<a href="../refunds/">' in page  # tables that exist now are linked


def test_the_database_page_shows_the_latest_commits_and_links_the_page(built: BuildResult) -> None:
    page = main_content(built.html("databases/shop/"))
    section = html.unescape(text_of(page[page.index('id="what-changed"') :]))
    assert "The latest commits that changed catalog/shop-db.yml (all 5 on the What changed page)" in section
    assert 'href="changes/"' in page


def test_history_commits_bounds_the_page_and_zero_turns_it_off(tmp_path: Path) -> None:
    two = site_with_history(tmp_path / "two", commits=2).build()
    assert two.error is None and len(sections(two.html("databases/shop/changes/"))) == 2
    none = site_with_history(tmp_path / "none", commits=0).build()
    assert none.error is None and not (none.site_dir / "databases" / "shop" / "changes").exists()


def test_outside_a_git_checkout_there_is_no_page(site: SiteBuilder) -> None:
    site.catalog("shop", FIRST)
    site.mkdocs_yml({"lint": {"table-without-description": "off"}})
    result = site.build()
    assert result.error is None
    assert not (result.site_dir / "databases" / "shop" / "changes").exists()
    assert 'id="what-changed"' not in result.html("databases/shop/")
