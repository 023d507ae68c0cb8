# ruff: noqa: E501  (the YAML fixture and the page script are written out in full)
"""Generated pages as a reader sees them in Chromium with Material, at 1,400 and 800 px.

No word in a generated table (identifiers, types, defaults, hashes, file:line) may render on more
than one line: a table too wide for the page scrolls sideways instead. The plugin's stylesheet must
reach the generated pages only: a site's own page keeps the theme's look. Screenshots are kept
under tests/artifacts/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import Browser, serve
from .sitebuilder import SiteBuilder

pytestmark = pytest.mark.browser

GOLDEN = Path(__file__).parent / "golden" / "catalog"
ARTIFACTS = Path(__file__).parent / "artifacts" / "generated_pages"
WIDTHS = (1400, 800)

# Pagila's film table as PostgreSQL prints it (types and defaults), with no descriptions.
PAGILA = """
database: pagila
engine: postgresql
tables:
  language:
    columns:
      language_id: {type: integer, nullable: false, default: "nextval('language_language_id_seq'::regclass)"}
      name: {type: character(20), nullable: false}
      last_update: {type: timestamp with time zone, nullable: false, default: now()}
    primary_key: [language_id]
  film:
    columns:
      film_id: {type: integer, nullable: false, default: "nextval('film_film_id_seq'::regclass)"}
      title: {type: text, nullable: false}
      description: {type: text}
      release_year: {type: year}
      language_id: {type: integer, nullable: false}
      original_language_id: {type: integer}
      rental_duration: {type: smallint, nullable: false, default: "3"}
      rental_rate: {type: "numeric(4,2)", nullable: false, default: "4.99"}
      length: {type: smallint}
      replacement_cost: {type: "numeric(5,2)", nullable: false, default: "19.99"}
      rating: {type: mpaa_rating, default: "'G'::mpaa_rating"}
      last_update: {type: timestamp with time zone, nullable: false, default: now()}
      special_features: {type: "text[]"}
      fulltext: {type: tsvector, nullable: false}
    primary_key: [film_id]
    indexes:
      - {name: idx_title, columns: [title]}
      - {name: film_fulltext_idx, columns: [fulltext], type: gist}
      - {name: idx_fk_original_language_id, columns: [original_language_id]}
    foreign_keys:
      - {name: film_language_id_fkey, columns: [language_id], references: language(language_id), on_delete: RESTRICT, on_update: CASCADE}
      - {name: film_original_language_id_fkey, columns: [original_language_id], references: language(language_id), on_delete: RESTRICT, on_update: CASCADE}
"""

OWN_PAGE = """
# Notes

| Setting | Value |
|---|---|
| `a_very_long_configuration_identifier_that_the_theme_may_break` | `x` |
"""

# Every identifier (a code element or a link: names, types, defaults, hashes, file:line) in a generated
# table, and every word of its text (prose may wrap after a hyphen, never inside a word): whether each
# renders on one line.
WORDS = """
(() => {
  const broken = [];
  let words = 0;
  const oneLine = (node, start, end, text) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    words += 1;
    if (range.getClientRects().length > 1) broken.push(text);
  };
  for (const cell of document.querySelectorAll('.dbcatalog table td, .dbcatalog table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      if (node.parentElement.closest('code, a')) {
        const start = text.length - text.trimStart().length, end = text.trimEnd().length;
        if (end > start) oneLine(node, start, end, text.trim());
        continue;
      }
      for (const match of text.matchAll(/[^\\s-]+-*/g)) oneLine(node, match.index, match.index + match[0].length, match[0]);
    }
  }
  return {words, broken, tables: document.querySelectorAll('.dbcatalog table').length,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth};
})()
"""

PAGES = {
    "catalog": "databases/",
    "database": "databases/identity/",
    "table": "databases/pagila/film/",
    "health": "databases/health/",
    "migrations": "databases/inventory/",
}


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    site = SiteBuilder(tmp_path_factory.mktemp("pages_site"))
    shutil.copytree(GOLDEN, site.root / "catalog")
    site.catalog("pagila", PAGILA)
    site.write("docs/index.md", "# Home\n")
    site.write("docs/notes.md", OWN_PAGE)
    theme = {"theme": {"name": "material", "font": False}}
    site.mkdocs_yml({"diagrams": {"enabled": False}}, theme="material", extra=theme)
    result = site.build(strict=False)
    assert result.error is None, result.error
    with serve(result.site_dir) as base:
        yield base, result.site_dir


@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_in_a_generated_table_breaks(browser: Browser, material_site: tuple[str, Path], width: int) -> None:
    base, _ = material_site
    for name, path in PAGES.items():
        page = browser.new_page(width=width, height=900)
        try:
            page.goto(base + path)
            found = page.evaluate(WORDS)
            page.screenshot(ARTIFACTS / f"{name}-{width}.png", height=3000)
        finally:
            page.close()
        assert found["tables"] > 0 and found["words"] > 50, (name, found)
        assert found["broken"] == [], f"{path} at {width} px: words broken over lines: {found['broken'][:10]}"
        assert found["pageOverflow"] <= 0, f"{path} at {width} px: the page itself scrolls sideways"


def test_the_stylesheet_reaches_generated_pages_only(browser: Browser, material_site: tuple[str, Path]) -> None:
    base, site_dir = material_site
    assert (site_dir / "assets" / "dbcatalog" / "dbcatalog.css").is_file()
    style = "getComputedStyle(document.querySelector('article table code')).{}"
    page = browser.new_page(width=800, height=900)
    try:
        page.goto(base + "notes/")
        assert page.evaluate("document.querySelectorAll('.dbcatalog').length") == 0
        assert page.evaluate(style.format("wordBreak")) == "break-word"  # Material's own rule, untouched
        page.goto(base + "databases/pagila/film/")
        assert page.evaluate("document.querySelectorAll('article > .dbcatalog').length") == 1
        assert page.evaluate(style.format("whiteSpace")) == "nowrap"
        # The Description column is left out when no column has one.
        headers = page.evaluate(
            "Array.from(document.querySelectorAll('.dbcatalog table')[0].querySelectorAll('th'))"
            ".map(t => t.textContent.trim())"
        )
        assert headers == ["Column", "Type", "Nullable", "Default", "Key"]
    finally:
        page.close()


# Each prose cell (Description, Purpose) of a page's table named by `data-dbcatalog`, its width, and
# how far that table scrolls sideways (Material's scroll wrapper, or the table itself on other themes).
PROSE = """
((name, header) => {
  const table = document.querySelector(`.dbcatalog table[data-dbcatalog="${name}"]`);
  const heads = Array.from(table.querySelectorAll('thead th')).map(t => t.textContent.trim());
  const at = heads.indexOf(header);
  const box = table.closest('.md-typeset__scrollwrap') || table;
  const lines = cell => { const r = document.createRange(); r.selectNodeContents(cell); return r.getClientRects().length; };
  const size = heads.indexOf('Size');
  return {heads, hidden: box.scrollWidth - box.clientWidth,
          sizes: size < 0 ? [] : Array.from(table.querySelectorAll('tr')).filter(r => r.cells[size] && r.cells[size].tagName === 'TD')
            .map(r => [r.cells[size].textContent, lines(r.cells[size])]),
          widths: Array.from(table.querySelectorAll('tbody tr, tr')).filter(r => r.cells[at] && r.cells[at].tagName === 'TD')
            .map(r => Math.round(r.cells[at].getBoundingClientRect().width))};
})
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_prose_columns_have_room_to_read(browser: Browser, material_site: tuple[str, Path], width: int) -> None:
    """The orders table's Description and the database's table Purposes read four words a line or so
    (not two, squeezed by Default and Key); at 1,400 px the whole columns table is in view."""
    base, _ = material_site
    page = browser.new_page(width=width, height=900)
    try:
        page.goto(base + "databases/orders/orders/")
        columns = page.evaluate(PROSE + '("columns", "Description")')
        page.goto(base + "databases/orders/")
        tables = page.evaluate(PROSE + '("tables", "Purpose")')
    finally:
        page.close()
    assert columns["heads"][-1] == "Description" and len(columns["widths"]) == 6, columns
    assert min(columns["widths"]) >= 150, f"Description cells at {width} px: {columns['widths']}"
    assert len(tables["widths"]) == 7 and min(tables["widths"]) >= 150, f"Purpose cells at {width} px: {tables}"
    assert tables["sizes"] and all(n == 1 for _, n in tables["sizes"]), f"sizes over two lines: {tables['sizes']}"
    if width == 1400:
        assert columns["hidden"] <= 0, f"the columns table hides {columns['hidden']} px behind the sideways scroll"
