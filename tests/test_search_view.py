"""Search entries of the one-page layout (`table_pages: false`): every table section stays searchable.

The search plugins index a generated page through `searchview.SearchToc` (lookups in linear time); the
entries must be the ones a depth-first walk of the page's own table of contents gives, and the page's
table of contents must still list its sections.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from mkdocs.structure.toc import AnchorLink, TableOfContents

from mkdocs_dbcatalog.builds.searchview import SearchToc

from .sitebuilder import SiteBuilder


def _depth_first(items: TableOfContents | list[AnchorLink], anchor: str | None) -> AnchorLink | None:
    """How MkDocs' and Material's search plugins look a section up."""
    for item in items:
        if item.id == anchor:
            return item
        found = _depth_first(item.children, anchor)
        if found is not None:
            return found
    return None


def _toc(width: int, depth: int, prefix: str = "h") -> list[AnchorLink]:
    items = []
    for i in range(width):
        link = AnchorLink(f"Title {prefix}{i}", f"{prefix}{i}", 6 - depth)
        if depth:
            link.children = _toc(width, depth - 1, f"{prefix}{i}-")
        items.append(link)
    return items


def test_lookups_find_what_a_depth_first_walk_finds() -> None:
    toc = TableOfContents(_toc(4, 3))
    flat = SearchToc(toc)
    anchors = [link.id for link in flat.items]
    assert len(anchors) == 4 + 16 + 64 + 256
    shuffled = anchors[:]
    random.Random(7).shuffle(shuffled)
    for anchor in [*anchors, *shuffled, "missing", None, *anchors]:
        expected, got = _depth_first(toc, anchor), _depth_first(flat, anchor)
        assert (expected is None) == (got is None)
        if expected is not None and got is not None:
            assert (got.title, got.url, got.level) == (expected.title, expected.url, expected.level)
    assert flat.original is toc


CATALOG = "database: shop\nengine: postgresql\ntables:\n" + "".join(
    f"  t{i:02d}:\n    purpose: Table {i}.\n    columns:\n"
    f"      id: {{type: bigint, primary_key: true, nullable: false}}\n"
    f"      code_{i}: {{type: text, description: Code of table {i}.}}\n"
    + (f"    foreign_keys:\n      - {{columns: [id], references: t{i - 1:02d}(id)}}\n" if i else "")
    for i in range(30)
)


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_every_table_section_is_a_search_entry(tmp_path: Path, theme: str) -> None:
    site = SiteBuilder(tmp_path)
    site.catalog("shop", CATALOG)
    site.mkdocs_yml({"table_pages": False}, theme=theme)
    result = site.build()
    assert result.error is None, result.error
    page = result.html("databases/shop/")
    entries = json.loads((result.site_dir / "search" / "search_index.json").read_text())["docs"]
    located = {e["location"]: e for e in entries if e["location"].startswith("databases/shop/")}
    section_ids = re.findall(r'<h[2-4] id="([^"]+)"', page)
    assert "table-t00" in section_ids and "table-t29" in section_ids
    for anchor in section_ids:
        assert f"databases/shop/#{anchor}" in located, anchor
    assert "t17" in located["databases/shop/#table-t17"]["title"]
    assert "Code of table 17." in json.dumps(entries)
    # The page's own table of contents still lists every table section.
    assert all(f'href="#table-t{i:02d}"' in page for i in range(30))


HOOK = '''
import json
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-200)
def on_page_context(context, page, config, nav):
    """Each page's HTML as the theme gets it, after every plugin (the plugin's own must be back)."""
    folder = Path(config.config_file_path).parent / "contents"
    folder.mkdir(exist_ok=True)
    (folder / (page.file.src_uri.replace("/", "_") + ".html")).write_text(page.content)
'''


def test_material_indexes_the_words_of_the_pages_it_shows(tmp_path: Path) -> None:
    """Material's search reads generated pages without their table markup: its entries are the ones
    its parser makes of the page the reader sees, word for word."""
    from material.plugins.search.plugin import Parser

    site = SiteBuilder(tmp_path)
    site.catalog("shop", CATALOG)
    site.write("hooks.py", HOOK)
    site.mkdocs_yml(theme="material", extra={"hooks": ["hooks.py"]})
    result = site.build()
    assert result.error is None, result.error
    entries = json.loads((result.site_dir / "search" / "search_index.json").read_text())["docs"]
    by_location = {e["location"]: e for e in entries}
    page = (tmp_path / "contents" / "databases_shop_t17.md.html").read_text()
    assert "<table" in page and "<td>" in page  # the reader's page keeps its tables
    parser = Parser()
    parser.feed(page)
    parser.close()
    assert len(parser.data) > 2
    for section in parser.data:
        location = "databases/shop/t17/" + (f"#{section.id}" if section.id else "")
        entry = by_location[location]
        assert entry["title"] == "".join(section.title).strip() or not section.title
        assert entry["text"].split() == "".join(section.text).split(), location
    columns = by_location["databases/shop/t17/#columns"]["text"]
    assert "<code>code_17</code>" in columns and "Code of table 17." in columns
