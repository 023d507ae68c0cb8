"""Many databases read at once through the bounded pool, one of them a server that never answers.

A server that accepts the connection and then says nothing is the unreachable database that costs
`connect_timeout` (a refused port fails at once). The build names exactly that database: it fails
with it under `on_error: fail`, and builds from its cached read under `on_error: cached` while every
other database is read live. How long it costs is measured by bench/estate_read.py, not here.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from .sitebuilder import SiteBuilder, text_of

pytestmark = pytest.mark.postgres

NAMES = [f"svc{i}" for i in range(6)]
SILENT = "svc3"


@pytest.fixture
def silent_url(pg_url: str) -> Iterator[str]:
    """A PostgreSQL URL whose server accepts connections and never answers them."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # never accepted: the kernel completes the handshake, nobody replies
    try:
        yield sa.make_url(pg_url).set(port=listener.getsockname()[1]).render_as_string(hide_password=False)
    finally:
        listener.close()


@pytest.fixture
def estate(pg_url: str, site: SiteBuilder, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY, total numeric)")
    for name in NAMES:
        site.catalog(name, f"database: {name}\nconnection:\n  url: ${{{name.upper()}_URL}}\n")
        monkeypatch.setenv(f"{name.upper()}_URL", pg_url)
    monkeypatch.chdir(site.root)
    return site


def test_a_silent_server_fails_the_build_naming_only_its_database(
    estate: SiteBuilder, silent_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    estate.mkdocs_yml({"concurrent_reads": 2, "connect_timeout": 2})
    monkeypatch.setenv(f"{SILENT.upper()}_URL", silent_url)
    result = estate.build()
    assert result.error is not None
    assert f"database '{SILENT}'" in result.error and "cannot connect after" in result.error, result.error
    assert not any(f"database '{name}'" in result.error for name in NAMES if name != SILENT), result.error
    assert "on_error: cached" in result.error


def test_with_on_error_cached_the_others_are_read_live_and_only_the_silent_one_is_cached(
    estate: SiteBuilder, silent_url: str, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    estate.mkdocs_yml({"concurrent_reads": 2, "connect_timeout": 2, "on_error": "cached", "refresh": 0})
    first = estate.build()
    assert first.error is None, first.error
    monkeypatch.setenv(f"{SILENT.upper()}_URL", silent_url)
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("ALTER TABLE orders ADD COLUMN placed_at timestamptz")  # seen only by live reads
    result = estate.build(strict=False)  # the cached read is a warning, which --strict would make fatal
    assert result.error is None, result.error
    warned = [line for line in result.warnings if "cached read" in line]
    assert len(warned) == 1 and f"database '{SILENT}'" in warned[0], result.warnings
    for name in NAMES:
        page = text_of(result.html(f"databases/{name}/orders/"))
        assert ("placed_at" in page) == (name != SILENT), name


def test_concurrent_reads_must_be_a_whole_number_from_one(estate: SiteBuilder) -> None:
    estate.mkdocs_yml({"concurrent_reads": 0})
    result = estate.build()
    assert result.error is not None and "concurrent_reads" in result.error, result.error
    assert "from 1 up" in result.error and "Traceback" not in result.error
