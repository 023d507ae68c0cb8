"""The SQL dialects a schema file may be written in: our names, and what each one implies.

The names are ours (what users write in `connection.dialect`), mapped to sqlglot's, so a rename in
sqlglot never breaks a user's file. Each dialect also says which client runs its scripts (that
decides how a script is split into statements), the schema that unqualified names land in, and how
the engine folds unquoted identifiers (what the engine's own catalog would report).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Client(str, enum.Enum):
    """The command-line client whose script syntax a file follows."""

    PSQL = "psql"
    MYSQL = "mysql"
    SQLITE = "sqlite3"
    SQLCMD = "sqlcmd"
    SQLPLUS = "sqlplus"
    SNOWSQL = "snowsql"
    PLAIN = "plain"
    """`;` between statements, nothing else (bq, clickhouse-client --multiquery)."""


class Folding(str, enum.Enum):
    """What the engine stores for an unquoted identifier."""

    KEEP = "keep"
    LOWER = "lower"
    UPPER = "upper"
    LOWER_ALL = "lower-all"
    """Quoted identifiers too (Redshift's default, downcase_delimited_identifier)."""


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    """Ours, as written in `connection.dialect`."""
    sqlglot: str
    engine: str
    """The catalog's engine id (catalog/engines.py)."""
    client: Client
    default_schema: str | None
    """Where unqualified names live; tables there are shown without a schema, as a live read does."""
    folding: Folding = Folding.KEEP
    case_sensitive: bool = True
    """False where the engine matches names regardless of case (ALTER TABLE person.address finds [Person].[Address])."""
    dollar_quotes: bool = False
    backslash_escapes: bool = False
    """Whether `\\'` escapes a quote inside a string (MySQL, BigQuery, ClickHouse)."""
    hash_comments: bool = False
    """Whether `#` starts a comment (MySQL, BigQuery, ClickHouse)."""

    def fold(self, name: str, quoted: bool) -> str:
        if self.folding is Folding.LOWER_ALL or (self.folding is Folding.LOWER and not quoted):
            return name.lower()
        if self.folding is Folding.UPPER and not quoted:
            return name.upper()
        return name


DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect("postgres", "postgres", "postgresql", Client.PSQL, "public", Folding.LOWER, dollar_quotes=True),
        Dialect(
            "mysql",
            "mysql",
            "mysql",
            Client.MYSQL,
            None,
            case_sensitive=False,
            backslash_escapes=True,
            hash_comments=True,
        ),
        Dialect("sqlite", "sqlite", "sqlite", Client.SQLITE, "main", case_sensitive=False),
        Dialect("duckdb", "duckdb", "duckdb", Client.SQLITE, "main", case_sensitive=False, dollar_quotes=True),
        Dialect("tsql", "tsql", "mssql", Client.SQLCMD, "dbo", case_sensitive=False),
        Dialect("oracle", "oracle", "oracle", Client.SQLPLUS, None, Folding.UPPER),
        Dialect("snowflake", "snowflake", "snowflake", Client.SNOWSQL, "PUBLIC", Folding.UPPER, dollar_quotes=True),
        Dialect("bigquery", "bigquery", "bigquery", Client.PLAIN, None, backslash_escapes=True, hash_comments=True),
        Dialect("redshift", "redshift", "redshift", Client.PSQL, "public", Folding.LOWER_ALL, dollar_quotes=True),
        Dialect(
            "clickhouse",
            "clickhouse",
            "clickhouse",
            Client.PLAIN,
            "default",
            backslash_escapes=True,
            hash_comments=True,
        ),
    )
}

_ALIASES = {
    "postgresql": "postgres",
    "pg": "postgres",
    "mariadb": "mysql",
    "sqlite3": "sqlite",
    "mssql": "tsql",
    "sqlserver": "tsql",
    "sql server": "tsql",
}
"""Other names people use for a dialect, and the engine ids of catalog/engines.py."""


def dialect_named(name: str) -> Dialect | None:
    """Our dialect for a name as people write it (`postgres`, `PostgreSQL`, `mssql`); None when unknown."""
    key = name.strip().lower()
    return DIALECTS.get(_ALIASES.get(key, key))


def dialect_for_engine(engine: str | None) -> Dialect | None:
    """The dialect of a catalog engine id (`postgresql` -> postgres, `mariadb` -> mysql), if there is one."""
    return dialect_named(engine) if engine else None


NAMES = tuple(DIALECTS)

__all__ = ["DIALECTS", "NAMES", "Client", "Dialect", "Folding", "dialect_for_engine", "dialect_named"]
