"""The applied state in real builds: the bookkeeping table is read in the live read-only session,
cached with it, and joined with the migration files as they are at each build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from mkdocs.config import load_config

from mkdocs_dbcatalog.assemble import assemble
from mkdocs_dbcatalog.cache import LiveCache
from mkdocs_dbcatalog.catalog.model import MigrationStatus

from ..sitebuilder import SiteBuilder, main_content
from .helpers import python


def alembic(project: Path, *args: str) -> str:
    return python("-m", "alembic", *args, cwd=project)


@pytest.fixture
def upgraded(tmp_path: Path, pg_url: str) -> Path:
    """A real Alembic project a1 -> b2 -> c3, upgraded to b2 on the test's PostgreSQL database."""
    project = tmp_path / "services" / "orders"
    project.mkdir(parents=True)
    alembic(project, "init", "migrations")
    for rev, message in (("a1", "create users"), ("b2", "add email"), ("c3", "add index")):
        alembic(project, "revision", "-m", message, "--rev-id", rev)
    ini = project / "alembic.ini"
    ini.write_text(re.sub(r"(?m)^sqlalchemy\.url = .*$", f"sqlalchemy.url = {pg_url}", ini.read_text()))
    alembic(project, "upgrade", "b2")
    return project


def site_for(site: SiteBuilder, pg_url: str) -> SiteBuilder:
    site.catalog(
        "orders",
        f"""
        database: orders
        connection:
          url: {pg_url}
        migrations:
          path: ../services/orders
        """,
    )
    site.mkdocs_yml()
    return site


@pytest.mark.postgres
def test_live_build_shows_what_is_applied_and_pending(site: SiteBuilder, upgraded: Path, pg_url: str) -> None:
    result = site_for(site, pg_url).build()
    assert result.error is None, result.error
    page = main_content(result.html("databases/orders/"))
    assert re.search(r"2 applied, 1 pending", page)
    assert re.search(r"<code>c3</code>.*?pending", page, re.S)
    assert "alembic_version" in page.replace("&#95;", "_")


@pytest.mark.postgres
def test_a_new_migration_file_shows_at_the_next_rebuild_without_querying(
    site: SiteBuilder, upgraded: Path, pg_url: str
) -> None:
    site_for(site, pg_url)
    options = load_config(str(site.root / "mkdocs.yml")).plugins["dbcatalog"].config
    cache = LiveCache()
    first = assemble(options, site.root, live=cache).catalog.database("orders")
    assert first is not None and first.migrations is not None
    assert [m.status for m in first.migrations.migrations] == [
        MigrationStatus.APPLIED,
        MigrationStatus.APPLIED,
        MigrationStatus.PENDING,
    ]

    alembic(upgraded, "revision", "-m", "add column", "--rev-id", "d4")
    statements: list[str] = []

    def count(conn: sa.Connection, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", count)
    try:
        second = assemble(options, site.root, live=cache).catalog.database("orders")
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", count)
    assert statements == []
    assert second is not None and second.migrations is not None
    assert [(m.version, m.status) for m in second.migrations.migrations][-1] == ("d4", MigrationStatus.PENDING)
