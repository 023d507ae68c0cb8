"""Exports: the catalog in formats other tools read (JSON, CSV, XLSX, DBML, Markdown), one module each.

`export()` is what `mkdocs-dbcatalog export` and the `exports` option (files published with the site)
share. Every text is masked with the one structural masker first, whatever catalog is given, and
each format escapes it for where it lands: spreadsheets never see a formula, DBML and Markdown never
see markup. The same catalog gives the same bytes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..catalog.model import Catalog, Database
from ..catalog.rewrite import map_text
from ..render.links import SiteMap
from ..urls import mask_text, may_mask
from . import as_csv, as_dbml, as_json, as_markdown, as_xlsx


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    """How a download link names it."""
    extension: str
    write: Callable[[Catalog, list[Database]], str | bytes]
    several: bool = True
    """Whether one file can hold several databases (DBML describes one)."""
    media_type: str = "text/plain"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "JSON", "json", as_json.write, media_type="application/json"),
        Format("csv", "CSV", "csv", as_csv.write, media_type="text/csv"),
        Format("xlsx", "Excel", "xlsx", as_xlsx.write, media_type=as_xlsx.MEDIA_TYPE),
        Format("dbml", "DBML", "dbml", as_dbml.write, several=False),
        Format("markdown", "Markdown", "md", as_markdown.write, media_type="text/markdown"),
    )
}


@dataclass(frozen=True)
class ExportFile:
    name: str
    """File name: `<database>.<ext>` per database, `catalog.<ext>` for several databases in one."""
    content: str | bytes
    database: str | None = None
    """The database it holds, when one."""


def export(
    catalog: Catalog,
    format_name: str,
    databases: list[str] | None = None,
    *,
    per_database: bool = False,
    schema_url: str | None = None,
) -> list[ExportFile]:
    """The export files of the named databases (default: all) in one format: one file, or one per
    database (always for DBML, which describes one).

    A database's file is named after its page's URL segment (`<slug>.<ext>`), unique and safe for any
    file system; `schema_url` is written as the JSON's `$schema`.
    """
    fmt = FORMATS[format_name]
    catalog = map_text(catalog, mask_text, may_mask)
    chosen = [d for d in catalog.databases if databases is None or d.name in databases]
    write = functools.partial(as_json.write, schema_url=schema_url) if fmt.name == "json" else fmt.write
    if per_database or not fmt.several or len(chosen) == 1:
        slugs = {name: uri.split("/")[0] for name, uri in SiteMap.build(catalog, "", False).databases.items()}
        return [ExportFile(f"{slugs[d.name]}.{fmt.extension}", write(catalog, [d]), d.name) for d in chosen]
    return [ExportFile(f"catalog.{fmt.extension}", write(catalog, chosen))]


def published(
    catalog: Catalog, site: SiteMap, formats: Sequence[str], site_url: str | None
) -> list[tuple[str, str | bytes]]:
    """The files the `exports` option publishes with the site, as (src_uri, content): a file per
    database and format, one for the whole catalog in each format that holds several, and the
    JSON Schema the JSON files name in `$schema` (absolute when the site has a `site_url`)."""
    files: list[tuple[str, str | bytes]] = []
    for name in formats:
        fmt = FORMATS[name]
        for database in catalog.databases:
            uri = site.download(database, fmt.extension)
            schema = _schema_url(site, uri, site_url) if name == "json" else None
            (one,) = export(catalog, name, [database.name], schema_url=schema)
            files.append((uri, one.content))
        if fmt.several and len(catalog.databases) > 1:
            uri = site.download(None, fmt.extension)
            schema = _schema_url(site, uri, site_url) if name == "json" else None
            files.append((uri, export(catalog, name, schema_url=schema)[0].content))
    if "json" in formats:
        files.append((site.export_schema, as_json.SCHEMA.read_text(encoding="utf-8")))
    return files


def _schema_url(site: SiteMap, uri: str, site_url: str | None) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + site.export_schema
    return site.relative(uri, site.export_schema)


__all__ = ["FORMATS", "ExportFile", "Format", "export", "published"]
