"""MkDocs events → the layers below. Nothing else lives here."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from markdown.extensions import toc
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .assemble import assemble
from .builds.dirtypages import PageFiles
from .builds.navsection import place_section
from .builds.rerender import Rendered, render_key
from .builds.searchview import SearchToc, without_markup
from .cache import LiveCache
from .catalog.lint import Severity
from .catalog.rewrite import map_text
from .config import PluginConfig
from .errors import CatalogError
from .export import FORMATS, published
from .health import Health, Located, count
from .output import plugin_logger
from .pages import GeneratedPage, embed, generate
from .render import assets, governance, stylesheet
from .render.compiled import compiled_templates
from .render.diagrams import DiagramOptions
from .render.filters import page_title
from .render.htmlblocks import PlaceHtml
from .render.links import SiteMap
from .render.renderer import Features, MaterialTags, Renderer, Settings
from .sources import yamlschema
from .sources.envvars import unset_env_tags
from .urls import mask_text, may_mask

log = plugin_logger(__name__)
"""Every message is made printable (secrets masked, control characters escaped): see output.py."""

class DbCatalogPlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.renderer: Renderer | None = None
        self.pages: list[GeneratedPage] = []
        self.watch: list[Path] = []
        self.generated: set[str] = set()
        self.files: list[tuple[str, str | bytes]] = []
        """Files published beside the pages (the database file's JSON Schema, exports): (src_uri, content)."""
        self.live = LiveCache()
        """Live reads, kept across `mkdocs serve` rebuilds (this instance persists, see on_startup)."""
        self.dirty = False
        self.indexed: tuple[Page, str] | None = None
        """The page the search plugin indexes, with its own HTML (see _before_search)."""
        self.page_files: PageFiles | None = None
        """A dirty build's generated page sources on disk (see dirtypages.py)."""
        self.rendered: Rendered | None = None
        """The last build's generated pages, for a `mkdocs serve` rebuild with the same inputs (rerender.py)."""

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs' validation, with the `!ENV` variable named when an option is missing because it is unset."""
        errors, warnings = super().load_config(options, config_file_path)
        if errors and config_file_path:
            note = _unset_variables(Path(config_file_path))
            if note:
                errors = [(key, ValidationError(f"{error} ({note})")) for key, error in errors]
        return errors, warnings

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance (and its live cache) across `mkdocs serve` rebuilds."""
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Read and render here, before MkDocs cleans site_dir: a bad input stops the build with
        # the previous site intact, never half-written.
        self.pages = []
        self.files = []
        self.renderer = None
        if not self.config.enabled:
            return config
        if stylesheet.STYLESHEET_URI not in config.extra_css:
            config.extra_css.append(stylesheet.STYLESHEET_URI)
        diagrams = self.config.diagrams
        if diagrams.enabled:
            if diagrams.layout == "elk" and not diagrams.offline:
                raise PluginError(
                    "dbcatalog: diagrams.layout: elk needs diagrams.offline: true (the shipped Mermaid 12 has "
                    "the ELK layout; the Mermaid 11 that Material loads from its CDN does not)"
                )
            # After the theme's own scripts (Material's `document$` exists when the viewer starts).
            config.extra_javascript.extend(s for s in assets.scripts() if s not in config.extra_javascript)
            config.extra_css.extend(s for s in assets.stylesheets() if s not in config.extra_css)
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        try:
            assembled = assemble(self.config, base, live=self.live)
            for warning in assembled.warnings:
                log.warning(warning)
            site = SiteMap.build(
                assembled.catalog, self.config.path, self.config.table_pages, config.use_directory_urls
            )
            health_page = None
            if self.config.health_page:
                health_page = site.health.removesuffix(".md") + ("/" if config.use_directory_urls else ".html")
            _report(assembled.health, health_page)
            footer = self.config.footer
            settings = Settings(
                title=self.config.title,
                subtitle=self.config.subtitle or None,
                catalog_path=self.config.catalog.rstrip("/"),
                version=footer.version,
                status=footer.status,
                last_updated=footer.last_updated or assembled.last_modified,
                table_pages=self.config.table_pages,
                features=_features(config),
                diagrams=_diagram_options(self.config),
                slugify=_slugify(config),
                page_tags=_material_tags(config),
                exports=tuple((f.label, f.extension, f.several) for f in map(FORMATS.get, self.config.exports) if f),
                directory_urls=config.use_directory_urls,
            )
            settings = map_text(settings, mask_text, may_mask)  # the options' texts are shown too
            site_settings = {
                "directory_urls": config.use_directory_urls,
                "site_url": config.site_url,
                "toc": config.mdx_configs.get("toc"),
                "config_file": config.config_file_path,
            }
            key = render_key(
                assembled.catalog, assembled.health, settings, self.config, site_settings, self.config.custom_templates
            )
            previous = self.rendered if self.rendered is not None and self.rendered.key == key else None
            if previous is not None:
                self.renderer, self.pages, self.files = previous.reuse()
            else:
                compiled = compiled_templates(base / self.config.cache_dir / "templates")
                self.renderer = Renderer(assembled.catalog, site, settings, self.config.custom_templates, compiled)
                self.pages = generate(self.renderer, assembled.health if self.config.health_page else None)
                self.files = [(site.schema, yamlschema.schema_text())]
                self.files += published(assembled.catalog, site, self.config.exports, config.site_url)
                blocks = len(self.renderer.fragments.blocks)
                self.rendered = Rendered(key, self.renderer, list(self.pages), list(self.files), blocks)
            if settings.page_tags:
                _warn_about_material_tags(self.renderer, settings.page_tags)
        except CatalogError as problem:
            raise PluginError(str(problem)) from None
        config.markdown_extensions.append(PlaceHtml(self.renderer.fragments))  # type: ignore[arg-type]
        self.watch = assembled.watch
        if self.dirty:
            folder = (base / self.config.cache_dir / "pages").resolve()
            if self.page_files is None or self.page_files.folder != folder:
                self.page_files = PageFiles(folder)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        self.generated = set()
        for page in self.pages:
            if files.get_file_from_path(page.src_uri) is not None:
                log.info(f"{page.src_uri} exists in docs_dir; it is used instead of the generated page")
                continue
            files.append(self._page_file(page, config))
            self.generated.add(page.src_uri)
        if self.renderer is not None:
            if files.get_file_from_path(stylesheet.STYLESHEET_URI) is None:
                files.append(File.generated(config, stylesheet.STYLESHEET_URI, abs_src_path=str(stylesheet.STYLESHEET)))
            self._add_diagram_support(files, config)
            for uri, content in self.files:
                if files.get_file_from_path(uri) is None:
                    files.append(_Download.generated(config, uri, content=content))
        nav_pages = [p.src_uri for p in self.pages if p.in_nav and p.src_uri in self.generated]
        if nav_pages and self.renderer is not None:
            # Themes print a section's name verbatim: it must be HTML.
            title = page_title(self.renderer.settings.title)
            config.nav = place_section(config.nav, files, nav_pages, title, self.config.nav_position)
        return files

    def _page_file(self, page: GeneratedPage, config: MkDocsConfig) -> File:
        """The page as MkDocs' file: in memory, or (dirty builds) a file whose time says whether it changed."""
        level = InclusionLevel.NOT_IN_NAV
        if self.dirty and self.page_files is not None:
            path = self.page_files.path(page.src_uri, page.source)
            return File.generated(config, page.src_uri, abs_src_path=str(path), inclusion=level)
        return File.generated(config, page.src_uri, content=page.source, inclusion=level)

    def _add_diagram_support(self, files: Files, config: MkDocsConfig) -> None:
        """Ship the diagram viewer (and, offline, Mermaid): no Markdown extension is needed for diagrams."""
        diagrams = self.config.diagrams
        if not diagrams.enabled:
            return
        for asset in assets.files(diagrams.offline):
            if files.get_file_from_path(asset.uri) is not None:
                continue  # a file of the site's own wins
            if asset.source is not None:
                files.append(File.generated(config, asset.uri, abs_src_path=str(asset.source)))
            else:
                files.append(File.generated(config, asset.uri, content=asset.content or ""))

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.renderer is None or "dbcatalog:" not in markdown or page.file.src_uri in self.generated:
            return None
        try:
            return embed(markdown, page.file.src_uri, self.renderer, page.file.src_uri)
        except CatalogError as problem:
            raise PluginError(str(problem)) from None

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Generated pages' HTML inside the element the plugin's stylesheet is scoped to."""
        if self.renderer is not None and page.present_anchor_ids is not None:
            page.present_anchor_ids |= self.renderer.fragments.placed_ids  # links to them are valid
        if page.file.src_uri not in self.generated:
            return None
        return stylesheet.wrap(html)

    @event_priority(100)
    def _before_search(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        """Search plugins (priority 0) index a generated page through a table of contents they walk in
        linear time and (Material's) its HTML without the tags they drop (see searchview.py); the page's
        own are back before the theme renders it."""
        if page.file.src_uri not in self.generated:
            return
        if len(page.toc):
            page.toc = SearchToc(page.toc)
        if page.content and _material_search(config):
            self.indexed = (page, page.content)
            page.content = without_markup(page.content)

    @event_priority(-100)
    def _after_search(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        if isinstance(page.toc, SearchToc):
            page.toc = page.toc.original
        if self.indexed is not None and self.indexed[0] is page:
            page.content = self.indexed[1]
        self.indexed = None

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        for path in self.watch:
            server.watch(str(path))
        return server


def _unset_variables(config_file: Path) -> str | None:
    """`mkdocs.yml:6: !ENV ORDERS_URL gives nothing: ORDERS_URL is not set`, for the plugin's own options."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    mine = [(line, names) for line, path, names in unset_env_tags(text, os.environ) if "dbcatalog" in path[:3]]
    if not mine:
        return None
    line, names = mine[0]
    tag = names[0] if len(names) == 1 else f"[{', '.join(names)}]"
    why = f"the environment variable {names[0]} is not set" if len(names) == 1 else f"none of {', '.join(names)} is set"
    return (
        f"{config_file.name}:{line}: !ENV {tag} gave nothing because {why}; "
        f"set it, or give a default: !ENV [{', '.join(names)}, default]"
    )


class _Download(File):
    """A file published as it is: an exported `.md` is a download, not a page to render."""

    def is_documentation_page(self) -> bool:
        return False


def _report(health: Health | None, page: str | None) -> None:
    """Lint findings in the build log, which every build and `serve` rebuild prints.

    Each error is a warning line of its own (so `--strict` fails, saying why); the rest is one line
    per database, and each finding is a debug line (`mkdocs build -v` lists them all).
    """
    if health is None:
        return
    by_database: dict[str, list[Located]] = {}
    for item in health.findings:
        by_database.setdefault(item.finding.database or "", []).append(item)
        if item.finding.severity is Severity.ERROR:
            log.warning(str(item))
        else:
            log.debug(str(item))
    see = f"see {page}" if page else "see mkdocs-dbcatalog check"
    for name, items in by_database.items():
        errors = count(items, Severity.ERROR)
        found = _plural(len(items), "finding") + (f" ({_plural(errors, 'error')})" if errors else "")
        log.info(f"{name}: {found} of the lint rules, {see} (mkdocs build -v lists each)")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _features(config: MkDocsConfig) -> Features:
    extensions = set(config.markdown_extensions)
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    return Features(
        admonition="admonition" in extensions,
        mermaid=any(fence.get("name") == "mermaid" for fence in fences),
        details="pymdownx.details" in extensions,
        tabs="pymdownx.tabbed" in extensions,
    )


def _material_tags(config: MkDocsConfig) -> MaterialTags | None:
    """How Material's tags plugin, when on, reads tags: generated pages then carry theirs for its index."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.tags") and getattr(plugin.config, "enabled", True):
            key = getattr(plugin.config, "tags_name_property", None)
            allowed = getattr(plugin.config, "tags_allowed", None) or ()
            return MaterialTags(
                key if isinstance(key, str) and key else "tags",
                frozenset(str(getattr(tag, "name", tag)) for tag in allowed),
            )
    return None


def _warn_about_material_tags(renderer: Renderer, material: MaterialTags) -> None:
    """Tags the generated pages cannot give Material's tags index, each said once per build."""
    for tag in renderer.tags.tags():
        if not governance.fits_material(tag):
            log.warning(
                f"tag {tag!r} is left out of Material's tags index: Material prints tag names "
                "without escaping them, so < > & \" ' would become markup (rename the tag)"
            )
        elif not material.takes(tag):
            log.warning(
                f"tag {tag!r} is left out of Material's tags index: it is not in the tags plugin's "
                "tags_allowed (add it there to list the catalog's pages under it)"
            )


def _material_search(config: MkDocsConfig) -> bool:
    """Whether the site's search is Material's (which keeps only the text of table cells)."""
    return any(type(plugin).__module__.startswith("material.plugins.search") for plugin in config.plugins.values())


def _slugify(config: MkDocsConfig) -> Callable[[str], str]:
    """Heading ids as the site's `toc` extension makes them, so generated links to sections hold."""
    settings = config.mdx_configs.get("toc", {})
    function = settings.get("slugify", toc.slugify)
    separator = settings.get("separator", "-")
    return lambda text: str(function(text, separator))


def _diagram_options(options: PluginConfig) -> DiagramOptions:
    d = options.diagrams
    return DiagramOptions(
        enabled=d.enabled,
        columns=d.columns,
        max_tables=max(2, d.max_tables),
        max_relations=max(1, d.max_relations),
        max_diagrams=max(1, d.max_diagrams),
        layout=d.layout,
        distance=max(1, d.distance),
    )
