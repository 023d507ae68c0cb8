"""Where each database and table lives in the site, and relative links between them.

Paths are computed once per catalog, deterministically, so that the same catalog always gives the
same URLs and two names that differ only in case or punctuation never share a page.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field

from ..catalog.model import Catalog, Database, Table, TableRef, Viewpoint

_RESERVED = {"index"}


def slugify(name: str) -> str:
    """A URL-safe, lower-case path segment; keeps dots so `billing.invoices` stays readable."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.").lower()
    return text or "x"


def _unique(names: list[str], reserved: set[str] = _RESERVED) -> dict[str, str]:
    """Slug per name, made unique in sorted order so adding a table never moves another's URL."""
    taken: set[str] = set(reserved)
    slugs: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (slugify(n), n)):
        base = slugify(name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


@dataclass(frozen=True)
class SiteMap:
    """src_uri of every generated page, and anchors for tables written as sections."""

    root: str
    databases: dict[str, str]
    tables: dict[tuple[str, str], str]
    table_pages: bool
    viewpoints: dict[tuple[str, str], str] = field(default_factory=dict)
    """(database, viewpoint name) → its page, `<database>/viewpoints/<slug>.md`."""
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`: how a page's src_uri becomes its URL, for links in HTML blocks."""

    @classmethod
    def build(cls, catalog: Catalog, root: str, table_pages: bool, directory_urls: bool = True) -> SiteMap:
        root = root.strip("/")
        # health.md and tags.md: the health and Tags pages; downloads/: the whole catalog's exports
        db_slugs = _unique([d.name for d in catalog.databases], _RESERVED | {"health", "tags", "downloads"})
        databases = {name: posixpath.join(root, slug, "index.md") for name, slug in db_slugs.items()}
        tables: dict[tuple[str, str], str] = {}
        for database in catalog.databases:
            folder = posixpath.dirname(databases[database.name])
            # changes.md: the What changed page
            for key, slug in _unique([t.key for t in database.tables], _RESERVED | {"changes"}).items():
                tables[(database.name, key)] = (
                    posixpath.join(folder, f"{slug}.md") if table_pages else f"{databases[database.name]}#table-{slug}"
                )
        viewpoints: dict[tuple[str, str], str] = {}
        for database in catalog.databases:
            folder = posixpath.join(posixpath.dirname(databases[database.name]), "viewpoints")
            for name, slug in _unique([v.name for v in database.viewpoints]).items():
                viewpoints[(database.name, name)] = posixpath.join(folder, f"{slug}.md")
        return cls(root, databases, tables, table_pages, viewpoints, directory_urls)

    @property
    def index(self) -> str:
        return posixpath.join(self.root, "index.md") if self.root else "index.md"

    @property
    def health(self) -> str:
        """The "Catalog health" page: lint findings and coverage."""
        return posixpath.join(self.root, "health.md") if self.root else "health.md"

    @property
    def schema(self) -> str:
        """The database file's JSON Schema, published for editors (`# yaml-language-server: $schema=`)."""
        return posixpath.join(self.root, "database-file.schema.json") if self.root else "database-file.schema.json"

    def download(self, database: Database | str | None, extension: str) -> str:
        """A published export: `<db>/downloads/<db>.<ext>` for one database, `downloads/catalog.<ext>` for all."""
        if database is None:
            return posixpath.join(self.root, "downloads", f"catalog.{extension}")
        folder = posixpath.dirname(self.database_uri(database))
        return posixpath.join(folder, "downloads", f"{posixpath.basename(folder)}.{extension}")

    @property
    def export_schema(self) -> str:
        """The JSON Schema that JSON exports follow, published with them."""
        return posixpath.join(self.root, "downloads", "catalog-export.schema.json")

    @property
    def tags(self) -> str:
        """The Tags page: every tagged database, table and column, by tag."""
        return posixpath.join(self.root, "tags.md") if self.root else "tags.md"

    def database_uri(self, database: Database | str) -> str:
        return self.databases[database if isinstance(database, str) else database.name]

    def table_uri(self, database: Database | str, table: Table | TableRef | str) -> str | None:
        """The page (with `#anchor` when tables are sections) of a table; None if not in the catalog."""
        db = database if isinstance(database, str) else database.name
        key = table if isinstance(table, str) else table.key
        return self.tables.get((db, key))

    def changes_uri(self, database: Database | str) -> str:
        """The What changed page of a database: its catalog file's git history."""
        return posixpath.join(posixpath.dirname(self.database_uri(database)), "changes.md")

    def viewpoint_uri(self, database: Database | str, viewpoint: Viewpoint | str) -> str:
        db = database if isinstance(database, str) else database.name
        return self.viewpoints[(db, viewpoint if isinstance(viewpoint, str) else viewpoint.name)]

    def table_anchor(self, database: Database | str, table: Table | str) -> str:
        uri = self.table_uri(database, table) or ""
        return uri.partition("#")[2] or "top"

    def relative(self, from_uri: str, to_uri: str) -> str:
        """A link from one page to another (or to an anchor on it), as MkDocs resolves `.md` links."""
        path, _, anchor = to_uri.partition("#")
        if path == from_uri:
            return f"#{anchor}" if anchor else "#"
        # posixpath.relpath works on absolute paths (a getcwd per call); these are docs-relative.
        start, target = from_uri.split("/")[:-1], path.split("/")
        common = 0
        while common < min(len(start), len(target) - 1) and start[common] == target[common]:
            common += 1
        rel = "/".join([".."] * (len(start) - common) + target[common:])
        return rel + (f"#{anchor}" if anchor else "")

    def html_link(self, from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
        """A link for raw HTML, which MkDocs does not rewrite: from the built page to the built page.

        Pages become `name/` (`use_directory_urls`, MkDocs' default) or `name.html`; `index.md`
        is its folder.
        """
        path, _, anchor = to_uri.partition("#")
        if path == from_uri:
            return f"#{anchor}" if anchor else "./"
        start, target = _built(from_uri, directory_urls), _built(path, directory_urls)
        folder = start.rsplit("/", 1)[0].split("/") if "/" in start else []
        parts = target.split("/")
        common = 0
        while common < min(len(folder), len(parts) - 1) and folder[common] == parts[common]:
            common += 1
        rel = "/".join([".."] * (len(folder) - common) + parts[common:]) or "./"
        return rel + (f"#{anchor}" if anchor else "")

    def href(self, from_uri: str, to_uri: str) -> str:
        """The same link as `relative`, as the final URL MkDocs makes of it: for HTML, which MkDocs
        does not rewrite."""
        path, _, anchor = to_uri.partition("#")
        if path == from_uri:
            return f"#{anchor}" if anchor else "#"
        start, target = self.url(from_uri).split("/"), self.url(path).split("/")
        start.pop()  # a page's links are relative to its folder: `a/b/` is the folder a/b, `a/b.html` is in a
        common = 0
        while common < min(len(start), len(target) - 1) and start[common] == target[common]:
            common += 1
        rel = "/".join([".."] * (len(start) - common) + target[common:]) or "./"
        return rel + (f"#{anchor}" if anchor else "")

    def url(self, src_uri: str) -> str:
        """A page's URL relative to the site root, as MkDocs' `File.url` gives it (`a/b.md` → `a/b/`)."""
        stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
        folder, _, name = stem.rpartition("/")
        prefix = f"{folder}/" if folder else ""
        if name in ("index", "README"):
            return prefix if self.directory_urls else f"{prefix}index.html"
        return f"{prefix}{name}/" if self.directory_urls else f"{prefix}{name}.html"

    def pages(self) -> list[str]:
        """Every page to generate, catalog index first."""
        uris = [self.index, *self.databases.values()]
        if self.table_pages:
            uris += self.tables.values()
        return uris + list(self.viewpoints.values())


def _built(uri: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page of a `.md` source: `a/b/` or `a/b.html` (`a/` for `a/index.md`)."""
    stem = uri[: -len(".md")] if uri.endswith(".md") else uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + ("" if directory_urls else "index.html")
    return f"{stem}/" if directory_urls else f"{stem}.html"
