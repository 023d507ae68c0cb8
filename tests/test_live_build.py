"""End-to-end MkDocs builds from live databases: merge with YAML, drift, cache, serve rebuilds."""

from __future__ import annotations

import html
import json
import os
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sqlalchemy import event

from .livedata import sqlite_file
from .sitebuilder import SiteBuilder, main_content


def text_of(result_html: str) -> str:
    """The words of a page's article, tags removed and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", main_content(result_html)))


@pytest.fixture
def shop_pg(pg_url: str) -> str:
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql(
            """
            CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
            COMMENT ON TABLE customers IS 'People who buy';
            COMMENT ON COLUMN customers.email IS 'Login and receipts';
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers ON DELETE CASCADE,
                                 status text DEFAULT 'new');
            CREATE INDEX orders_by_customer ON orders (customer_id);
            """
        )
    return pg_url


@pytest.mark.postgres
def test_live_structure_merged_with_yaml_and_drift_fails_strict(shop_pg: str, site: SiteBuilder) -> None:
    site.catalog(
        "shop",
        f"""
        database: shop
        service: shop-service
        description: Orders and customers.
        connection:
          url: {shop_pg}
        tables:
          customers:
            purpose: One row per customer account.
            columns:
              email: Unique login.
          orders:
            purpose: One row per order.
            columns:
              customer_id: Who ordered.
              statuz: A typo.
            indexes:
              - name: orders_by_customer
                columns: [customer_id]
                purpose: Orders of a customer, newest first.
          invoices: Not created yet.
        """,
    )
    site.mkdocs_yml(theme="material")
    strict = site.build()
    assert strict.error is not None  # drift is a warning, and --strict turns warnings into failure
    assert "catalog/shop.yml:15: column orders.statuz is described but the table has no such column" in strict.log_text
    assert "(did you mean 'status'?)" in strict.log_text  # the one column nobody has described yet
    assert "catalog/shop.yml:20: table 'invoices' is described but the database has no such table" in strict.log_text

    result = site.build(strict=False)
    assert result.error is None, result.error
    database = text_of(result.html("databases/shop/"))
    assert "Read live from the database at build time" in database
    assert "Drift" in database and "statuz" in database and "invoices" in database
    assert "One row per customer account." in database and "Orders and customers." in database
    customers = text_of(result.html("databases/shop/customers/"))
    # People's words first; the database's own comment is kept beside them.
    assert "Unique login." in customers and "Database comment: Login and receipts" in customers
    assert "Database comment: People who buy" in customers
    orders = text_of(result.html("databases/shop/orders/"))
    assert "Who ordered." in orders and "'new'::text" in orders
    assert "Orders of a customer, newest first." in orders and "CASCADE" in orders
    assert "customers(id)" in orders


def test_sqlite_url_only_database_in_mkdocs_yml(site: SiteBuilder) -> None:
    sqlite_file(site.root, copy="chinook/Chinook_Sqlite.sqlite")
    site.mkdocs_yml({"databases": [{"name": "music", "url": "sqlite:///data.db", "service": "player"}]})
    result = site.build()
    assert result.error is None, result.error
    index = text_of(result.html("databases/music/"))
    assert "SQLite" in index and "player" in index and "11 tables" in index
    track = text_of(result.html("databases/music/track/"))
    assert "MediaTypeId" in track and "NVARCHAR(200)" in track


def _closed_url(url: str) -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return sa.make_url(url).set(port=port).render_as_string(hide_password=False)


@pytest.fixture
def env_url() -> Iterator[dict[str, str]]:
    saved = os.environ.get("SHOP_URL")
    values: dict[str, str] = {}
    yield values
    if saved is None:
        os.environ.pop("SHOP_URL", None)
    else:
        os.environ["SHOP_URL"] = saved


@pytest.mark.postgres
def test_on_error_cached_builds_from_the_last_good_read(
    shop_pg: str, site: SiteBuilder, env_url: dict[str, str]
) -> None:
    url = sa.make_url(shop_pg).set(password="Cache-Secret-42").render_as_string(hide_password=False)  # trust auth
    site.catalog("shop", "database: shop\nconnection:\n  url: ${SHOP_URL}\ntables:\n  orders: One row per order.\n")
    site.mkdocs_yml({"on_error": "cached", "refresh": 0, "connect_timeout": 2})
    os.environ["SHOP_URL"] = url
    first = site.build()
    assert first.error is None, first.error
    cache = site.root / ".cache/plugin/dbcatalog/shop.json"
    saved = cache.read_text(encoding="utf-8")
    assert json.loads(saved)["database"]["name"] == "shop" and "Cache-Secret-42" not in saved

    os.environ["SHOP_URL"] = _closed_url(url)  # the database is now unreachable
    second = site.build(strict=False)
    assert second.error is None, second.error
    warning = next(w for w in second.warnings if "cached read" in w)
    assert warning.startswith("mkdocs_dbcatalog: database 'shop'") and "cannot connect" in warning
    page = text_of(second.html("databases/shop/"))
    assert "From the last good read, read less than a minute ago, on 20" in page
    assert "the database was unreachable at build time" in page
    assert "One row per order." in page and "orders" in page
    assert "Cache-Secret-42" not in second.all_text() + second.log_text

    cache.unlink()
    third = site.build(strict=False)
    assert third.error is not None and "no earlier read of it is cached yet" in third.error


@pytest.mark.postgres
def test_default_on_error_fails_with_one_message(shop_pg: str, site: SiteBuilder) -> None:
    site.mkdocs_yml({"databases": [{"name": "shop", "url": _closed_url(shop_pg)}], "connect_timeout": 2})
    result = site.build()
    assert result.error is not None
    lines = [line for line in result.error.splitlines() if "database 'shop'" in line]
    assert lines and "cannot connect" in lines[0]
    assert not (site.root / "site" / "databases").exists()  # nothing half-built


def test_serve_rebuild_after_markdown_edit_does_not_reconnect(site: SiteBuilder) -> None:
    sqlite_file(site.root, copy="chinook/Chinook_Sqlite.sqlite")
    site.mkdocs_yml({"databases": [{"name": "music", "url": "sqlite:///data.db"}], "refresh": 300})
    sent: list[str] = []

    def count(*_: object) -> None:
        sent.append("statement")

    def rebuild(command: str | None = None) -> None:
        # What `mkdocs serve` does on each change: load the config again and build; plugins that
        # define on_startup are the same instances as before.
        config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.root / "site"))
        if command:
            config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
        build(config)

    event.listen(sa.Engine, "before_cursor_execute", count)
    try:
        rebuild("serve")
        first = len(sent)
        site.write("docs/index.md", "# Home\n\nEdited.\n")
        rebuild()
        assert len(sent) == first > 0  # the Markdown edit reused the read
        site.mkdocs_yml({"databases": [{"name": "music", "url": "sqlite:///data.db"}], "refresh": 0})
        rebuild()
        assert len(sent) > first  # refresh: 0 reads again on every rebuild
    finally:
        event.remove(sa.Engine, "before_cursor_execute", count)
    assert "Edited." in (site.root / "site" / "index.html").read_text(encoding="utf-8")


def test_two_databases_are_read_concurrently(site: SiteBuilder, tmp_path: Path) -> None:
    import threading

    sqlite_file(site.root, copy="chinook/Chinook_Sqlite.sqlite")
    (site.root / "copy.db").write_bytes((site.root / "data.db").read_bytes())
    # Each read waits at its first statement until the other has started too: read one after the
    # other, they would never meet and the barrier would break.
    barrier = threading.Barrier(2, timeout=20)
    started: set[str] = set()

    def meet(*_: object) -> None:
        name = threading.current_thread().name
        if name.startswith("dbcatalog") and name not in started:
            started.add(name)
            barrier.wait()

    site.mkdocs_yml(
        {"databases": [{"name": "a", "url": "sqlite:///data.db"}, {"name": "b", "url": "sqlite:///copy.db"}]}
    )
    event.listen(sa.Engine, "before_cursor_execute", meet)
    try:
        result = site.build()
    finally:
        event.remove(sa.Engine, "before_cursor_execute", meet)
    assert result.error is None, result.error
    assert len(started) == 2 and not barrier.broken
