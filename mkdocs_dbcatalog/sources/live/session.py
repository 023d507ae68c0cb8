"""Opening a live database safely: the right driver, timeouts, and a read-only transaction.

Every read runs in one read-only transaction with a connect timeout and a per-statement timeout:
PostgreSQL `SET TRANSACTION READ ONLY` (and `default_transaction_read_only`), MariaDB/MySQL
`START TRANSACTION READ ONLY`, SQLite opened with `mode=ro`. Whatever goes wrong becomes one
`DatabaseError` that names the database and its masked URL, with the driver's text scrubbed of
secrets.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.pool import NullPool

from ...catalog import engines
from ...errors import DatabaseError
from ...urls import ConnectionUrl
from . import dialects

DRIVERS = {"postgresql": "psycopg", "mysql": "pymysql", "mariadb": "pymysql", "sqlite": "pysqlite"}
"""The driver used when a URL names none (`postgresql://` means psycopg 3, not psycopg2)."""

EXTRAS = {"postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql"}
"""The package extra that installs each engine's default driver."""

_MODULES = {"psycopg": "psycopg", "psycopg2": "psycopg2", "pymysql": "PyMySQL", "mysqldb": "mysqlclient"}


@dataclass(frozen=True)
class Limits:
    """How long a read may wait: to connect, and for any one statement (seconds)."""

    connect_timeout: float = 10
    statement_timeout: float = 30


@dataclass(frozen=True)
class Target:
    """One database to read, named for messages."""

    name: str
    url: ConnectionUrl
    base: Path | None = None
    """Folder that relative SQLite paths are resolved against (the folder of mkdocs.yml)."""

    @property
    def where(self) -> str:
        return f"database {self.name!r} ({self.url.masked})"

    def fail(self, message: str, hint: str | None = None, *, unreachable: bool = False) -> DatabaseError:
        return DatabaseError(
            self.url.scrub(message), where=self.where, hint=hint, database=self.name, unreachable=unreachable
        )


def engine_id(url: ConnectionUrl) -> str:
    """postgresql, mysql (also for mariadb:// URLs until the server says otherwise) or sqlite."""
    engine = url.engine or ""
    return "mysql" if engine == "mariadb" else engine


def create_engine(target: Target, limits: Limits) -> sa.Engine:
    """A SQLAlchemy engine for the target with timeouts set; no connection is made yet."""
    url = target.url
    if url.problem:
        raise target.fail(f"the URL cannot be read: {url.problem}", hint="write it as engine://user:password@host:port/database")
    engine = engine_id(url)
    if engine == "sqlite":
        return _sqlite_engine(target, url.database, limits)
    if engine not in ("postgresql", "mysql"):
        return generic_engine(target, limits)
    driver = url.driver or DRIVERS[url.engine or engine]
    # Built from our own parse, not re-parsed from the text: the driver connects to exactly the host
    # the page shows, and a password with an unencoded `@` stays the password (SQLAlchemy's parser
    # would take its tail for the host, and the driver would print it).
    sa_url = _sa_url(url, f"{'postgresql' if engine == 'postgresql' else 'mysql'}+{driver}")
    connect_args: dict[str, Any]
    if engine == "postgresql":
        statement_ms = int(limits.statement_timeout * 1000)
        connect_args = {
            # libpq rounds down and ignores values below 2 seconds.
            "connect_timeout": max(2, round(limits.connect_timeout)),
            "options": " ".join(
                filter(
                    None,
                    [
                        _text(sa_url.query.get("options")),
                        f"-c statement_timeout={statement_ms}",
                        f"-c lock_timeout={statement_ms}",
                        "-c default_transaction_read_only=on",
                    ],
                )
            ),
            "application_name": "mkdocs-dbcatalog",
        }
    else:
        connect_args = {
            "connect_timeout": max(1, round(limits.connect_timeout)),
            # The handshake is read with read_timeout: a server that accepts and never answers must
            # fail within connect_timeout. Once connected, reads may wait as long as a statement may
            # run (see _after_connect); a hung server never hangs the build.
            "read_timeout": max(1, round(limits.connect_timeout)),
            "write_timeout": max(1, round(limits.statement_timeout + 5)),
        }
    sa_url = sa_url.difference_update_query(["options"]) if engine == "postgresql" else sa_url
    try:
        created = sa.create_engine(sa_url, poolclass=NullPool, connect_args=connect_args)
    except (ImportError, exc.NoSuchModuleError) as problem:
        raise missing_driver(target, driver, problem) from None
    if engine == "mysql":
        read_timeout = max(1, round(limits.statement_timeout + 5))

        @sa.event.listens_for(created, "connect")
        def _after_connect(dbapi_connection: Any, _: Any) -> None:
            if hasattr(dbapi_connection, "_read_timeout"):  # PyMySQL reads its timeout from here on each read
                dbapi_connection._read_timeout = read_timeout

    return created


def _sa_url(url: ConnectionUrl, drivername: str) -> sa.URL:
    query: dict[str, list[str]] = {}
    for key, value in url.secret_query():
        query.setdefault(key, []).append(value)
    return sa.URL.create(
        drivername,
        username=url.user,
        password=url.secret_password(),
        host=url.host,
        port=url.port,
        database=url.database,
        query={key: values[0] if len(values) == 1 else tuple(values) for key, values in query.items()},
    )


def generic_engine(target: Target, limits: Limits) -> sa.Engine:
    """An engine for a dialect read by the generic reader, with the timeouts its driver takes."""
    url = target.url
    sa_url = _sa_url(url, f"{url.scheme}+{url.driver}" if url.driver else url.scheme)
    try:
        dialect = sa_url.get_dialect()
    except (ImportError, exc.NoSuchModuleError) as problem:
        raise missing_driver(target, url.driver or "", problem) from None
    args = dialects.connect_args(dialect.driver, limits.connect_timeout, limits.statement_timeout)
    try:
        return sa.create_engine(sa_url, poolclass=NullPool, connect_args=args)
    except (ImportError, exc.NoSuchModuleError) as problem:
        raise missing_driver(target, dialect.driver, problem) from None


def _text(value: str | tuple[str, ...] | None) -> str | None:
    return " ".join(value) if isinstance(value, tuple) else value


def missing_driver(target: Target, driver: str, problem: BaseException) -> DatabaseError:
    """Which package to install: our extra for the native engines, else the dialect's and driver's own."""
    engine = target.url.engine or ""
    extra = EXTRAS.get(engine)
    if extra and driver == DRIVERS.get(engine):
        return target.fail(
            f"the database driver {_MODULES.get(driver, driver)} is not installed ({type(problem).__name__})",
            hint=f"pip install 'mkdocs-dbcatalog[{extra}]'",
        )
    packages = engines.driver_packages(target.url.scheme, target.url.driver or (driver if driver != engine else None))
    if not packages:
        return target.fail(
            f"no SQLAlchemy dialect or driver is installed for {target.url.scheme!r} URLs ({type(problem).__name__})",
            hint="install the SQLAlchemy dialect package for this database (its documentation names it)",
        )
    return target.fail(
        f"the SQLAlchemy dialect or driver for {target.url.scheme!r} URLs is not installed ({type(problem).__name__})",
        hint="pip install " + " ".join(f"'{p}'" if "[" in p else p for p in packages),
    )


def _sqlite_engine(target: Target, name: str | None, limits: Limits) -> sa.Engine:
    if not name or name == ":memory:" or name.startswith("file:"):
        raise target.fail(
            "a live SQLite database must be a file",
            hint="write sqlite:///relative/path.db (relative to mkdocs.yml) or sqlite:////absolute/path.db",
        )
    path = Path(name)
    if not path.is_absolute() and target.base is not None:
        path = target.base / path
    if not path.is_file():
        raise target.fail(f"the file {path.as_posix()} does not exist", hint="check the path in the URL")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    deadline_box: list[float] = []

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, timeout=limits.connect_timeout, check_same_thread=False)
        # No statement timeout in SQLite itself: a progress handler aborts a statement past its deadline.
        connection.set_progress_handler(lambda: 1 if deadline_box and time.monotonic() > deadline_box[0] else 0, 10_000)
        return connection

    engine = sa.create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _start_clock(*_: Any) -> None:
        deadline_box[:] = [time.monotonic() + limits.statement_timeout]

    return engine


@contextmanager
def read_only(target: Target, engine: sa.Engine, limits: Limits) -> Iterator[sa.Connection]:
    """A connection inside a read-only transaction, rolled back at the end.

    A failure to connect is reported here, as such; failures of later statements are reported by
    `describe_failure`.
    """
    started = time.monotonic()
    try:
        connection = engine.connect()
    except (ImportError, exc.NoSuchModuleError) as problem:
        raise missing_driver(target, target.url.driver or DRIVERS.get(target.url.engine or "", "?"), problem) from None
    except (exc.DBAPIError, OSError) as problem:
        waited = time.monotonic() - started
        raise target.fail(
            f"cannot connect after {waited:.1f} s: {_driver_text(target, problem)}",
            hint=f"check the host, port, user and password (connect_timeout is {limits.connect_timeout:g} s)",
            unreachable=True,
        ) from None
    with connection:
        dialect = engine.dialect
        if dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        elif dialect.name in ("mysql", "mariadb"):
            if getattr(dialect, "is_mariadb", False):
                connection.exec_driver_sql(f"SET SESSION max_statement_time = {limits.statement_timeout:g}")
            else:
                connection.exec_driver_sql(f"SET SESSION max_execution_time = {int(limits.statement_timeout * 1000)}")
            connection.exec_driver_sql("START TRANSACTION READ ONLY")
        elif dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA query_only = 1")
        else:
            dialects.begin(connection, limits.statement_timeout)
        try:
            yield connection
        finally:
            connection.rollback()


def describe_failure(target: Target, problem: BaseException, limits: Limits) -> DatabaseError:
    """One clear, secret-free message for whatever a driver raised while reading."""
    if isinstance(problem, DatabaseError):
        return problem
    text = _driver_text(target, problem)
    lowered = text.lower()
    if any(m in lowered for m in ("statement timeout", "max_statement_time", "max_execution_time", "interrupted")):
        return target.fail(
            f"a catalog query ran longer than statement_timeout ({limits.statement_timeout:g} s): {text}",
            hint="raise the plugin's statement_timeout, or read fewer schemas",
        )
    if "permission denied" in lowered or "access denied" in lowered or "command denied" in lowered:
        return target.fail(
            f"the user may not read the catalog: {text}",
            hint="grant it CONNECT and USAGE on the schemas (no SELECT on data is needed)",
        )
    return target.fail(f"reading the structure failed: {text}")


def _driver_text(target: Target, problem: BaseException) -> str:
    """The driver's own message on one line, with every secret of the URL masked."""
    original = getattr(problem, "orig", None) or problem
    text = " ".join(str(original).split()) or type(original).__name__
    return target.url.scrub(text)
