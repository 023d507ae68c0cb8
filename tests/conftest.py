"""Shared fixtures: real database servers (one fresh database per test) and real MkDocs builds.

Outside CI a test whose server is absent is skipped with the reason; with `CI` set it fails.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import Browser, find_chromium
from .sitebuilder import SiteBuilder


def _datasets() -> Path:
    """`shared/datasets` beside the repository (or beside a worktree's parent folder), else the
    workplace's copy, for a clone made anywhere; `DBCATALOG_DATASETS` names another place."""
    if os.environ.get("DBCATALOG_DATASETS"):
        return Path(os.environ["DBCATALOG_DATASETS"])
    for parent in [*Path(__file__).resolve().parents[1:], Path("/work")]:
        candidate = parent / "shared" / "datasets"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[2] / "shared" / "datasets"


DATASETS = _datasets()
PG_ADMIN_URL = os.environ.get("DBCATALOG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
MARIADB_ADMIN_URL = os.environ.get("DBCATALOG_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/mysql")


def _server_or_skip(host: str, port: int, what: str) -> None:
    try:
        with socket.create_connection((host, port), timeout=2):
            return
    except OSError as problem:
        message = f"{what} is not reachable at {host}:{port} ({problem})"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI every server must be up (.ci/run starts them)")
        pytest.skip(message)


def unique_name(prefix: str = "dbc") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database (dropped afterwards); yields its SQLAlchemy URL."""
    _server_or_skip("127.0.0.1", 5432, "PostgreSQL")
    import sqlalchemy as sa

    name = unique_name()
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def mariadb_url() -> Iterator[str]:
    """A new, empty MariaDB database (dropped afterwards); yields its SQLAlchemy URL."""
    _server_or_skip("127.0.0.1", 3306, "MariaDB")
    import sqlalchemy as sa

    name = unique_name()
    admin = sa.create_engine(MARIADB_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    try:
        yield MARIADB_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium (Debian's `chromium`) for every browser test of a worker."""
    executable = find_chromium()
    if executable is None:
        message = "headless Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI it must be (.ci/run installs it)")
        pytest.skip(message)
    instance = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield instance
    finally:
        instance.close()


@pytest.fixture
def site(tmp_path: Path) -> SiteBuilder:
    """A MkDocs site in tmp_path: write files, then `build()` it for real."""
    return SiteBuilder(tmp_path)
