"""What the catalog knows about each database engine: names, URL patterns, backup commands.

Pure data, so renderers, the YAML source and live introspection agree on one spelling.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Engine:
    id: str
    title: str
    scheme: str
    """URL scheme of the connection-string pattern."""
    default_port: int | None
    backup: str | None
    """Backup command; {host} {port} {user} {database} are filled in."""
    restore: str | None
    pattern_query: str = ""


ENGINES: dict[str, Engine] = {
    engine.id: engine
    for engine in (
        Engine(
            "postgresql",
            "PostgreSQL",
            "postgresql",
            5432,
            "pg_dump -h {host} -p {port} -U {user} -d {database} -Fc -f {database}.dump",
            "pg_restore -h {host} -p {port} -U {user} -d {database} --clean --if-exists {database}.dump",
            "?sslmode=MODE",
        ),
        Engine(
            "mysql",
            "MySQL",
            "mysql",
            3306,
            "mysqldump -h {host} -P {port} -u {user} -p --single-transaction --routines {database} > {database}.sql",
            "mysql -h {host} -P {port} -u {user} -p {database} < {database}.sql",
        ),
        Engine(
            "mariadb",
            "MariaDB",
            "mariadb",
            3306,
            "mariadb-dump -h {host} -P {port} -u {user} -p --single-transaction --routines {database} > {database}.sql",
            "mariadb -h {host} -P {port} -u {user} -p {database} < {database}.sql",
        ),
        Engine(
            "sqlite",
            "SQLite",
            "sqlite",
            None,
            "sqlite3 {database_path} \".backup '{database}.backup.sqlite'\"",
            "cp {database}.backup.sqlite {database_path}",
        ),
        Engine(
            "mongodb",
            "MongoDB",
            "mongodb",
            27017,
            "mongodump --uri 'mongodb://{user}@{host}:{port}/{database}' --archive={database}.archive",
            "mongorestore --uri 'mongodb://{user}@{host}:{port}/{database}' --archive={database}.archive",
        ),
        Engine(
            "mssql",
            "SQL Server",
            "mssql",
            1433,
            "sqlcmd -S {host},{port} -U {user} -Q \"BACKUP DATABASE [{database}] TO DISK='{database}.bak'\"",
            "sqlcmd -S {host},{port} -U {user} -Q \"RESTORE DATABASE [{database}] FROM DISK='{database}.bak'\"",
        ),
        Engine("oracle", "Oracle", "oracle", 1521, None, None),
        Engine("redis", "Redis", "redis", 6379, None, None),
        Engine("clickhouse", "ClickHouse", "clickhouse", 9000, None, None),
        Engine("cockroachdb", "CockroachDB", "cockroachdb", 26257, None, None),
        Engine("duckdb", "DuckDB", "duckdb", None, None, None),
        Engine("snowflake", "Snowflake", "snowflake", 443, None, None),
        Engine("bigquery", "BigQuery", "bigquery", None, None, None),
        Engine("redshift", "Amazon Redshift", "redshift", 5439, None, None),
    )
}

_ALIASES = {
    "postgres": "postgresql",
    "pg": "postgresql",
    "pgsql": "postgresql",
    "psql": "postgresql",
    "mongo": "mongodb",
    "sqlserver": "mssql",
    "sql server": "mssql",
    "sqlite3": "sqlite",
    "cockroach": "cockroachdb",
    "tsql": "mssql",
    "google bigquery": "bigquery",
    "amazon redshift": "redshift",
}


def normalize(name: str | None) -> str | None:
    """The engine id for a name as people or URLs write it ("Postgres", "postgresql+psycopg")."""
    if not name:
        return None
    key = name.strip().lower().split("+", 1)[0]
    return _ALIASES.get(key, key)


def engine_for(engine_id: str | None) -> Engine | None:
    return ENGINES.get(engine_id or "")


def title(engine_id: str | None) -> str | None:
    """Display name: PostgreSQL for postgresql; unknown engines keep their own spelling."""
    if engine_id is None:
        return None
    known = ENGINES.get(engine_id)
    return known.title if known else engine_id
