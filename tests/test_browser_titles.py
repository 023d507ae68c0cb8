"""Page titles as a reader's browser sees them: hostile names in the tab, the heading, the nav and search.

A name reaches more than the page body: the `<title>`, the nav label, Material's header, the toc
and the search index, and each theme writes it there its own way (Material's `<title>` runs
`striptags`, which turns entities back into markup). These sites are built with MkDocs and opened in
headless Chromium: no injected element may exist, no injected script may run, and the tab title and
the heading show each name exactly as written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .browser import Browser, serve
from .sitebuilder import BuildResult, SiteBuilder

pytestmark = pytest.mark.browser

DATABASE = "q</title><script>document.documentElement.id='pw'</script>"
TABLE = "t</title><script>document.documentElement.id='tw'</script> &lt;b&gt; \"dq\" 'sq' {{ x }}"
LIVE = "live<img src=x onerror=\"document.documentElement.id='db'\">"
LIVE_TABLE = "s</title><img src=x onerror=\"document.documentElement.id='img'\"> &amp;"
TITLE = "Cat</title><script>document.documentElement.id='nav'</script> & {{ y }}"
SITE_NAME = "Test site"

# What the page holds that it should not: an element a name injected, or an id set by one.
PROBE = """
(() => {
  const scripts = Array.from(document.querySelectorAll('script'))
      .filter(s => s.textContent.includes("documentElement.id="));
  const h1 = document.querySelector('article h1, [role="main"] h1');
  const text = el => el ? Array.from(el.childNodes).filter(n => !(n.classList && n.classList.contains('headerlink')))
      .map(n => n.textContent).join('').trim() : null;
  const topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
  return {
    id: document.documentElement.id,
    injected: scripts.length + document.querySelectorAll('img[src="x"], title ~ title, body title').length,
    title: document.title,
    h1: text(h1),
    header: topic ? topic.textContent.trim() : null,
    nav: Array.from(document.querySelectorAll('nav a, nav label, .navbar a')).map(e => e.textContent.trim()),
  };
})()
"""


@dataclass
class Built:
    result: BuildResult
    theme: str


def _build(root: Path, theme: str) -> Built:
    site = SiteBuilder(root)
    with sqlite3.connect(root / "live.db") as connection:
        connection.execute(f'CREATE TABLE "{LIVE_TABLE.replace(chr(34), chr(34) * 2)}" (id INTEGER PRIMARY KEY)')
    site.catalog(
        "evil",
        f"""
        database: {json.dumps(DATABASE)}
        engine: postgresql
        tables:
          {json.dumps(TABLE)}:
            purpose: A table whose name is hostile.
            columns:
              id: Primary key
        """,
    )
    plugin = {"title": TITLE, "databases": [{"name": LIVE, "url": "sqlite:///live.db"}]}
    # Nothing from a CDN: Material's fonts and the default theme's highlight.js would fail to load.
    extra = {"theme": {"name": theme, "font": False} if theme == "material" else {"name": theme, "highlightjs": False}}
    site.mkdocs_yml(plugin, theme=theme, extra=extra)
    result = site.build(strict=False)
    assert result.error is None, result.error
    return Built(result, theme)


@pytest.fixture(scope="module", params=["material", "mkdocs"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    yield _build(tmp_path_factory.mktemp(f"titles-{request.param}"), request.param)


def _pages(result: BuildResult) -> dict[str, str]:
    """Each generated page's URL and the name its tab and heading must show."""
    pages = {"databases/": TITLE, "databases/health/": "Catalog Health"}
    for folder in (result.site_dir / "databases").iterdir():
        if not folder.is_dir() or folder.name == "health":
            continue
        evil = folder.name.startswith("q-")
        pages[f"databases/{folder.name}/"] = DATABASE if evil else LIVE
        for table in folder.iterdir():
            if table.is_dir():
                pages[f"databases/{folder.name}/{table.name}/"] = TABLE if evil else LIVE_TABLE
    assert len(pages) == 6, sorted(pages)
    return pages


def test_hostile_names_are_shown_as_written_in_tab_heading_and_nav(built: Built, browser: Browser) -> None:
    with serve(built.result.site_dir) as base:
        for path, name in _pages(built.result).items():
            page = browser.new_page()
            try:
                page.goto(base + path)
                seen = page.evaluate(PROBE)
                errors = page.errors()
            finally:
                page.close()
            where = f"{built.theme} {path}"
            assert seen["id"] == "", f"{where}: an injected script ran ({seen['id']})"
            assert seen["injected"] == 0, f"{where}: a name became an element"
            assert seen["title"] == f"{name} - {SITE_NAME}", where
            assert seen["h1"] == name, where
            if built.theme == "material":
                assert seen["header"] == name, where
            assert TITLE in seen["nav"], f"{where}: the nav section is not named as written"
            assert DATABASE in seen["nav"] and LIVE in seen["nav"], where
            assert errors == [], f"{where}: {errors}"


def test_search_index_titles_are_html_that_holds_no_markup_from_a_name(built: Built) -> None:
    """Both themes insert search titles as HTML (MkDocs' own titles carry entities), so a name must be escaped."""
    index = json.loads((built.result.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"] for doc in index["docs"]]
    assert "<" not in "".join(titles)
    assert any("q&lt;/title&gt;&lt;script&gt;" in t for t in titles)
    if built.theme == "material":  # Material's index text is HTML too (the default theme's is plain text)
        assert not any("<script" in doc["text"] or "<img" in doc["text"] for doc in index["docs"])
