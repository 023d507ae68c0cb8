"""Sessions on the dialects read generically: timeouts and read-only transactions where the driver
and engine offer them.

Each DBAPI driver names its timeouts differently, so the known ones are listed here; a driver
not listed connects with its own defaults (the README says so). Whatever the engine, the
generic reader only reflects (SELECTs on the engine's catalog views) and the transaction is
rolled back at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

ConnectArgs = Callable[[float, float], dict[str, Any]]

CONNECT_ARGS: dict[str, ConnectArgs] = {
    # SQL Server
    "pyodbc": lambda connect, _: {"timeout": max(1, round(connect))},
    "pymssql": lambda connect, statement: {"login_timeout": max(1, round(connect)), "timeout": round(statement)},
    "aioodbc": lambda connect, _: {"timeout": max(1, round(connect))},
    # Oracle (thin mode: seconds, float)
    "oracledb": lambda connect, _: {"tcp_connect_timeout": float(connect)},
    "cx_oracle": lambda connect, _: {},
    # Snowflake: the statement timeout is a session parameter
    "snowflake": lambda connect, statement: {
        "login_timeout": max(1, round(connect)),
        "session_parameters": {"STATEMENT_TIMEOUT_IN_SECONDS": max(1, round(statement))},
    },
    # PostgreSQL-protocol engines (Redshift, CockroachDB, YugabyteDB...) with libpq drivers
    "psycopg2": lambda connect, statement: _libpq(connect, statement),
    "psycopg": lambda connect, statement: _libpq(connect, statement),
    "redshift_connector": lambda connect, _: {"timeout": max(1, round(connect))},
    # Trino / Presto: one HTTP timeout for each request
    "trino": lambda connect, statement: {"request_timeout": float(max(connect, statement))},
    # ClickHouse (native protocol)
    "native": lambda connect, statement: {
        "connect_timeout": max(1, round(connect)),
        "send_receive_timeout": max(1, round(statement)),
    },
}


def _libpq(connect: float, statement: float) -> dict[str, Any]:
    ms = int(statement * 1000)
    return {
        "connect_timeout": max(2, round(connect)),
        "options": f"-c statement_timeout={ms} -c default_transaction_read_only=on",
    }


def connect_args(driver: str, connect_timeout: float, statement_timeout: float) -> dict[str, Any]:
    """Keyword arguments the driver takes for its connect and statement timeouts."""
    maker = CONNECT_ARGS.get(driver)
    return maker(connect_timeout, statement_timeout) if maker else {}


READ_ONLY: dict[str, str] = {
    "oracle": "SET TRANSACTION READ ONLY",
    "cockroachdb": "SET TRANSACTION READ ONLY",
    "redshift": "SET TRANSACTION READ ONLY",
}
"""The statement that makes the transaction read-only, on the engines that have one."""


def begin(connection: sa.Connection, statement_timeout: float) -> None:
    """Open the read-only transaction where the engine has one, and set the per-statement timeout
    the driver takes on its connection object (pyodbc's `timeout`, oracledb's `call_timeout`)."""
    dialect = connection.dialect
    raw = connection.connection.dbapi_connection
    if dialect.driver in ("pyodbc", "aioodbc") and raw is not None and hasattr(raw, "timeout"):
        raw.timeout = max(1, round(statement_timeout))
    if dialect.driver in ("oracledb", "cx_oracle") and raw is not None and hasattr(raw, "call_timeout"):
        raw.call_timeout = int(statement_timeout * 1000)
    statement = READ_ONLY.get(dialect.name)
    if statement:
        connection.exec_driver_sql(statement)
    if dialect.name == "mssql":
        connection.exec_driver_sql(f"SET LOCK_TIMEOUT {int(statement_timeout * 1000)}")
