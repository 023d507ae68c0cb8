"""Golden pages: the shipped templates rendered from a fixed catalog, compared with committed Markdown.

A template change shows up here as a readable diff. After a deliberate change, regenerate with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.pages import generate
from mkdocs_dbcatalog.render.diagrams import DiagramOptions
from mkdocs_dbcatalog.render.links import SiteMap
from mkdocs_dbcatalog.render.renderer import Features, Renderer, Settings

GOLDEN = Path(__file__).parent / "golden"
PAGES = [
    "databases/index.md",
    "databases/orders/index.md",
    "databases/orders/orders.md",
    "databases/identity/user_roles.md",
    "databases/inventory/index.md",
    "databases/health.md",
    "databases/tags.md",
    "databases/inventory/viewpoints/stock.md",
]
MAP = ("databases/inventory/index.md", "databases/inventory/index.map.md")
"""The inventory page drawn as a large database (`max_tables: 3`): led by its map."""


def rendered(tmp_path: Path, max_tables: int = 30) -> dict[str, str]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        # history.commits 0: the golden catalog's own git history must not change the pages.
        f"site_name: Golden\nplugins:\n  - dbcatalog:\n      catalog: {GOLDEN / 'catalog'}\n"
        "      history:\n        commits: 0\n",
        encoding="utf-8",
    )
    options = load_config(str(tmp_path / "mkdocs.yml")).plugins["dbcatalog"].config
    assembled = assemble(options, GOLDEN)
    settings = Settings(
        last_updated="2026-01-31",
        features=Features(admonition=True, mermaid=True),
        diagrams=DiagramOptions(max_tables=max_tables),
    )
    renderer = Renderer(assembled.catalog, SiteMap.build(assembled.catalog, "databases", True), settings)
    # The HTML blocks written in place, so that the golden file shows the whole page.
    return {page.src_uri: renderer.fragments.expand(page.content) for page in generate(renderer, assembled.health)}


@pytest.mark.parametrize("page", [*PAGES, MAP[1]])
def test_page_matches_its_golden_markdown(tmp_path: Path, page: str) -> None:
    content = rendered(tmp_path, 3)[MAP[0]] if page == MAP[1] else rendered(tmp_path)[page]
    golden = GOLDEN / "pages" / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run with UPDATE_GOLDEN=1"
    assert content == golden.read_text(encoding="utf-8")
