"""Diagrams as a reader sees them: built sites opened in headless Chromium (Debian's `chromium`).

Every Mermaid block must become an SVG that names the expected tables, with no Mermaid error. The
sites use the `offline` option (this machine reaches no CDN) and Material's `font: false`; the
browser resolves no host name but the local server's, so nothing is fetched from outside.
Screenshots are kept under tests/artifacts/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_dbcatalog.render.mermaid import MAX_TEXT_SIZE, js_length

from .browser import Browser, Page, serve
from .conftest import DATASETS
from .er_catalogs import AWKWARD_TABLES, awkward_catalog_yaml, big_catalog_yaml
from .sitebuilder import BuildResult, SiteBuilder

pytestmark = pytest.mark.browser

SHOP = Path(__file__).parent / "data" / "er_shop"
ARTIFACTS = Path(__file__).parent / "artifacts"
ERROR_TEXTS = ("Syntax error", "Parse error", "Maximum text size", "Edge limit exceeded", "error in text")

# Every text of every diagram: HTML labels and SVG <text>, each trimmed; and any Markdown/HTML
# formatting that would mean a name was read as markup instead of shown as written.
COLLECT = """
window.__shadowRoots.map(root => ({
  svg: root.querySelectorAll('svg').length,
  texts: Array.from(root.querySelectorAll('span, p, text, tspan, div')).map(e => e.textContent.trim()),
  markup: root.querySelectorAll('.label em, .label strong, .label b, .label i, .label code').length,
  html: root.innerHTML.length,
}))
"""


@dataclass
class Rendered:
    url: str
    sources: list[str]
    """The Mermaid text of every block, as built."""
    diagrams: list[dict[str, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    leftovers: int = 0

    def names(self, index: int) -> set[str]:
        return set(self.diagrams[index]["texts"])  # type: ignore[arg-type]


def mermaid_sources(page_html: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page_html, re.S)]


def entity_labels(source: str) -> list[str]:
    """The table names a block declares, decoded as Mermaid shows them."""
    labels = re.findall(r'^\s+t\d+\["([^"]*)"\]', source, re.M)
    return [re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label) for label in labels]


def render(browser: Browser, base: str, result: BuildResult, path: str, shots: Path, timeout: float = 120) -> Rendered:
    """Open a page, wait until Material has turned every block into a diagram (or failed)."""
    sources = mermaid_sources(result.html(path))
    page: Page = browser.new_page()
    rendered = Rendered(base + path, sources)
    try:
        page.goto(rendered.url)
        expected = len(sources)
        deadline = time.monotonic() + timeout
        # Mermaid renders asynchronously after Material swaps each code block for a host element;
        # a block it cannot parse raises instead, so errors end the wait too.
        while page.evaluate("window.__shadowRoots.length") < expected and not page.errors():
            assert time.monotonic() < deadline, f"{rendered.url}: diagrams not rendered within {timeout}s"
            time.sleep(0.1)
        rendered.diagrams = page.evaluate(COLLECT)
        rendered.errors = page.errors()
        rendered.requests = page.requests()
        rendered.leftovers = page.evaluate(
            'document.querySelectorAll(\'pre.mermaid, [id^="d__mermaid"], [id^="i__mermaid"]\').length'
        )
        name = re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") or "index"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(shots / f"{name}.png")
        for i in range(min(page.evaluate("document.querySelectorAll('div.mermaid').length"), 3)):
            page.screenshot(shots / f"{name}_diagram{i}.png", "div.mermaid", i)
    finally:
        page.close()
    return rendered


def assert_rendered(rendered: Rendered, base: str, allowed: tuple[str, ...] = ()) -> None:
    """Every block is an SVG naming every table its source declares, with no error anywhere."""
    assert rendered.errors == [], rendered.errors
    assert rendered.leftovers == 0, f"{rendered.url}: a block was not replaced by a diagram"
    assert len(rendered.diagrams) == len(rendered.sources), rendered.url
    for i, (diagram, source) in enumerate(zip(rendered.diagrams, rendered.sources, strict=True)):
        assert diagram["svg"] == 1, f"{rendered.url} block {i}: no SVG"
        texts = rendered.names(i)
        for error in ERROR_TEXTS:
            assert not any(error in t for t in texts), f"{rendered.url} block {i}: {error}"
        missing = [label for label in entity_labels(source) if label.strip() not in texts]
        assert missing == [], f"{rendered.url} block {i}: tables not shown: {missing}"
        assert diagram["markup"] == 0, f"{rendered.url} block {i}: a name was read as Markdown or HTML"
    outside = [u for u in rendered.requests if not u.startswith((base, "data:", *allowed))]
    assert outside == [], f"requests that left the site: {outside}"


def material_site(site: SiteBuilder, **options: object) -> SiteBuilder:
    plugin = {"diagrams": {"offline": True}, **options}
    site.mkdocs_yml(plugin, theme="material", extra={"theme": {"name": "material", "font": False}})
    return site


def shots_for(request: pytest.FixtureRequest) -> Path:
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def test_every_diagram_of_a_material_site_renders_offline(
    browser: Browser, site: SiteBuilder, request: pytest.FixtureRequest
) -> None:
    shutil.copytree(SHOP, site.root / "catalog")
    material_site(site, infer_references=True)
    result = site.build()
    assert result.error is None, result.error
    shots = shots_for(request)
    pages = ["databases/", "databases/shop/", "databases/users/"]
    pages += sorted(
        f"databases/shop/{p.name}/" for p in (result.site_dir / "databases" / "shop").iterdir() if p.is_dir()
    )
    with serve(result.site_dir) as base:
        seen: dict[str, Rendered] = {}
        for path in pages:
            seen[path] = render(browser, base, result, path, shots)
            assert_rendered(seen[path], base)
    assert len(seen["databases/"].sources) == 1
    assert {"shop-service / shop", "users-service / users"} <= seen["databases/"].names(0)
    assert {"orders.user_id → users.id", "inferred: reviews.user_id → users.id"} <= seen["databases/"].names(0)
    assert {"customers", "orders", "order_lines", "shipments", "categories", "products"} <= seen[
        "databases/shop/"
    ].names(0)
    assert {"orders", "customers", "coupons", "order_lines"} <= seen["databases/shop/orders/"].names(0)
    assert "products" not in seen["databases/shop/orders/"].names(0)
    assert {"product_categories", "products", "categories"} <= seen["databases/shop/product_categories/"].names(0)
    assert seen["databases/shop/audit_log/"].sources == []  # no relationship, no diagram
    diagrams = sum(len(r.sources) for r in seen.values())
    assert diagrams >= 12


def test_names_mermaid_cannot_take_render_and_read_as_written(
    browser: Browser, site: SiteBuilder, request: pytest.FixtureRequest
) -> None:
    site.catalog("awkward", awkward_catalog_yaml())
    material_site(site, diagrams={"offline": True, "columns": "all"})
    result = site.build()
    assert result.error is None, result.error
    shots = shots_for(request)
    with serve(result.site_dir) as base:
        rendered = render(browser, base, result, "databases/awkward/", shots)
        assert_rendered(rendered, base)
        table = render(browser, base, result, "databases/awkward/hub.parent/", shots)
        assert_rendered(table, base)
    texts = rendered.names(0)
    assert set(AWKWARD_TABLES) | {"hub.parent"} <= texts
    assert {"character varying(255)", "display name", "numeric(10,2)", 'enum("a","b")', "parent id"} <= texts
    assert {"timestamp with time zone", "PK", "UK", "FK"} <= texts


@pytest.mark.slow
def test_thousand_table_database_renders_every_block_under_the_limits(
    browser: Browser, site: SiteBuilder, request: pytest.FixtureRequest
) -> None:
    site.catalog("big", big_catalog_yaml(1000))
    material_site(site)
    result = site.build()
    assert result.error is None, result.error
    sources = mermaid_sources(result.html("databases/big/"))
    assert len(sources) == 10  # max_diagrams; the rest is listed on the page
    for source in sources:
        assert js_length(source) < MAX_TEXT_SIZE
        assert len(entity_labels(source)) <= 30
    page_text = html.unescape(re.sub(r"<[^>]+>", "", result.html("databases/big/")))
    assert "drawn as groups of connected tables" in page_text
    assert re.search(r"Not drawn \(\d+, past 10 diagrams\)", page_text)
    assert re.search(r"\d+ relationships are not drawn", page_text)
    hub = max(
        (p for p in (result.site_dir / "databases" / "big").iterdir() if p.is_dir()),
        key=lambda p: (p / "index.html").read_text().count("<code>1&#45;&#45;&#45;"),
    )
    shots = shots_for(request)
    with serve(result.site_dir) as base:
        rendered = render(browser, base, result, "databases/big/", shots, timeout=300)
        assert_rendered(rendered, base)
        hub_page = render(browser, base, result, f"databases/big/{hub.name}/", shots)
        assert_rendered(hub_page, base)
    assert len(entity_labels(hub_page.sources[0])) == 30  # the hub's most connected neighbours
    hub_text = html.unescape(re.sub(r"<[^>]+>", "", result.html(f"databases/big/{hub.name}/")))
    assert re.search(r"Not drawn \(\d+\)", hub_text)


def test_a_broken_block_is_reported(browser: Browser, site: SiteBuilder, request: pytest.FixtureRequest) -> None:
    """The checks above can fail: a block Mermaid cannot parse does not pass them."""
    site.write("docs/broken.md", "# Broken\n\n```mermaid\nerDiagram\n    a ||--o{ : missing entity\n```\n")
    shutil.copytree(SHOP, site.root / "catalog")
    material_site(site)
    result = site.build()
    assert result.error is None, result.error
    with serve(result.site_dir) as base:
        rendered = render(browser, base, result, "broken/", shots_for(request), timeout=30)
    with pytest.raises(AssertionError, match="Parse error"):
        assert_rendered(rendered, base)
    assert rendered.leftovers >= 1  # the code block is still there, as text


def test_without_the_offline_option_material_asks_the_cdn(
    browser: Browser, site: SiteBuilder, request: pytest.FixtureRequest
) -> None:
    """What `offline` fixes: without it the page fetches Mermaid from unpkg and, offline, draws nothing."""
    shutil.copytree(SHOP, site.root / "catalog")
    site.mkdocs_yml({}, theme="material", extra={"theme": {"name": "material", "font": False}})
    result = site.build()
    page = browser.new_page()
    with serve(result.site_dir) as base:
        try:
            page.goto(base + "databases/shop/")
            page.wait_for(
                "performance.getEntriesByType('resource').some(r => r.name.includes('unpkg.com/mermaid'))", timeout=30
            )
            requests = page.requests()
            drawn = page.evaluate("window.__shadowRoots.length")
            page.screenshot(shots_for(request) / "cdn.png")
        finally:
            page.close()
    assert any(u.startswith("https://unpkg.com/mermaid@11/") for u in requests), json.dumps(requests)
    assert drawn == 0


SAMPLE_SITE = Path(__file__).parents[1] / "sample_site"
GOOGLE_FONTS = ("https://fonts.googleapis.com/", "https://fonts.gstatic.com/")


@pytest.mark.slow
def test_sample_site_diagrams_all_render(browser: Browser, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The sample site as shipped (Material, the mermaid fence, `offline: true`): every diagram renders."""
    config = load_config(str(SAMPLE_SITE / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    result = BuildResult(tmp_path / "site", [])
    pages = sorted(
        str(p.parent.relative_to(result.site_dir)) + "/"
        for p in result.site_dir.rglob("index.html")
        if '<pre class="mermaid">' in p.read_text(encoding="utf-8")
    )
    assert "databases/" in pages and len(pages) >= 10, pages
    shots = shots_for(request)
    blocks = 0
    with serve(result.site_dir) as base:
        for path in pages:
            rendered = render(browser, base, result, path, shots)
            # The sample keeps Material's web font; only that may be asked of the network.
            assert_rendered(rendered, base, allowed=GOOGLE_FONTS)
            assert not any("unpkg.com" in u or "mermaid" in u.split("/")[2] for u in rendered.requests if "//" in u)
            blocks += len(rendered.sources)
    assert blocks >= len(pages)


def test_public_schemas_read_live_render(browser: Browser, site: SiteBuilder, request: pytest.FixtureRequest) -> None:
    """Chinook and Sakila (SQLite files), read live by the build: their diagrams render too."""
    shutil.copy(DATASETS / "chinook" / "Chinook_Sqlite.sqlite", site.root / "chinook.db")
    with sqlite3.connect(site.root / "sakila.db") as connection:
        connection.executescript((DATASETS / "sakila" / "sqlite-sakila-schema.sql").read_text())
    site.catalog("chinook", "database: chinook\nconnection: {url: 'sqlite:///chinook.db'}\n")
    site.catalog("sakila", "database: sakila\nconnection: {url: 'sqlite:///sakila.db'}\n")
    material_site(site)
    result = site.build()
    assert result.error is None, result.error
    shots = shots_for(request)
    with serve(result.site_dir) as base:
        pages = {
            path: render(browser, base, result, path, shots)
            for path in (
                "databases/chinook/",
                "databases/sakila/",
                "databases/sakila/film/",
                "databases/chinook/playlisttrack/",
            )
        }
        for rendered in pages.values():
            assert_rendered(rendered, base)
    assert {"actor", "film", "category", "language", "store", "staff"} <= pages["databases/sakila/"].names(0)
    assert {"via film_actor", "via film_category"} <= pages["databases/sakila/"].names(0)
    assert {"Playlist", "Track", "via PlaylistTrack", "ReportsTo"} <= pages["databases/chinook/"].names(0)
    assert {"PlaylistTrack", "Playlist", "Track"} <= pages["databases/chinook/playlisttrack/"].names(0)
