"""Catalog → the pages to generate: where each goes, its title and its Markdown. No MkDocs types."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .catalog.model import Catalog, Database, Table
from .catalog.tags import page_tags
from .errors import CatalogError
from .health import Health
from .memory import collector_paused
from .render.filters import page_title
from .render.governance import fits_material
from .render.renderer import Renderer


@dataclass(frozen=True)
class GeneratedPage:
    """A page the plugin adds to the site. Every generated page is one of these (see `source`)."""

    src_uri: str
    title: str
    """Plain text, exactly as readers should see it in the tab, the nav and search (any name works)."""
    content: str
    """The page's Markdown (its `# heading` escaped by the templates)."""
    in_nav: bool
    tags: tuple[str, ...] = ()
    """Tags for Material's tags plugin (front matter `tags:`), each one it prints safely and allows."""
    tags_key: str = "tags"
    """The front matter key Material's tags plugin reads them from (its `tags_name_property`)."""

    @property
    def source(self) -> str:
        """The file MkDocs reads: the title in front matter, then the content.

        `page.meta.title` is what themes print verbatim (Material's `<title>` and header, the nav,
        the search index), so it holds the title as safe HTML; without it Material would build the
        `<title>` from the heading through `striptags`, which unescapes the name into markup.
        """
        front: dict[str, object] = {"title": page_title(self.title)}
        if self.tags:
            front[self.tags_key] = list(self.tags)
        meta = yaml.safe_dump(front, allow_unicode=True, width=1 << 16)
        return f"---\n{meta}---\n\n{self.content}"


@collector_paused()
def generate(renderer: Renderer, health: Health | None = None) -> list[GeneratedPage]:
    """Every page of the catalog: the index, one per database, (by option) one per table, and the health page."""
    site, catalog, settings = renderer.site, renderer.catalog, renderer.settings
    pages = [GeneratedPage(site.index, settings.title, renderer.render("catalog.md.jinja", site.index), True)]
    for database in catalog.databases:
        uri = site.database_uri(database)
        content = renderer.render("database.md.jinja", uri, database=database)
        pages.append(GeneratedPage(uri, database.name, content, True, *_tags(renderer, database, None)))
        if settings.table_pages:
            for table in database.tables:
                table_uri = site.table_uri(database, table)
                assert table_uri is not None
                content = renderer.render("table.md.jinja", table_uri, database=database, table=table)
                pages.append(GeneratedPage(table_uri, table.key, content, False, *_tags(renderer, database, table)))
        if database.changelog:
            changes_uri = site.changes_uri(database)
            content = renderer.render("changes.md.jinja", changes_uri, database=database)
            pages.append(GeneratedPage(changes_uri, f"What changed in {database.name}", content, False))
        for viewpoint in database.viewpoints:
            view_uri = site.viewpoint_uri(database, viewpoint)
            content = renderer.render("viewpoint.md.jinja", view_uri, database=database, viewpoint=viewpoint)
            pages.append(GeneratedPage(view_uri, viewpoint.name, content, False))
    if renderer.tags:
        pages.append(GeneratedPage(site.tags, "Tags", renderer.render("tags.md.jinja", site.tags), True))
    if health is not None:
        content = renderer.render("health.md.jinja", site.health, health=health)
        pages.append(GeneratedPage(site.health, "Catalog Health", content, True))
    return pages


def _tags(renderer: Renderer, database: Database, table: Table | None) -> tuple[tuple[str, ...], str]:
    """The page's tags when Material's tags plugin will list them (those it prints safely and allows),
    and the front matter key it reads them from."""
    material = renderer.settings.page_tags
    if material is None:
        return (), "tags"
    if table is None and not renderer.settings.table_pages:  # the database page shows every table
        found = [*database.tags, *(tag for t in database.tables for tag in page_tags(database, t))]
    else:
        found = list(page_tags(database, table))
    return tuple(t for t in dict.fromkeys(found) if fits_material(t) and material.takes(t)), material.key


MARKER = re.compile(
    r"(?P<indent>^[ \t]*)?<!--\s*dbcatalog:(?P<block>[\w-]+)(?:\s+(?P<target>[^\s>]+))?\s*-->", re.MULTILINE
)


def embed(markdown: str, page_uri: str, renderer: Renderer, where: str) -> str:
    """Replace `<!-- dbcatalog:<block> [database[/table]] -->` markers in a hand-written page."""
    catalog: Catalog = renderer.catalog

    def replace(match: re.Match[str]) -> str:
        block, target = match.group("block"), match.group("target")
        context: dict[str, object] = {"level": 2}
        if target:
            db_name, _, table_key = target.partition("/")
            database = catalog.find_database(db_name)
            if database is None:
                raise CatalogError(f"marker {match.group(0)!r} names no known database {db_name!r}", where=where)
            context["database"] = database
            if table_key:
                table = database.table(table_key)
                if table is None:
                    raise CatalogError(f"marker {match.group(0)!r}: {db_name} has no table {table_key!r}", where=where)
                context["table"] = table
        text = renderer.render(f"blocks/{block}.md.jinja", page_uri, **context)
        indent = match.group("indent")
        if indent:  # a marker inside an admonition or a list: the whole block goes there
            text = indent + text.replace("\n", "\n" + indent)
        return text

    return MARKER.sub(replace, markdown)
