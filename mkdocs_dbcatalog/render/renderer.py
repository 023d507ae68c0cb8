"""The Jinja environment: shipped templates under the user's overrides, escaping by default."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions import toc
from markupsafe import Markup

from ..catalog import coverage, engines, summary, viewpoints
from ..catalog.freshness import read_age
from ..catalog.model import Catalog, Database, MigrationStatus, Origin, Table, TableRef, Viewpoint
from ..catalog.owners import ownership, unowned
from ..catalog.relations import Relations
from ..catalog.tags import TagIndex
from ..catalog.timeline import Timeline, structure_as_of
from ..errors import CatalogError
from . import changes, commands, filters, governance, htmlblocks
from .diagrams import DiagramOptions, Diagrams
from .filters import Safe
from .htmlblocks import HtmlBlocks, either
from .links import SiteMap
from .mermaid import Block
from .overview import DatabaseMap

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Features:
    """Markdown extensions the site has, so pages use them or degrade to plain Markdown."""

    admonition: bool = False
    mermaid: bool = False
    details: bool = False
    tabs: bool = False


@dataclass(frozen=True)
class MaterialTags:
    """How Material's tags plugin reads a page's tags: the front matter key (`tags_name_property`) and
    the tags it allows (`tags_allowed`; empty: any), since it stops the build at any other."""

    key: str = "tags"
    allowed: frozenset[str] = frozenset()

    def takes(self, tag: str) -> bool:
        return not self.allowed or tag in self.allowed


@dataclass(frozen=True)
class Settings:
    """Everything besides the catalog that shapes the pages."""

    title: str = "Database Catalog"
    subtitle: str | None = None
    catalog_path: str = "catalog"
    version: str = "1.0"
    status: str | None = None
    last_updated: date | str | None = None
    table_pages: bool = True
    features: Features = Features()
    diagrams: DiagramOptions = field(default_factory=DiagramOptions)
    slugify: Callable[[str], str] = field(default=lambda text: toc.slugify(text, "-"))
    """The site's heading ids (its `toc` extension settings), for links to a section of a page."""
    page_tags: MaterialTags | None = None
    """Give generated pages their tags in front matter, for Material's tags plugin (None: it is off)."""
    exports: tuple[tuple[str, str, bool], ...] = ()
    """Published exports as (label, file extension, holds several databases), for download links."""
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`, for links in raw HTML (diagrams), which MkDocs does not rewrite."""


class Renderer:
    """Renders pages and blocks; one instance per build (it holds the catalog's indexes)."""

    def __init__(
        self,
        catalog: Catalog,
        site: SiteMap,
        settings: Settings,
        custom_templates: str | Path | None = None,
        compiled: jinja2.BytecodeCache | None = None,
    ) -> None:
        """`compiled`: where compiled templates are kept across builds (see compiled.py)."""
        self.catalog = catalog
        self.site = site
        self.settings = settings
        self.relations = Relations(catalog)
        self.tags = TagIndex(catalog)
        anchors = governance.tag_anchors(self.tags.tags())
        self._timelines: dict[str, Timeline] = {}
        self.diagrams = Diagrams(catalog, self.relations, settings.diagrams)
        # A user's template of the same name wins; `_base/<name>` always reaches the shipped one, so
        # an override can `{% extends "_base/table.md.jinja" %}` and replace a single block.
        shipped = jinja2.FileSystemLoader(str(TEMPLATES))
        loaders: list[jinja2.BaseLoader] = []
        if custom_templates:
            loaders.append(jinja2.FileSystemLoader(str(custom_templates)))
        loaders += [jinja2.PrefixLoader({"_base": shipped}), shipped]
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            finalize=htmlblocks.finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            autoescape=htmlblocks.is_html_template,
            auto_reload=False,
            extensions=[HtmlBlocks],
            bytecode_cache=compiled,
        )
        self.fragments = self.env.extensions[HtmlBlocks.identifier].fragments  # type: ignore[attr-defined]
        """The HTML blocks of every page rendered, placed after Markdown conversion (htmlblocks.py)."""
        escape = either(filters.escape, filters.escape_html)
        self.env.filters.update(
            escape=escape,
            e=escape,
            text=either(filters.escape_multiline, filters.escape_multiline_html),
            code=either(filters.code, filters.code_html),
            fence=filters.fence,
            yesno=filters.yesno,
            rows=filters.rows,
            size=filters.page_size,
            plural=filters.plural,
            when=filters.when,
            join_escaped=either(filters.join, filters.join_html),
            engine_title=engines.title,
            safe=Safe,
        )
        self.env.globals.update(
            catalog=catalog,
            site=site,
            settings=settings,
            features=settings.features,
            relations=self.relations,
            diagrams=self.diagrams,
            coverage=coverage,
            engines=engines,
            percent=filters.percent,
            safe=Safe,
            heading=lambda level: Safe("#" * max(1, min(level, 6))),
            link=_link,
            link_database=_link_database,
            link_table=_link_table,
            link_viewpoint=_link_viewpoint,
            diagram=_diagram,
            map_html=_map_html,
            viewpoints=viewpoints,
            url_of=_url_of,
            anchor=lambda heading: settings.slugify(heading),
            overview=summary.overview(catalog),
            extensions=summary.extensions(catalog),
            connection_lines=summary.connection_lines(catalog, commands.connection_url),
            connection_url=commands.connection_url,
            connect_command=commands.connect_command,
            port_text=summary.port_text,
            statuses=MigrationStatus,
            migration_commands=commands.migration_commands,
            recovery_commands=commands.recovery_commands,
            source_note=source_note,
            column_keys=column_keys,
            status=settings.status or default_status(catalog),
            tags=self.tags,
            tag_anchors=anchors,
            tag_badges=_tag_badges,
            owners=ownership(catalog),
            owner_text=either(governance.owner_text, partial(governance.owner_text, html=True)),
            contact_text=either(governance.contact_text, partial(governance.contact_text, html=True)),
            unowned=unowned,
            timeline=self.timeline,
            describe_change=changes.describe,
            change_counts=changes.counts,
            changed_table_link=_changed_table_link,
        )

    def timeline(self, database: Database) -> Timeline:
        """The database's migrations per table (History sections, "since", touched tables), made once."""
        found = self._timelines.get(database.name)
        if found is None:
            found = self._timelines[database.name] = Timeline(database.migrations)
        return found

    def render(self, template: str, page: str, **context: Any) -> str:
        """Render `template` as the Markdown of the page at `page` (a src_uri, for relative links)."""
        try:
            return self.env.get_template(template).render(page=page, **context)
        except jinja2.TemplateNotFound as missing:
            raise CatalogError(f"template {missing.name!r} not found", hint="check custom_templates") from None
        except jinja2.TemplateSyntaxError as problem:
            raise CatalogError(
                f"template syntax error: {problem.message}", where=problem.filename or problem.name, line=problem.lineno
            ) from None
        except jinja2.UndefinedError as problem:
            raise CatalogError(
                f"template {template!r}: {problem.message}", hint="see the template context in the README"
            ) from None


_ORM_NAMES = {"prisma": "Prisma", "django": "Django", "sqlalchemy": "SQLAlchemy", "rails": "Rails"}


def source_note(database: Database) -> str:
    """Where a database page's structure came from, so readers know how current it is."""
    note = _structure_note(database)
    if database.models is not None and database.origin is not Origin.MODELS:
        orm = _ORM_NAMES.get(database.models.orm, database.models.orm)
        note += f"; descriptions also from the application's {orm} models in {database.models.source}"
    return note


def _structure_note(database: Database) -> str:
    if database.origin is Origin.LIVE:
        return "Read live from the database at build time"
    if database.origin is Origin.MIGRATIONS:
        timeline = Timeline(database.migrations)
        newest = structure_as_of(database.migrations)
        where = f" in {database.migrations.path}" if database.migrations and database.migrations.path else ""
        text = f"Derived from the migrations{where}" + (f", as of {newest.version}" if newest else "")
        unread = len(timeline.unread)
        if unread:
            plural = "s" if unread != 1 else ""
            text += f" ({unread} migration{plural} not fully analysed: the structure may be incomplete)"
        return text
    if database.origin is Origin.CACHED:
        return f"From the last good read, {read_age(database.read_at)}: the database was unreachable at build time"
    if database.origin is Origin.DDL:
        files = [f.path for f in database.schema_files]
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        return f"Read from the schema files {shown}" if len(files) > 1 else f"Read from the schema file {shown}"
    if database.origin is Origin.MODELS and database.models is not None:
        orm = _ORM_NAMES.get(database.models.orm, database.models.orm)
        return f"Read from the application's {orm} models in {database.models.source}"
    return f"Described in {database.source_file}" if database.source_file else "Described in mkdocs.yml"


def column_keys(database: Database, table: Table) -> dict[str, list[tuple[str, str | None, TableRef | None, str]]]:
    """Per column: PK, UNIQUE, each foreign key and each cross-service ID reference, as (kind, db, target, label).

    UNIQUE marks a column that a single-column unique constraint or full (not partial) unique index
    makes a key on its own, as the diagrams' UK does.
    """
    keys: dict[str, list[tuple[str, str | None, TableRef | None, str]]] = {}
    primary = table.primary_key.columns if table.primary_key else ()
    for name in primary:
        keys.setdefault(name, []).append(("PK", None, None, ""))
    unique = [u.columns for u in table.unique_constraints]
    unique += [i.columns for i in table.indexes if i.unique and not i.predicate]
    for name in dict.fromkeys(c[0] for c in unique if len(c) == 1 and c != primary):
        if table.column(name) is not None:
            keys.setdefault(name, []).append(("UNIQUE", None, None, ""))
    for fk in table.foreign_keys:
        kind = "FK" if fk.enforced else f"FK ({'declared in ' + fk.declared_in if fk.declared_in else 'not enforced'})"
        for name, target_column in zip(fk.columns, fk.target_columns, strict=False):
            keys.setdefault(name, []).append((kind, database.name, fk.target, f"{fk.target.key}.{target_column}"))
    for ref in database.references:
        if ref.source == table.ref:
            label = f"{ref.target_database}/{ref.target.key}.{ref.target_column}"
            kind = "ID (inferred)" if ref.inferred else "ID"
            keys.setdefault(ref.source_column, []).append((kind, ref.target_database, ref.target, label))
    return keys


def default_status(catalog: Catalog) -> str:
    live = sum(1 for d in catalog.databases if d.origin is Origin.LIVE)
    cached = sum(1 for d in catalog.databases if d.origin is Origin.CACHED)
    files = sum(1 for d in catalog.databases if d.origin is Origin.DDL)
    models = sum(1 for d in catalog.databases if d.origin is Origin.MODELS)
    described = len(catalog.databases) - live - cached - files - models
    parts = [f"{described} described in YAML"] if described else []
    if files:
        parts.append(f"{files} read from schema files")
    if models:
        parts.append(f"{models} read from application models")
    if live:
        parts.append(f"{live} read live")
    if cached:
        parts.append(f"{cached} from a cached read")
    return "Generated at build time: " + ", ".join(parts) if parts else "Empty catalog"


@jinja2.pass_context
def _url_of(context: jinja2.runtime.Context, uri: str) -> str:
    """A link from the page: a `.md` path in Markdown (MkDocs resolves it), the final URL in HTML."""
    site: SiteMap = context["site"]
    if context.eval_ctx.autoescape:
        return site.href(context["page"], uri)
    return site.relative(context["page"], uri)


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, text: Any, uri: str | None) -> Safe | Markup:
    html = context.eval_ctx.autoescape
    if uri is None:
        return filters.escape_html(text) if html else filters.escape(text)
    return (filters.link_html if html else filters.link)(text, _url_of(context, uri))


@jinja2.pass_context
def _tag_badges(context: jinja2.runtime.Context, tags: tuple[str, ...]) -> Safe:
    """Tag chips that link to their section of the Tags page (generated whenever a tag exists)."""
    site: SiteMap = context["site"]
    anchors: dict[str, Safe] = context["tag_anchors"]

    def href(tag: str) -> str | None:
        return _url_of(context, f"{site.tags}#{anchors[tag]}") if tag in anchors else None

    return governance.badges(tags, href, context.eval_ctx.autoescape)


@jinja2.pass_context
def _link_database(context: jinja2.runtime.Context, database: Database | str, text: Any = None) -> Safe | Markup:
    site: SiteMap = context["site"]
    name = database if isinstance(database, str) else database.name
    catalog: Catalog = context["catalog"]
    found = catalog.find_database(name)
    if found is None:
        return _link(context, text or name, None)
    return _link(context, text or found.name, site.database_uri(found))


@jinja2.pass_context
def _link_table(
    context: jinja2.runtime.Context, database: Database | str, table: Table | TableRef | str, text: Any = None
) -> Safe | Markup:
    """A link to a table's page (or section); plain text when the catalog does not have it."""
    site: SiteMap = context["site"]
    catalog: Catalog = context["catalog"]
    name = database if isinstance(database, str) else database.name
    found = catalog.find_database(name)
    key = table if isinstance(table, str) else table.key
    uri = site.table_uri(found, key) if found else None
    return _link(context, text if text is not None else key, uri)


@jinja2.pass_context
def _link_viewpoint(context: jinja2.runtime.Context, database: Database, viewpoint: Viewpoint) -> Safe | Markup:
    site: SiteMap = context["site"]
    return _link(context, viewpoint.name, site.viewpoint_uri(database, viewpoint))


@jinja2.pass_context
def _changed_table_link(context: jinja2.runtime.Context, database: Database) -> Callable[[str], Safe]:
    """For the What changed page: a table named in a change links to its page while it exists."""

    def link(key: str) -> Safe:
        uri = context["site"].table_uri(database, key)
        return Safe(_link(context, filters.code(key), uri)) if uri else filters.code(key)

    return link


@jinja2.pass_context
def _diagram(context: jinja2.runtime.Context, block: Block, database: Database | None) -> Safe:
    """A diagram block for the viewer, each box linked to its table's page (or database's, on the system view)."""
    site: SiteMap = context["site"]
    catalog: Catalog = context["catalog"]
    links: dict[str, str | None] = {}
    for entity in block.entities:
        if database is not None:
            uri = site.table_uri(database, entity.key)
        else:
            found = catalog.database(entity.key)
            uri = site.database_uri(found) if found else None
        links[entity.key] = _html_url_of(context, uri) if uri else None
    return block.html(links)


def _html_url_of(context: jinja2.runtime.Context, uri: str) -> str:
    site: SiteMap = context["site"]
    settings: Settings = context["settings"]
    return site.html_link(context["page"], uri, settings.directory_urls)


@jinja2.pass_context
def _map_html(context: jinja2.runtime.Context, database_map: DatabaseMap, database: Database) -> Safe:
    site: SiteMap = context["site"]

    def url(key: str) -> str | None:
        uri = site.table_uri(database, key)
        return _html_url_of(context, uri) if uri else None

    return database_map.html(url)
