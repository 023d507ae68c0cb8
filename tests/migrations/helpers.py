"""Shared by the migration tests: run real tools, read with a read-only connection, render the page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.model import Catalog, Database, MigrationHistory
from mkdocs_dbcatalog.render.links import SiteMap
from mkdocs_dbcatalog.render.renderer import Features, Renderer, Settings
from mkdocs_dbcatalog.sources.migrations import (
    MigrationSource,
    build_history,
    read_applied_state,
    read_files,
)


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a tool's command line; fail the test with its output when it fails."""
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120
    )
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def python(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    return run(sys.executable, *args, cwd=cwd, env=env)


@contextmanager
def read_only(url: str) -> Iterator[sa.Connection]:
    """A connection in a read-only transaction: any write the reader tried would fail the test."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            elif conn.dialect.name in ("mysql", "mariadb"):
                conn.exec_driver_sql("SET SESSION TRANSACTION READ ONLY")
                conn.exec_driver_sql("START TRANSACTION READ ONLY")
            yield conn
            conn.rollback()
    finally:
        engine.dispose()


def history(
    folder: Path, url: str | None = None, tool: str | None = None, table: str | None = None
) -> MigrationHistory:
    """Files read from `folder`, joined with the bookkeeping table at `url` when given."""
    files = read_files(MigrationSource(folder, folder.name, tool, table))
    if url is None:
        return build_history(files, None, shown=folder.name, base=folder.parent)
    with read_only(url) as conn:
        applied = read_applied_state(conn, files, table)
    return build_history(files, applied, shown=folder.name, base=folder.parent)


def page(history: MigrationHistory, url: str = "postgresql://app:S3cret-pw@db.internal:5432/orders") -> str:
    """The migrations block of a database page, rendered by the shipped templates."""
    from mkdocs_dbcatalog.urls import mask

    database = Database(name="orders", engine="postgresql", url=mask(url), migrations=history)
    catalog = Catalog((database,))
    renderer = Renderer(
        catalog, SiteMap.build(catalog, "databases", True), Settings(features=Features(admonition=True))
    )
    markdown = renderer.render("blocks/migrations.md.jinja", "databases/orders/index.md", database=database, level=2)
    return renderer.fragments.expand(markdown)


_ROW = re.compile(r"^<tr><td><code>(?P<version>[^<]*)</code>(?P<rest>.*)</td></tr>$", re.MULTILINE)


def table_rows(markdown: str) -> list[tuple[str, str]]:
    """(version, last cell) of each history row, top to bottom, with entities decoded."""
    import html

    rows = []
    for match in _ROW.finditer(markdown):
        cells = [c.strip() for c in match.group("rest").split("</td> <td>")]
        rows.append((html.unescape(match.group("version")), html.unescape(cells[-1] if cells else "")))
    return rows
