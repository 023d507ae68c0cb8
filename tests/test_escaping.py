"""Hostile text from YAML cannot break a table, inject an element or attribute, or include files."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_dbcatalog.render import filters

from .sitebuilder import SiteBuilder, elements, main_content

HOSTILE = (
    'pipe | back`tick` <script>alert("x")</script> <img src=x onerror=alert(1)> '
    '[link](javascript:alert(1)) ![img](x.png) *em* _u_ **b** {: onclick="alert(2)" } '
    "&amp; &lt;b&gt; \\ # $x$ ==mark== ~~del~~ ^^ins^^ :smile: <!-- c --> {++ins++} "
    '--8<-- "secret.txt"\nsecond line | still\n--8<-- "secret.txt"\n\n--8<-- "secret.txt"'
)
SECRET_FILE_TEXT = "TOP-SECRET-CONTENT-9f3a"


class TableShapes(HTMLParser):
    """Cell count of every row of every table."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[int]] = []
        self._row: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = 0
        elif tag in ("td", "th") and self._row is not None:
            self._row += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None


BENIGN = "plain words\nsecond line\nthird line\n\nfourth line"


def hostile_site(site: SiteBuilder, value: str = HOSTILE) -> None:
    text = json.dumps(value)  # a valid YAML double-quoted scalar
    name = json.dumps(value.replace("\n", " ")[:70])
    site.write("secret.txt", SECRET_FILE_TEXT)
    site.write("docs/secret.txt", SECRET_FILE_TEXT)
    site.catalog(
        "evil",
        f"""
        database: evil
        service: {text}
        description: {text}
        orm: {text}
        owner: {{team: {text}, contact: {text}}}
        tags: [{text}, pii]
        extensions:
          pg_trgm: {text}
        tables:
          accounts:
            purpose: {text}
            owner: {text}
            tags: [{text}]
            columns:
              id: {{type: bigint, nullable: false, primary_key: true, description: {text}}}
              note: {{type: {text}, default: {text}, description: {text}, tags: [{text}, "pii:{name[1:-1]}"]}}
              {name}: {{type: int, description: {text}}}
            indexes:
              - {{name: {text}, columns: [note], type: btree, purpose: {text}}}
            checks:
              - {{name: {text}, expression: {text}}}
            triggers:
              - {{name: {text}, timing: {text}, events: [INSERT], definition: {text}}}
          {name}:
            purpose: {text}
            columns:
              {name}: {{type: int, references: accounts.id}}
          orders:
            purpose: {text}
            kind: view
            definition: {text}
            columns:
              account_id: {{type: bigint, references: accounts.id, description: {text}}}
        seed_data:
          location: {text}
          tables: [{{table: accounts, purpose: {text}, count: 1}}]
        migrations:
          tool: alembic
          history: [{{version: {text}, name: {text}, description: {text}}}]
        backup: {{frequency: {text}, type: {text}, retention: {text}, storage: {text}}}
        """,
    )


PAGES = ("databases/", "databases/evil/", "databases/evil/accounts/", "databases/evil/orders/", "databases/tags/")


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_hostile_text_is_inert_in_built_html(tmp_path: Path, theme: str) -> None:
    results = {}
    for name, value in (("benign", BENIGN), ("hostile", HOSTILE)):
        site = SiteBuilder(tmp_path / name)
        hostile_site(site, value)
        markdown = extensions(site) + ([mermaid_fence()] if theme == "material" else [])
        # A table has no primary key: a lint finding on the health page, not a reason to fail --strict.
        site.mkdocs_yml({"lint": {"table-without-primary-key": "warning"}}, theme=theme,
                        extra={"markdown_extensions": markdown})
        results[name] = site.build()
        assert results[name].error is None, results[name].error
    result = results["hostile"]
    if theme == "material":
        assert '<div class="dbcatalog-diagram"' in result.html("databases/evil/accounts/")

    for page in PAGES:
        content = main_content(result.html(page))
        # The same elements and attributes as with harmless text: nothing was injected.
        structure = [(tag, sorted(attrs)) for tag, attrs in elements(content)]
        baseline = [(tag, sorted(attrs)) for tag, attrs in elements(main_content(results["benign"].html(page)))]
        assert structure == baseline, page
        for tag, attrs in elements(content):
            for name, value in attrs.items():
                assert not name.startswith("on"), (page, tag, name)
                assert not (value or "").strip().lower().startswith("javascript:"), (page, tag, value)
        assert SECRET_FILE_TEXT not in content
        shapes = TableShapes()
        shapes.feed(content)
        for rows in shapes.tables:
            assert len(set(rows)) == 1, (page, rows)
        # The text is shown literally, markup characters included, as the reader's text.
        visible = html.unescape(re.sub(r"<[^>]+>", "", content))
        assert 'pipe | back`tick` <script>alert("x")</script>' in visible, page
        assert '{: onclick="alert(2)" }' in visible, page
    # The table whose name is hostile has a page of its own with a safe URL, and says its name.
    pages = sorted(p.parent.name for p in (result.site_dir / "databases" / "evil").glob("*/index.html"))
    assert len(pages) == 3 and all(re.fullmatch(r"[a-z0-9._-]+", p) for p in pages), pages


def extensions(site: SiteBuilder) -> list[object]:
    return [
        "admonition",
        "attr_list",
        "md_in_html",
        "def_list",
        "pymdownx.tilde",
        "pymdownx.caret",
        "pymdownx.mark",
        "pymdownx.critic",
        "pymdownx.arithmatex",
        {"pymdownx.snippets": {"base_path": [str(site.root), str(site.root / "docs")]}},
        {"pymdownx.emoji": {}},
    ]


def mermaid_fence() -> dict[str, object]:
    """Material's Mermaid support: hostile names then reach diagrams as entity and column labels."""
    fence = {"name": "mermaid", "class": "mermaid", "format": "!!python/name:pymdownx.superfences.fence_code_format"}
    return {"pymdownx.superfences": {"custom_fences": [fence]}}


def test_escape_function_neutralises_markdown_and_html() -> None:
    escaped = filters.escape("a|b\n<x>`c` [d](e) {: f}")
    assert "|" not in escaped and "<x>" not in escaped and "`" not in escaped
    assert "\n" not in escaped and "<br>" in escaped
    assert html.unescape(escaped.replace("<br>", "\n")) == "a|b\n<x>`c` [d](e) {: f}"


def test_code_block_cannot_be_closed_from_inside() -> None:
    block = filters.fence('select 1;\n</code></pre><script>x</script>\n--8<-- "f" {++a++}', "sql")
    assert block.count("<pre>") == 1 and block.count("</pre>") == 1 and "<script>" not in block
    assert "--8<--" not in block and "{++" not in block
