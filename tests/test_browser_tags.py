"""Tag badges as a reader sees them in Chromium, at 1,400 and 800 px, with Material (and its tags
plugin) and with MkDocs' own theme: chips that stay on one line inside their cell, personal data in
a colour of its own, each a link to its section of the Tags page. Screenshots of the columns table
are kept under tests/artifacts/tags/ (git-ignored) for people to look at."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import Browser, serve
from .sitebuilder import SiteBuilder

pytestmark = pytest.mark.browser

GOLDEN = Path(__file__).parent / "golden" / "catalog"
ARTIFACTS = Path(__file__).parent / "artifacts" / "tags"

BADGES = """
(() => Array.from(document.querySelectorAll('.dbcatalog table .dbc-tag')).map(chip => {
  const style = getComputedStyle(chip), cell = chip.closest('td').getBoundingClientRect();
  const box = chip.getBoundingClientRect();
  return {
    text: chip.textContent.trim(),
    pii: chip.classList.contains('dbc-tag--pii'),
    display: style.display,
    background: style.backgroundColor,
    lines: chip.getClientRects().length,
    inside: box.left >= cell.left - 0.5 && box.right <= cell.right + 0.5,
    href: chip.querySelector('a') && chip.querySelector('a').href,
  };
}))()
"""


@pytest.fixture(scope="module", params=["material", "mkdocs"])
def tagged_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    theme = request.param
    site = SiteBuilder(tmp_path_factory.mktemp(f"tags_{theme}"))
    shutil.copytree(GOLDEN, site.root / "catalog")
    plugins = ["search", "tags"] if theme == "material" else ["search"]
    extra = {"plugins": [*plugins, {"dbcatalog": {"diagrams": {"enabled": False}}}]}
    if theme == "material":
        extra["theme"] = {"name": "material", "font": False}
    site.mkdocs_yml(theme=theme, extra=extra)
    result = site.build(strict=False)
    assert result.error is None, result.error
    with serve(result.site_dir) as base:
        yield theme, base


@pytest.mark.parametrize("width", [1400, 800])
def test_badges_are_chips_on_one_line_inside_their_cell(
    browser: Browser, tagged_site: tuple[str, str], width: int
) -> None:
    theme, base = tagged_site
    page = browser.new_page(width=width, height=900)
    try:
        page.goto(base + "databases/orders/shipments/")
        chips = page.evaluate(BADGES)
        page.screenshot(ARTIFACTS / f"columns-{theme}-{width}.png", selector=".dbcatalog table", index=0)
        page.goto(base + "databases/orders/orders/")
        chips += page.evaluate(BADGES)
        page.screenshot(ARTIFACTS / f"orders-{theme}-{width}.png", selector=".dbcatalog table", index=0)
        assert [c["text"] for c in chips] == ["pii", "pii", "pii:user-id"]
        for chip in chips:
            assert chip["display"] == "inline-block" and chip["lines"] == 1 and chip["inside"], chip
            assert chip["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), chip
        # Every chip's link lands on its tag's section of the Tags page.
        assert {c["href"].split("#", 1)[0] for c in chips} == {base + "databases/tags/"}
        page.goto(base + "databases/tags/")
        for chip in chips:
            anchor = chip["href"].split("#", 1)[1]
            assert page.evaluate(f"!!document.getElementById({anchor!r})"), chip["href"]
        page.goto(base + "databases/orders/shipments/")
        table_chip = page.evaluate(
            "(() => { const c = document.querySelector('.dbcatalog p .dbc-tag');"
            " return [c.textContent.trim(), getComputedStyle(c).backgroundColor]; })()"
        )
        assert table_chip[0] == "gdpr" and table_chip[1] != chips[0]["background"]  # personal data stands out
        # (MkDocs' own theme loads highlight.js from a CDN, which this machine cannot reach.)
        assert [e for e in page.errors() if "hljs is not defined" not in e] == []
    finally:
        page.close()
