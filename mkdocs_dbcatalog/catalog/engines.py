"""What the catalog knows about each database engine: names, ports, URL forms, commands, drivers.

Pure data, so renderers, the YAML source and live introspection agree on one spelling. Command
and URL templates take `{host} {port} {user} {database} {database_path}`; URL forms also take
`{secret}` (`:****` when the URL has a password, else empty: masked by construction; `{secret_slash}`
and `{secret_ado}` for Oracle's `user/****@` and ADO.NET's `Password=****;`) and `{query}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    connect: str | None = None
    """The engine's own client, connected to the database (`psql`, `sqlcmd`, `duckdb`...)."""
    url_form: str | None = None
    """The connection string this engine's users recognise (libpq URL, ADO.NET, EZConnect...)."""
    reader: str | None = None
    """How a live URL is read: "native" (our own catalog queries), "generic" (SQLAlchemy's
    Inspector, once the dialect is installed) or None (no live read: YAML or schema files only)."""
    packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """pip packages that provide the SQLAlchemy dialect, per driver ("" is the dialect's default)."""


_LIBPQ = "postgresql://{user}{secret}@{host}:{port}/{database}{query}"

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
            connect="psql -h {host} -p {port} -U {user} -d {database}",
            url_form=_LIBPQ,
            reader="native",
        ),
        Engine(
            "mysql",
            "MySQL",
            "mysql",
            3306,
            "mysqldump -h {host} -P {port} -u {user} -p --single-transaction --routines {database} > {database}.sql",
            "mysql -h {host} -P {port} -u {user} -p {database} < {database}.sql",
            connect="mysql -h {host} -P {port} -u {user} -p {database}",
            url_form="mysql://{user}{secret}@{host}:{port}/{database}{query}",
            reader="native",
        ),
        Engine(
            "mariadb",
            "MariaDB",
            "mariadb",
            3306,
            "mariadb-dump -h {host} -P {port} -u {user} -p --single-transaction --routines {database} > {database}.sql",
            "mariadb -h {host} -P {port} -u {user} -p {database} < {database}.sql",
            connect="mariadb -h {host} -P {port} -u {user} -p {database}",
            url_form="mariadb://{user}{secret}@{host}:{port}/{database}{query}",
            reader="native",
        ),
        Engine(
            "sqlite",
            "SQLite",
            "sqlite",
            None,
            "sqlite3 {database_path} \".backup '{database}.backup.sqlite'\"",
            "cp {database}.backup.sqlite {database_path}",
            connect="sqlite3 -readonly {database_path}",
            url_form="sqlite:///{database_path}",
            reader="native",
        ),
        Engine(
            "duckdb",
            "DuckDB",
            "duckdb",
            None,
            "duckdb -readonly {database_path} -c \"EXPORT DATABASE '{database}-backup' (FORMAT parquet)\"",
            "duckdb {database}-restored.duckdb -c \"IMPORT DATABASE '{database}-backup'\"",
            connect="duckdb -readonly {database_path}",
            url_form="duckdb:///{database_path}",
            reader="native",
        ),
        Engine(
            "mssql",
            "SQL Server",
            "mssql",
            1433,
            "sqlcmd -S {host},{port} -U {user} -Q \"BACKUP DATABASE [{database}] TO DISK = N'{database}.bak' "
            'WITH COPY_ONLY, COMPRESSION, CHECKSUM"\n'
            "# one table's rows, portable between servers:\n"
            "bcp {database}.dbo.TABLE out TABLE.dat -S {host},{port} -U {user} -n",
            "sqlcmd -S {host},{port} -U {user} -Q \"RESTORE DATABASE [{database}] FROM DISK = N'{database}.bak' "
            'WITH REPLACE, CHECKSUM"\n'
            "bcp {database}.dbo.TABLE in TABLE.dat -S {host},{port} -U {user} -n",
            connect="sqlcmd -S {host},{port} -U {user} -d {database}",
            url_form="Server={host},{port};Database={database};User Id={user};{secret_ado}",
            reader="generic",
            packages={"": ("pyodbc",), "pyodbc": ("pyodbc",), "pymssql": ("pymssql",), "aioodbc": ("aioodbc",)},
        ),
        Engine(
            "oracle",
            "Oracle",
            "oracle",
            1521,
            "expdp {user}@//{host}:{port}/{database} schemas={user} directory=DATA_PUMP_DIR "
            "dumpfile={database}.dmp logfile={database}-export.log",
            "impdp {user}@//{host}:{port}/{database} schemas={user} directory=DATA_PUMP_DIR "
            "dumpfile={database}.dmp logfile={database}-import.log table_exists_action=replace",
            connect="sqlplus {user}@//{host}:{port}/{database}",
            url_form="{user}{secret_slash}@//{host}:{port}/{database}",
            reader="generic",
            packages={"": ("oracledb",), "oracledb": ("oracledb",), "cx_oracle": ("cx_Oracle",)},
        ),
        Engine(
            "snowflake",
            "Snowflake",
            "snowflake",
            443,
            'snowsql -a {host} -u {user} -q "CREATE OR REPLACE DATABASE {database}_BACKUP CLONE {database}"',
            'snowsql -a {host} -u {user} -q "CREATE OR REPLACE DATABASE {database} CLONE {database}_BACKUP"',
            connect="snowsql -a {host} -u {user} -d {database}",
            url_form="snowflake://{user}{secret}@{host}/{database}{query}",
            reader="generic",
            packages={"": ("snowflake-sqlalchemy",)},
        ),
        Engine(
            "bigquery",
            "BigQuery",
            "bigquery",
            None,
            "bq extract --destination_format=AVRO '{host}:{database}.TABLE' 'gs://BUCKET/{database}/TABLE-*.avro'",
            "bq load --source_format=AVRO --use_avro_logical_types '{host}:{database}.TABLE' "
            "'gs://BUCKET/{database}/TABLE-*.avro'",
            connect="bq --project_id={host} ls {database}",
            url_form="bigquery://{host}/{database}",
            reader="generic",
            packages={"": ("sqlalchemy-bigquery",)},
        ),
        Engine(
            "redshift",
            "Amazon Redshift",
            "redshift",
            5439,
            "aws redshift create-cluster-snapshot --cluster-identifier CLUSTER --snapshot-identifier {database}-backup",
            "aws redshift restore-from-cluster-snapshot --cluster-identifier CLUSTER-restored "
            "--snapshot-identifier {database}-backup",
            connect="psql -h {host} -p {port} -U {user} -d {database}",
            url_form="jdbc:redshift://{host}:{port}/{database}",
            reader="generic",
            packages={
                "": ("sqlalchemy-redshift", "psycopg2-binary"),
                "psycopg2": ("sqlalchemy-redshift", "psycopg2-binary"),
                "redshift_connector": ("sqlalchemy-redshift", "redshift_connector"),
            },
        ),
        Engine(
            "clickhouse",
            "ClickHouse",
            "clickhouse",
            9000,
            "clickhouse-client --host {host} --port {port} --user {user} --password "
            "--query \"BACKUP DATABASE {database} TO Disk('backups', '{database}.zip')\"",
            "clickhouse-client --host {host} --port {port} --user {user} --password "
            "--query \"RESTORE DATABASE {database} FROM Disk('backups', '{database}.zip')\"",
            connect="clickhouse-client --host {host} --port {port} --user {user} --password --database {database}",
            url_form="clickhouse://{user}{secret}@{host}:{port}/{database}{query}",
            reader="generic",
            packages={"": ("clickhouse-sqlalchemy",), "native": ("clickhouse-sqlalchemy",)},
        ),
        Engine(
            "cockroachdb",
            "CockroachDB",
            "cockroachdb",
            26257,
            "cockroach sql --url 'postgresql://{user}@{host}:{port}/{database}' "
            "-e \"BACKUP DATABASE {database} INTO 'nodelocal://1/backups'\"",
            "cockroach sql --url 'postgresql://{user}@{host}:{port}/defaultdb' "
            "-e \"RESTORE DATABASE {database} FROM LATEST IN 'nodelocal://1/backups'\"",
            connect="cockroach sql --url 'postgresql://{user}@{host}:{port}/{database}'",
            url_form=_LIBPQ,
            reader="generic",
            packages={
                "": ("sqlalchemy-cockroachdb", "psycopg2-binary"),
                "psycopg2": ("sqlalchemy-cockroachdb", "psycopg2-binary"),
                "psycopg": ("sqlalchemy-cockroachdb", "psycopg[binary]"),
            },
        ),
        Engine(
            "trino",
            "Trino",
            "trino",
            8080,
            None,
            None,
            connect="trino --server {host}:{port} --user {user} --catalog {database}",
            url_form="trino://{user}@{host}:{port}/{database}",
            reader="generic",
            packages={"": ("trino[sqlalchemy]",)},
        ),
        Engine(
            "mongodb",
            "MongoDB",
            "mongodb",
            27017,
            "mongodump --uri 'mongodb://{user}@{host}:{port}/{database}' --archive={database}.archive",
            "mongorestore --uri 'mongodb://{user}@{host}:{port}/{database}' --archive={database}.archive",
            connect="mongosh 'mongodb://{user}@{host}:{port}/{database}'",
            url_form="mongodb://{user}{secret}@{host}:{port}/{database}{query}",
        ),
        Engine(
            "redis",
            "Redis",
            "redis",
            6379,
            "redis-cli -h {host} -p {port} --rdb {database}.rdb",
            None,
            connect="redis-cli -h {host} -p {port}",
            url_form="redis://{user}{secret}@{host}:{port}/{database}",
        ),
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
    "tsql": "mssql",
    "sqlite3": "sqlite",
    "cockroach": "cockroachdb",
    "google bigquery": "bigquery",
    "amazon redshift": "redshift",
    "clickhousedb": "clickhouse",
    "oracledb": "oracle",
    "duck": "duckdb",
}

_PACKAGES_BY_SCHEME = {
    "databricks": ("databricks-sqlalchemy",),
    "hana": ("sqlalchemy-hana",),
    "db2": ("ibm_db_sa",),
    "ibm_db_sa": ("ibm_db_sa",),
    "firebird": ("sqlalchemy-firebird",),
    "teradatasql": ("teradatasqlalchemy",),
    "vertica": ("sqlalchemy-vertica-python",),
    "exa": ("sqlalchemy-exasol",),
    "clickhousedb": ("clickhouse-connect",),
    "presto": ("pyhive[presto]",),
    "hive": ("pyhive[hive]",),
    "awsathena": ("pyathena[sqlalchemy]",),
}
"""Dialects of engines the catalog has no page knowledge for, and the package that provides each."""


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


def driver_packages(scheme: str, driver: str | None) -> tuple[str, ...]:
    """The pip packages a `scheme+driver://` URL needs (empty when the catalog does not know)."""
    raw = scheme.lower()
    engine = ENGINES.get(normalize(raw) or "")
    if engine is not None and engine.packages:
        return engine.packages.get(driver or "", engine.packages[""] + ((driver,) if driver else ()))
    return _PACKAGES_BY_SCHEME.get(raw, ())


def fill(
    template: str,
    *,
    user: str,
    password: str | None,
    host: str,
    port: str,
    database: str,
    database_path: str | None = None,
    query: str = "",
) -> str:
    """A command or URL form filled in. `password` is what stands for it (`****`, `PASSWORD`) or
    None when the URL has none: a real password never reaches this function."""
    return template.format(
        user=user,
        secret=f":{password}" if password else "",
        secret_slash=f"/{password}" if password else "",
        secret_ado=f"Password={password};" if password else "",
        host=host,
        port=port,
        database=database,
        database_path=database_path or database,
        query=query,
    )
