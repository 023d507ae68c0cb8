"""No secret is printed or published, whatever form the URL takes and wherever it is written.

Malformed URLs are masked in every error of the build and the command line; a URL written (or
expanded from `${VAR}`) into any text field or database comment is shown masked on the pages and in
the search index; driver messages are masked structurally, so a short password or one with an
unencoded `@` neither mangles nor leaks anything.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from mkdocs_dbcatalog.cli import EXIT_UNUSABLE, main
from mkdocs_dbcatalog.errors import DatabaseError
from mkdocs_dbcatalog.sources.live import LiveOptions, read_database

from .sitebuilder import SiteBuilder, text_of

SECRET = "Hunter2-s3cr3t"

MALFORMED = [
    f"app:{SECRET}@127.0.0.1:5432/orders",  # no scheme
    f"postgresql//app:{SECRET}@127.0.0.1/orders",
    f"postgresql:/app:{SECRET}@127.0.0.1/orders",
    f"post gresql://app:{SECRET}@127.0.0.1/orders",
    f"postgresql://app:{SECRET}@127.0.0.1:abc/orders",  # a port that is not a number
    f"postgresql://app:{SECRET}@[::1/orders",  # an IPv6 host without its bracket
    f"postgresql://127.0.0.1/orders?sslmode=require&password={SECRET}",
]


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("url", MALFORMED)
def test_a_malformed_url_is_a_one_line_error_without_its_password(
    url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORDERS_URL", url)
    site.catalog("orders", "database: orders\nconnection:\n  url: ${ORDERS_URL}\n")
    site.mkdocs_yml({"databases": [{"name": "billing", "url": url}], "connect_timeout": 2})
    result = site.build()
    assert result.error is not None and "database 'orders'" in result.error, result.error
    assert SECRET not in result.error and SECRET not in result.log_text
    assert "Traceback" not in result.error and len(result.error.strip().splitlines()) <= 2

    monkeypatch.chdir(site.root)
    code, out = _cli("check")
    assert code == EXIT_UNUSABLE and "database 'orders'" in out and SECRET not in out, out
    code, out = _cli("snapshot", url, "--name", "orders", "--connect-timeout", "2", "-o", "snap.yml")
    assert code == EXIT_UNUSABLE and SECRET not in out, out
    assert "****" in out or "cannot be read" in out


@pytest.mark.postgres
def test_urls_in_text_fields_and_comments_are_masked_on_pages_and_in_search(
    pg_url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY, note text)")
        conn.exec_driver_sql(f"COMMENT ON TABLE orders IS 'Replica: postgresql://ro:{SECRET}@replica:5432/orders'")
        conn.exec_driver_sql(f"COMMENT ON COLUMN orders.note IS 'see mysql://x:{SECRET}@h/d?token={SECRET}'")
        conn.exec_driver_sql(
            f"CREATE VIEW links AS SELECT 'host=h dbname=d password={SECRET}'::text AS dsn, "
            f"'app:{SECRET}@h:5432/d'::text AS userinfo"
        )
    secret_url = f"postgresql://app:{SECRET}@db.internal:5432/orders"
    monkeypatch.setenv("ORDERS_URL", secret_url)
    monkeypatch.setenv("LIVE_URL", pg_url)
    site.catalog(
        "orders",
        """
        database: orders
        description: "Connect with ${ORDERS_URL}"
        connection:
          url: ${LIVE_URL}
        backup:
          commands:
            backup: pg_dump "${ORDERS_URL}" -Fc
            restore: PGPASSWORD=${ORDERS_URL} pg_restore
        tables:
          orders:
            purpose: "Copied nightly to ${ORDERS_URL}"
        """,
    )
    site.mkdocs_yml({"on_error": "cached"}, theme="material")
    result = site.build()
    assert result.error is None, result.error
    everything = result.all_text()  # every page and the search index
    assert SECRET not in everything and SECRET not in result.log_text
    assert "postgresql://app:****@db.internal:5432/orders" in json.dumps(
        json.loads((result.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    )
    page = text_of(result.html("databases/orders/"))
    assert "Connect with postgresql://app:****@db.internal:5432/orders" in page
    assert 'pg_dump "postgresql://app:****@db.internal:5432/orders" -Fc' in page
    table = text_of(result.html("databases/orders/orders/"))
    assert "ro:****@replica" in table and "token=****" in table
    view = text_of(result.html("databases/orders/links/"))
    assert "password=****" in view and "app:****@h:5432" in view
    cached = "".join(p.read_text(encoding="utf-8") for p in (site.root / ".cache").rglob("*.json"))
    assert "ro:****@replica" in cached and SECRET not in cached


def _closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return int(port)


@pytest.mark.postgres
@pytest.mark.parametrize("password", ["refused", "e", "p@ss"])
def test_driver_messages_are_masked_structurally(pg_url: str, password: str) -> None:
    """A password is never replaced as a word: `Connection refused` stays readable whatever the password."""
    url = f"postgresql://postgres:{password}@127.0.0.1:{_closed_port()}/orders"
    with pytest.raises(DatabaseError) as caught:
        read_database("orders", url, LiveOptions(connect_timeout=2))
    message = str(caught.value)
    assert "Connection refused" in message, message
    assert "postgres:****@127.0.0.1" in message
    assert "ss@" not in message and "Connection ****" not in message


@pytest.mark.postgres
def test_a_password_with_an_unencoded_at_sign_connects_to_the_host_the_page_shows(
    pg_url: str, site: SiteBuilder
) -> None:
    """SQLAlchemy's parser takes `ss@127.0.0.1` for the host; the catalog connects where the URL says."""
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY)")
    database = sa.make_url(pg_url).database
    url = f"postgresql://postgres:p@ss-{SECRET}@127.0.0.1:5432/{database}"
    site.mkdocs_yml({"databases": [{"name": "orders", "url": url}], "connect_timeout": 3})
    result = site.build()
    assert result.error is None, result.error
    assert "postgresql://postgres:****@127.0.0.1:5432/" in text_of(result.html("databases/orders/"))
    assert SECRET not in result.all_text() and "ss-" not in result.log_text
    assert Path(result.site_dir / "databases" / "orders" / "orders" / "index.html").is_file()
