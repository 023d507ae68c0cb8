"""Reading is safe: read-only, least privilege, no secret anywhere, bounded time, clear errors."""

from __future__ import annotations

import html
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from mkdocs_dbcatalog.errors import DatabaseError
from mkdocs_dbcatalog.sources.live import LiveOptions, read_database
from mkdocs_dbcatalog.sources.live.session import Limits, Target, create_engine, read_only
from mkdocs_dbcatalog.urls import parse as parse_url

from .conftest import unique_name
from .livedata import dataset, load_mariadb, load_pg, shape
from .sitebuilder import SiteBuilder


def _with_user(url: str, user: str, password: str) -> str:
    return sa.make_url(url).set(username=user, password=password).render_as_string(hide_password=False)


@pytest.fixture
def pg_reader(pg_url: str) -> Iterator[tuple[str, str]]:
    """A role that may connect and see the schema, and nothing else (no SELECT, no write); its password."""
    role, password = unique_name("reader"), "Pw-" + unique_name("secret")
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    database = sa.make_url(pg_url).database
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}' NOSUPERUSER NOCREATEDB NOCREATEROLE")
        conn.exec_driver_sql(f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC')
        conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO {role}')
        conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {role}")
    try:
        yield role, password
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'REVOKE ALL ON DATABASE "{database}" FROM {role}')
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'")
            conn.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()


@pytest.fixture
def mariadb_reader(mariadb_url: str) -> Iterator[tuple[str, str]]:
    """A user that may see the schema (REFERENCES, SHOW VIEW) but read no row and write nothing."""
    user, password = unique_name("reader"), "Pw-" + unique_name("secret")
    admin = sa.create_engine(mariadb_url, isolation_level="AUTOCOMMIT")
    database = sa.make_url(mariadb_url).database
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE USER '{user}'@'%%' IDENTIFIED BY '{password}'")
        conn.exec_driver_sql(f"GRANT REFERENCES, SHOW VIEW ON `{database}`.* TO '{user}'@'%%'")
    try:
        yield user, password
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP USER '{user}'@'%%'")
        admin.dispose()


# ------------------------------------------------------------------------------------- read-only


@pytest.mark.postgres
def test_postgresql_every_statement_runs_in_a_read_only_transaction(pg_url: str, tmp_path: Path) -> None:
    load_pg(pg_url, dataset("pagila/pagila-schema.sql", tmp_path))
    dump = ["pg_dump", "-h", "127.0.0.1", "-U", "postgres", sa.make_url(pg_url).database or ""]
    before = _dump(dump)
    modes: list[str] = []

    def check(conn: sa.Connection, cursor: Any, statement: str, *_: Any) -> None:
        if statement != "SET TRANSACTION READ ONLY":
            raw = conn.connection.dbapi_connection
            assert raw is not None
            modes.append(raw.execute("SHOW transaction_read_only").fetchone()[0])  # type: ignore[attr-defined]

    event.listen(sa.Engine, "before_cursor_execute", check)
    try:
        read_database("pagila", pg_url)
    finally:
        event.remove(sa.Engine, "before_cursor_execute", check)
    assert modes and set(modes) == {"on"}
    assert _dump(dump) == before


def _dump(command: list[str]) -> list[str]:
    """Schema and data; without the random `\\restrict` key recent pg_dump versions add to each dump."""
    lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()
    return [line for line in lines if not line.startswith(("\\restrict", "\\unrestrict"))]


@pytest.mark.parametrize("engine", ["postgresql", "mariadb", "sqlite"])
def test_the_session_refuses_writes(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if engine == "sqlite":
        url = f"sqlite:///{tmp_path / 'w.db'}"
        sa.create_engine(url).connect().exec_driver_sql("CREATE TABLE t (id int)").close()
    else:
        url = request.getfixturevalue("pg_url" if engine == "postgresql" else "mariadb_url")
        with sa.create_engine(url).begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (id int)")
    target, limits = Target("w", parse_url(url)), Limits()
    engine_ = create_engine(target, limits)
    with (
        pytest.raises(sa.exc.DBAPIError, match=r"(?i)read.only|readonly|attempt to write"),
        read_only(target, engine_, limits) as conn,
    ):
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    with sa.create_engine(url).connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar_one() == 0


# ------------------------------------------------------------------------------- least privilege


@pytest.mark.postgres
def test_postgresql_role_without_select_reads_the_same_catalog(
    pg_url: str, pg_reader: tuple[str, str], tmp_path: Path, site: SiteBuilder
) -> None:
    load_pg(pg_url, dataset("pagila/pagila-schema.sql", tmp_path))
    role, password = pg_reader
    url = _with_user(pg_url, role, password)
    with sa.create_engine(url).connect() as conn, pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
        conn.exec_driver_sql("SELECT * FROM actor")
    assert shape(read_database("pagila", url)) == shape(read_database("pagila", pg_url))
    site.catalog("pagila", f"database: pagila\nconnection:\n  url: {url}\n")
    site.mkdocs_yml()
    result = site.build()
    assert result.error is None, result.error
    assert "film_fulltext_idx" in html.unescape(result.html("databases/pagila/film/"))
    assert password not in result.all_text() and password not in result.log_text


@pytest.mark.mariadb
def test_mariadb_user_without_select_reads_the_same_catalog(
    mariadb_url: str, mariadb_reader: tuple[str, str], tmp_path: Path
) -> None:
    load_mariadb(mariadb_url, dataset("sakila/mysql-sakila-schema.sql", tmp_path))
    user, password = mariadb_reader
    url = _with_user(mariadb_url, user, password)
    with sa.create_engine(url).connect() as conn, pytest.raises(sa.exc.OperationalError, match="SELECT command denied"):
        conn.exec_driver_sql("SELECT * FROM actor")
    mine, admin = shape(read_database("sakila", url)), shape(read_database("sakila", mariadb_url))
    assert mine == admin


# ------------------------------------------------------------------------------------ no secrets


@pytest.mark.postgres
def test_password_of_a_real_role_is_nowhere_in_site_or_logs(
    pg_url: str, pg_reader: tuple[str, str], site: SiteBuilder
) -> None:
    role, password = pg_reader
    with sa.create_engine(pg_url).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE orders (id int PRIMARY KEY, total numeric)")
    good = _with_user(pg_url, role, password)
    site.catalog("orders", "database: orders\nconnection:\n  url: ${ORDERS_URL}\n")
    site.mkdocs_yml()
    import os

    os.environ["ORDERS_URL"] = good
    try:
        result = site.build()
        assert result.error is None, result.error
        page = html.unescape(result.html("databases/orders/"))
        assert f"{role}:****@127.0.0.1" in page
        assert "numeric" in html.unescape(result.html("databases/orders/orders/"))
        assert password not in result.all_text() and password not in result.log_text
        # The same password on a connection that fails: the error names the database, not the secret.
        os.environ["ORDERS_URL"] = good.rsplit("/", 1)[0] + "/no_such_database_here"
        failed = site.build()
    finally:
        del os.environ["ORDERS_URL"]
    assert failed.error is not None and "database 'orders'" in failed.error
    assert "no_such_database_here" in failed.error and "****" in failed.error
    assert password not in failed.error and password not in failed.log_text


@pytest.mark.mariadb
def test_wrong_password_is_a_clear_error_without_either_password(
    mariadb_url: str, mariadb_reader: tuple[str, str], site: SiteBuilder
) -> None:
    user, password = mariadb_reader
    wrong = "Wr0ng-" + unique_name("pw") + "@x"
    url = sa.make_url(mariadb_url).set(username=user, password=wrong).render_as_string(hide_password=False)
    assert "%40x" in url  # the URL carries it percent-encoded; neither spelling may leak
    site.mkdocs_yml({"databases": [{"name": "shop", "url": url}], "connect_timeout": 3})
    started = time.monotonic()
    result = site.build()
    assert time.monotonic() - started < 15
    assert result.error is not None
    assert "database 'shop'" in result.error and "Access denied" in result.error
    for secret in (wrong, wrong.replace("@", "%40"), password):
        assert secret not in result.error and secret not in result.log_text


# ------------------------------------------------------------------------ unreachable, bounded time


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections and never says a word (a hung server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for connection in held:
        connection.close()


def _closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return int(port)


@pytest.mark.parametrize("scheme", ["postgresql", "mysql"])
@pytest.mark.parametrize("kind", ["silent", "closed"])
def test_unreachable_server_fails_within_connect_timeout(
    scheme: str, kind: str, request: pytest.FixtureRequest
) -> None:
    port = request.getfixturevalue("silent_port") if kind == "silent" else _closed_port()
    url = f"{scheme}://app:Top-Secret-1@127.0.0.1:{port}/shop"
    started = time.monotonic()
    with pytest.raises(DatabaseError) as caught:
        read_database("shop", url, LiveOptions(connect_timeout=2, statement_timeout=5))
    elapsed = time.monotonic() - started
    assert elapsed < 5, elapsed
    message = str(caught.value)
    assert message.startswith(f"database 'shop' ({scheme}://app:****@127.0.0.1:{port}/shop): cannot connect after")
    assert "Top-Secret-1" not in message and "check the host, port, user and password" in message


@pytest.mark.postgres
def test_slow_catalog_query_hits_the_statement_timeout(pg_url: str) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE busy (id int)")
    locker = engine.connect()
    locker.exec_driver_sql("BEGIN")
    locker.exec_driver_sql("LOCK TABLE busy IN ACCESS EXCLUSIVE MODE")  # sizes need a share lock
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseError, match=r"ran longer than statement_timeout \(1 s\)"):
            read_database("busy", pg_url, LiveOptions(statement_timeout=1))
        assert time.monotonic() - started < 5
    finally:
        locker.rollback()
        locker.close()
        engine.dispose()


@pytest.mark.parametrize(
    ("module", "scheme", "extra"), [("psycopg", "postgresql", "postgres"), ("pymysql", "mysql", "mysql")]
)
def test_missing_driver_names_the_extra_to_install(module: str, scheme: str, extra: str, site: SiteBuilder) -> None:
    site.mkdocs_yml({"databases": [{"name": "shop", "url": f"{scheme}://app:S3cret@127.0.0.1/shop"}]})
    code = f"import sys; sys.modules[{module!r}] = None; from mkdocs.__main__ import cli; cli()"
    result = subprocess.run(
        [sys.executable, "-c", code, "build", "-f", str(site.root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert f"pip install 'mkdocs-dbcatalog[{extra}]'" in result.stderr
    assert "database 'shop'" in result.stderr and "S3cret" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
