"""A database's generated pages as a reader sees them: each table's rows as the texts of its cells.

Renders with the shipped templates, Python-Markdown's `tables` extension and the plugin's own (which
places the generated HTML), as a site does, so assertions read like what is on the page:
`rows(page, "Columns")["t"]["Default"]`.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

from mkdocs_dbcatalog.catalog.model import Catalog, Database
from mkdocs_dbcatalog.pages import generate
from mkdocs_dbcatalog.render.htmlblocks import PlaceHtml
from mkdocs_dbcatalog.render.links import SiteMap
from mkdocs_dbcatalog.render.renderer import Renderer, Settings


def pages(database: Database) -> dict[str, str]:
    """Page URI → HTML of every page the catalog of this one database generates."""
    catalog = Catalog((database,))
    renderer = Renderer(catalog, SiteMap.build(catalog, "databases", True), Settings())
    extensions = ["tables", PlaceHtml(renderer.fragments)]
    return {page.src_uri: markdown.markdown(page.content, extensions=extensions) for page in generate(renderer)}


def table_page(database: Database, key: str) -> str:
    catalog = Catalog((database,))
    uri = SiteMap.build(catalog, "databases", True).table_uri(database, key)
    assert uri is not None, key
    return pages(database)[uri]


def database_page(database: Database) -> str:
    catalog = Catalog((database,))
    return pages(database)[SiteMap.build(catalog, "databases", True).database_uri(database)]


class _Tables(HTMLParser):
    """Headings, paragraphs and tables, in page order; `<br>` inside a cell is kept as a newline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[list[str]]] = {}
        self.paragraphs: list[str] = []
        self.heading = ""
        self._text: list[str] | None = None
        self._row: list[str] | None = None
        self._in_heading = False
        self._in_paragraph = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4"):
            self._in_heading, self._text = True, []
        elif tag == "p":
            self._in_paragraph, self._text = True, []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._text = []
        elif tag == "br" and self._text is not None:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4") and self._text is not None:
            self.heading, self._in_heading, self._text = "".join(self._text).strip(), False, None
        elif tag == "p" and self._text is not None:
            self.paragraphs.append("".join(self._text).strip())
            self._in_paragraph, self._text = False, None
        elif tag in ("td", "th") and self._row is not None and self._text is not None:
            self._row.append("".join(self._text).strip())
            self._text = None
        elif tag == "tr" and self._row is not None:
            self.sections.setdefault(self.heading, []).append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def parse(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def rows(html: str, heading: str) -> dict[str, dict[str, str]]:
    """The table under `heading`: first cell → {column header → cell text}."""
    table = parse(html).sections.get(heading)
    assert table, f"no table under {heading!r}"
    header, *body = table
    return {row[0]: dict(zip(header, row, strict=True)) for row in body}


def paragraphs(html: str) -> list[str]:
    return parse(html).paragraphs
