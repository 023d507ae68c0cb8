"""Live introspection: read a database's structure from its connection URL into the catalog model.

The public API, for the plugin (through `assemble`) and the CLI:

- `read_database(name, url, options)` reads one database and returns a `Database` with
  `origin=Origin.LIVE`, or raises `DatabaseError` naming the database and its masked URL.
- `read_databases(requests)` reads several at once on a thread pool, and returns for each request
  either its `Database` or the `DatabaseError` it failed with, so callers can fall back per database.

Every read is one read-only transaction with connect and statement timeouts (see `session`), and
a fixed number of queries whatever the number of tables (see the engine modules).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import exc

from ...catalog import engines
from ...catalog.model import Database, Origin
from ...catalog.rewrite import map_text
from ...errors import DatabaseError
from ...memory import collector_paused
from ...urls import ConnectionUrl, mask_text, may_mask
from ...urls import parse as parse_url
from ..migrations import Bookkeeping, read_bookkeeping
from . import duckdb, generic, mysql, postgresql, sqlite
from .common import Scope
from .session import Limits, Target, create_engine, describe_failure, read_only

__all__ = ["LiveOptions", "LiveRequest", "default_concurrency", "read_database", "read_databases"]


@dataclass(frozen=True)
class LiveOptions:
    """What to read from a database, and how long to wait for it."""

    schemas: tuple[str, ...] = ()
    """Schemas to read; empty reads the default schema (PostgreSQL: `current_schema()`, MySQL: the URL's database)."""
    include: tuple[str, ...] = ()
    """`fnmatch` patterns for table names (or `schema.table`) to keep; empty keeps every table."""
    exclude: tuple[str, ...] = ()
    """Patterns for tables to leave out."""
    connect_timeout: float = 10
    statement_timeout: float = 30
    base: Path | None = None
    """Folder that relative SQLite paths are resolved against (the site's mkdocs.yml folder)."""


@dataclass(frozen=True)
class LiveRequest:
    """One database to read with `read_databases`."""

    name: str
    url: ConnectionUrl
    options: LiveOptions = field(default_factory=LiveOptions)
    bookkeeping: Bookkeeping | None = None
    """The migration tool's table to read too, in the same read-only session."""


@collector_paused()  # tens of thousands of rows and model objects, none in cycles
def read_database(
    name: str, url: ConnectionUrl | str, options: LiveOptions | None = None, bookkeeping: Bookkeeping | None = None
) -> Database:
    """Read one database's structure, live, in a read-only transaction.

    Args:
        name: The database's name in the catalog (used in messages and in the returned model).
        url: A SQLAlchemy URL (`postgresql://`, `mysql://`, `mariadb://`, `sqlite:///`), as text or parsed.
        options: Schemas, table patterns and timeouts.
        bookkeeping: A migration tool's table to SELECT in the same session (`Database.applied`).

    Returns:
        The database with `origin=Origin.LIVE` and `read_at` set; its `url` is masked.

    Raises:
        DatabaseError: unreachable, refused, timed out, missing driver, unknown schema; the message
            names the database and its masked URL and never contains a secret.
    """
    options = options or LiveOptions()
    connection_url = parse_url(url) if isinstance(url, str) else url
    target = Target(name, connection_url, options.base)
    limits = Limits(options.connect_timeout, options.statement_timeout)
    scope = Scope(options.schemas, options.include, options.exclude)
    try:
        if connection_url.engine == "duckdb":
            database = _read_duckdb(target, scope, limits, bookkeeping)
        else:
            database = _read_sqlalchemy(target, scope, limits, bookkeeping)
    except DatabaseError as problem:
        problem.database = problem.database or name
        raise
    known = engines.engine_for(database.engine)
    database = replace(
        database,
        name=name,
        host=connection_url.host,
        port=connection_url.port or (known.default_port if known else None),
        url=connection_url.masked,
        origin=Origin.LIVE,
        read_at=datetime.now(timezone.utc).replace(microsecond=0),
    )
    # A URL in a comment or a view's SQL: masked, in the cache too.
    return map_text(database, mask_text, may_mask)


def _read_sqlalchemy(target: Target, scope: Scope, limits: Limits, bookkeeping: Bookkeeping | None) -> Database:
    """PostgreSQL, MySQL/MariaDB and SQLite with their native readers; any other dialect generically."""
    engine = create_engine(target, limits)
    try:
        with read_only(target, engine, limits) as connection:
            dialect = engine.dialect.name
            if dialect == "postgresql":
                database = postgresql.read(connection, scope, target.where)
            elif dialect == "sqlite":
                database = sqlite.read(connection, scope, target.where)
            elif dialect in ("mysql", "mariadb"):
                database = mysql.read(connection, scope, target.where)
            else:
                database = generic.read(connection, scope, target.where)
            if bookkeeping is not None:
                applied = read_bookkeeping(connection, bookkeeping, scrub=target.url.scrub)
                database = replace(database, applied=applied)
    except DatabaseError:
        raise
    except (exc.SQLAlchemyError, OSError, ImportError) as problem:
        raise describe_failure(target, problem, limits) from None
    finally:
        engine.dispose()
    return database


def _read_duckdb(target: Target, scope: Scope, limits: Limits, bookkeeping: Bookkeeping | None) -> Database:
    with duckdb.read_only(target) as connection:
        try:
            database = duckdb.read(connection, scope, target.where, limits)
        except DatabaseError:
            raise
        except Exception as problem:  # duckdb.Error; the package is imported lazily
            raise describe_failure(target, problem, limits) from None
        if bookkeeping is not None:
            applied = duckdb.read_bookkeeping(connection, limits, bookkeeping, target.url.scrub)
            database = replace(database, applied=applied)
    return database


def default_concurrency() -> int:
    """Reads wait on their servers more than they compute: 4 per core, at most 32 connections."""
    return min(32, 4 * (os.cpu_count() or 1))


@collector_paused()
def read_databases(requests: Sequence[LiveRequest], max_workers: int | None = None) -> list[Database | DatabaseError]:
    """Read several databases concurrently, at most `max_workers` at once (default: `default_concurrency`);
    one result per request, in order.

    A failure is returned (not raised) so that each database can fall back to its cached read. An
    unreachable database holds one worker for its connect timeout while the others go on reading,
    so it adds that timeout once to the whole, not once per database.
    """
    if not requests:
        return []
    max_workers = max(1, max_workers or default_concurrency())

    def one(request: LiveRequest) -> Database | DatabaseError:
        try:
            return read_database(request.name, request.url, request.options, request.bookkeeping)
        except DatabaseError as problem:
            return problem

    if len(requests) == 1:
        return [one(requests[0])]
    with ThreadPoolExecutor(max_workers=min(max_workers, len(requests)), thread_name_prefix="dbcatalog") as pool:
        return list(pool.map(one, requests))
