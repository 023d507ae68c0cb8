"""What the search plugins read while they index a generated page (`on_page_context`).

The table of contents:

MkDocs' and Material's search plugins look each section of a page up in its table of contents with a
depth-first walk from the top, so a page of N headings costs N²/2 steps: the database page of
`table_pages: false`, which holds every table as a section, took 10.5M calls at 1,000 tables and
42.2M at 2,000. While they index (`on_page_context`), a generated page's `page.toc` is this flat copy
whose walks start where the previous one stopped: sections come in page order, so each lookup takes a
step or two and the search entries are the very same (each heading's title and `#id`). The page's own
table of contents is put back before the theme renders it.

The HTML, for Material's search: its parser (`html.parser`) handles every tag, and a table page is
mostly table markup, yet the index keeps only the text of cells and a few inline tags (`code`, lists,
paragraphs). So it reads the page without the tags it would drop anyway (`table`, `tr`, `td`, `em`...
never those marked `data-search-exclude`): the same sections, titles and words, a fifth of the tags.
The page keeps its HTML. MkDocs' own search joins the text of tags with spaces, so it reads the page
as it is.

Both are swapped in at `on_page_context` priority 100 and put back at -100 (search plugins run at 0):
another plugin whose handler runs between those sees them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs.structure.toc import AnchorLink, TableOfContents


class SearchToc(TableOfContents):
    """Every heading of a table of contents in page order, without children, walked from a cursor."""

    def __init__(self, toc: TableOfContents) -> None:
        flat: list[AnchorLink] = []
        pending = list(reversed(list(toc)))
        while pending:  # depth-first, page order, without recursion (a deep page cannot overflow)
            item = pending.pop()
            flat.append(AnchorLink(item.title, item.id, item.level))
            pending.extend(reversed(item.children))
        super().__init__(flat)
        self.original = toc
        self._cursor = 0

    def __iter__(self) -> Iterator[AnchorLink]:
        count, start = len(self.items), self._cursor
        for step in range(count):
            index = (start + step) % count
            self._cursor = index  # a lookup that stops here resumes here next time
            yield self.items[index]


_DROPPED = re.compile(
    r"</?(?:table|thead|tbody|tfoot|tr|th|td|colgroup|caption|strong|em|b|i|span|small|abbr)"
    r"(?:\s(?![^>]*data-search-exclude)[^>]*)?>"
)
"""Tags Material's search drops, keeping their text (its `Parser.keep` lists the ones it keeps);
headings, links (the permalink), `script` and the tags it keeps stay."""


def without_markup(html: str) -> str:
    """A page's HTML as Material's search reads it: the text of table cells, without the tags around it.

    A page with parts excluded from search is read as it is (a kept opening tag needs its closing one).
    """
    if "data-search-exclude" in html or "linenodiv" in html:
        return html
    return _DROPPED.sub("", html)
