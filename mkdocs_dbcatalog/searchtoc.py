"""The table of contents the search plugins read while they index a generated page.

MkDocs' and Material's search plugins look each section of a page up in its table of contents with a
depth-first walk from the top, so a page of N headings costs N²/2 steps: the database page of
`table_pages: false`, which holds every table as a section, took 10.5M calls at 1,000 tables and
42.2M at 2,000. While they index (`on_page_context`), a generated page's `page.toc` is this flat copy
whose walks start where the previous one stopped: sections come in page order, so each lookup takes a
step or two and the search entries are the very same (each heading's title and `#id`). The page's own
table of contents is put back before the theme renders it.
"""

from __future__ import annotations

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
