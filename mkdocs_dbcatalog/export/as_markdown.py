"""Markdown: one self-contained document (tables, columns, keys, indexes, tags, owners) to keep in a
repository or a wiki, with links inside the document only.

Escaped with the site's own filters (numeric character references), which every Markdown dialect
renders as the character and none can read as markup.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..catalog import engines
from ..catalog.model import Catalog, Database
from ..render import filters
from ..render.links import slugify
from ..render.renderer import column_keys

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).with_name("templates"))),
    finalize=filters.finalize,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    autoescape=False,
)
_ENV.filters.update(
    text=filters.escape_multiline,
    code=filters.code,
    fence=filters.fence,
    yesno=filters.yesno,
    join_escaped=filters.join,
    engine_title=engines.title,
)
_ENV.globals.update(safe=filters.Safe, column_keys=column_keys)


def _anchors(databases: list[Database]) -> dict[object, filters.Safe]:
    """A unique anchor per database and per table (links inside the document)."""
    anchors: dict[object, filters.Safe] = {}
    taken: set[str] = set()

    def unique(base: str) -> filters.Safe:
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        return filters.Safe(anchor)

    for database in databases:
        anchors[database.name] = unique(f"database-{slugify(database.name)}")
        for table in database.tables:
            anchors[(database.name, table.key)] = unique(f"table-{slugify(database.name)}-{slugify(table.key)}")
    return anchors


def write(catalog: Catalog, databases: list[Database], title: str = "Database Catalog") -> str:
    return _ENV.get_template("catalog.md.jinja").render(databases=databases, anchors=_anchors(databases), title=title)
